// Posting an offer or a need for the organization the person acts for: written in its original
// language (translations optional); the next page is the item, whose suggestions follow within
// seconds.
import { randomUUID } from "node:crypto";
import { Link, redirect } from "react-router";
import { postItem } from "../../modules/exchange/post-item.ts";
import type { ItemKind } from "../../modules/exchange/schema.ts";
import { isLocale, locales } from "../../platform/i18n/locales.ts";
import { ItemEditor } from "../components/exchange-editor.tsx";
import { SelectField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formOptions, itemFormError, itemInput, newItemValues, valuesOf } from "../exchange-form.server.ts";
import { pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/exchange.css?url";
import type { Route } from "./+types/exchange-new";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind") === "need" ? "need" : url.searchParams.get("kind") === "offer" ? "offer" : "";
  const asked = url.searchParams.get("language");
  const language = isLocale(asked) ? asked : locale;
  // Someone acting for no organization is told how to get one, not refused.
  if (actor.actingOrganizationId === null) return { kind, language, options: null, values: null, key: "", hasOrganizations: actor.memberships.size > 0 };
  const options = await formOptions(services(context), actor, undefined, locale);
  // One key per form shown: sending it twice (a double click, a retry) posts one item.
  return { kind, language, options, values: newItemValues(kind, language, options, actor.userId), key: randomUUID(), hasOrganizations: true };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const values = valuesOf(await request.formData());
  try {
    const posted = await postItem(services(context), actor, {
      ...itemInput(values),
      kind: (typeof values.kind === "string" ? values.kind : "") as ItemKind,
      idempotencyKey: typeof values.key === "string" && values.key ? values.key : undefined,
    });
    return redirect(`/${locale}/exchange/${posted.id}?done=posted`);
  } catch (error) {
    return itemFormError(error, locale, values);
  }
}

export default function ExchangeNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { kind, language, options, values, key, hasOrganizations } = loaderData;
  const title = kind === "need" ? t("exchangePages.new.titleNeed") : kind === "offer" ? t("exchangePages.new.titleOffer") : t("exchangePages.new.title");
  return (
    <>
      <title>{`${title} · Pares`}</title>
      <p>
        <Link to={`/${locale}/exchange`}>{t("exchangePages.browse.title")}</Link>
      </p>
      <h1>{title}</h1>
      {!options || !values ? (
        <p className="notice">
          {hasOrganizations ? t("exchangePages.new.chooseOrganization") : t("exchangePages.browse.noOrganization")}{" "}
          <Link to={`/${locale}/account/organizations`}>{t("exchangePages.browse.myOrganizations")}</Link>
        </p>
      ) : (
        <>
          <p className="lead">{t(kind === "need" ? "exchangePages.new.introNeed" : "exchangePages.new.introOffer")}</p>
          <form method="get" className="inline-field" aria-label={t("exchangePages.editor.chooseLanguage")}>
            {kind && <input type="hidden" name="kind" value={kind} />}
            <SelectField
              name="language"
              label={t("exchangePages.editor.chooseLanguage")}
              defaultValue={language}
              options={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            />
            <div className="field actions">
              <button type="submit" className="secondary">
                {t("exchangePages.editor.useLanguage")}
              </button>
            </div>
          </form>
          <ItemEditor key={language} values={actionData?.values ?? values} errors={actionData?.errors} options={options} hidden={{ key }} />
        </>
      )}
    </>
  );
}
