// Editing an offer or a need, from the revision the form was opened at: when someone else saved
// in between, nothing is overwritten; the page says so and keeps what the person typed.
import { data, Link, redirect } from "react-router";
import { getItem } from "../../modules/exchange/get-item.ts";
import { updateItem } from "../../modules/exchange/update-item.ts";
import { ItemEditor } from "../components/exchange-editor.tsx";
import { useI18n } from "../i18n.tsx";
import { formOptions, itemFormError, itemInput, valuesOf, valuesOfItem } from "../exchange-form.server.ts";
import { orNotFound, pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/exchange.css?url";
import type { Route } from "./+types/exchange-edit";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const item = await orNotFound(getItem(ctx, actor, params.id, locale));
  // Its organization's people edit it; anyone else who may read it is told it is not theirs to change.
  if (!item.own) throw data(null, { status: 403 });
  const options = await formOptions(ctx, actor, item.organization.slug, locale);
  return { id: item.id, kind: item.kind, title: item.title, language: item.language, revision: item.revision, contact: item.contact?.name ?? null, values: valuesOfItem(item), options };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const values = valuesOf(await request.formData());
  try {
    await updateItem(services(context), actor, params.id, { ...itemInput(values), revision: typeof values.revision === "string" ? values.revision : "" });
    return redirect(`/${locale}/exchange/${params.id}?done=saved`);
  } catch (error) {
    return itemFormError(error, locale, values);
  }
}

export default function ExchangeEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const l = loaderData;
  const base = `/${locale}/exchange/${l.id}`;
  const heading = t(l.kind === "need" ? "exchangePages.edit.titleNeed" : "exchangePages.edit.titleOffer");
  return (
    <>
      <title>{`${heading} · Pares`}</title>
      <p>
        <Link to={base}>{t("exchangePages.edit.back")}</Link>
      </p>
      <h1>
        {heading}: <span lang={l.language}>{l.title}</span>
      </h1>
      {actionData?.stale && (
        <div role="alert" className="alert">
          <p>{t("exchange.error.staleRevision")}</p>
          <p>
            <a href={base} target="_blank" rel="noopener">
              {t("exchangePages.edit.staleSee")}
            </a>
          </p>
        </div>
      )}
      <ItemEditor
        values={actionData?.values ?? l.values}
        errors={actionData?.stale ? { ...actionData.errors, form: undefined } : actionData?.errors}
        options={l.options}
        revision={l.revision}
        currentContact={l.contact}
      />
    </>
  );
}
