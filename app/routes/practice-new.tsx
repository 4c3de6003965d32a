// Writing a new practice for a network's bank: a draft in its original language; images and
// documents are added once it is saved (the next page is its editor).
import { randomUUID } from "node:crypto";
import { Link, redirect } from "react-router";
import { createPractice } from "../../modules/practices/create-practice.ts";
import { listPracticeBanks } from "../../modules/practices/list-practice-banks.ts";
import { isLocale, locales } from "../../platform/i18n/locales.ts";
import { SelectField } from "../components/form.tsx";
import { PracticeEditor } from "../components/practice-editor.tsx";
import { useI18n } from "../i18n.tsx";
import { editorError, editorOptions, practiceInput, valuesOf } from "../practice-form.server.ts";
import { pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/practices.css?url";
import type { Route } from "./+types/practice-new";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const networks = await listPracticeBanks(ctx, actor, locale);
  const options = await editorOptions(ctx, networks.length === 1 ? networks[0]!.slug : null, locale);
  const asked = new URL(request.url).searchParams.get("language");
  // One key per form shown: sending it twice (a double click, a retry) creates one practice.
  return { networks, options, key: randomUUID(), acting: actor.actingOrganizationId !== null, language: isLocale(asked) ? asked : locale };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const form = await request.formData();
  const values = valuesOf(form);
  const { input, rows } = practiceInput(values);
  try {
    const created = await createPractice(services(context), actor, {
      ...input,
      network: typeof values.network === "string" ? values.network : "",
      idempotencyKey: typeof values.key === "string" && values.key ? values.key : undefined,
    });
    return redirect(`/${locale}/practices/${created.slug}/edit?done=created`);
  } catch (error) {
    return editorError(error, locale, values, rows);
  }
}

export default function PracticeNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { networks, options, key, acting, language } = loaderData;
  return (
    <>
      <title>{`${t("practicesPages.editor.newTitle")} · Pares`}</title>
      <p>
        <Link to={`/${locale}/practices`}>{t("practicesPages.search.title")}</Link>
      </p>
      <h1>{t("practicesPages.editor.newTitle")}</h1>
      {networks.length === 0 ? (
        <p className="notice">
          {acting ? t("practicesPages.editor.noBank") : t("practicesPages.editor.noOrganization")}{" "}
          <Link to={`/${locale}/account/organizations`}>{t("practicesPages.editor.myOrganizations")}</Link>
        </p>
      ) : (
        <>
          <p className="lead">{t("practicesPages.editor.newIntro")}</p>
          <form method="get" className="inline-field" aria-label={t("practicesPages.editor.chooseLanguage")}>
            <SelectField
              name="language"
              label={t("practicesPages.editor.chooseLanguage")}
              defaultValue={language}
              options={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            />
            <div className="field actions">
              <button type="submit" className="secondary">
                {t("practicesPages.editor.useLanguage")}
              </button>
            </div>
          </form>
          <PracticeEditor key={language} values={actionData?.values ?? { originalLanguage: language }} errors={actionData?.errors} options={{ ...options, networks }} hidden={{ key }} />
        </>
      )}
    </>
  );
}
