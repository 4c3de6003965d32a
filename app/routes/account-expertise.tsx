// A person's own entry in the directory of local expertise: for which organization, their
// position, what they know (per language), themes and languages, and their consent to be listed
// (withdrawn at any time: the entry then leaves the directory at once).
import { Form, Link, redirect } from "react-router";
import { getExpertiseProfile, saveExpertiseProfile } from "../../modules/exchange/save-expertise-profile.ts";
import { listMyOrganizations } from "../../modules/organizations/list-my-organizations.ts";
import { listThemes } from "../../modules/themes/list-themes.ts";
import { type Locale, locales } from "../../platform/i18n/locales.ts";
import { CheckboxGroup, CsrfField, ErrorSummary, SelectField, TextAreaField, TextField } from "../components/form.tsx";
import { CheckField } from "../components/governance-fields.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/exchange.css?url";
import type { Route } from "./+types/account-expertise";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

interface Values {
  organization: string;
  position: string;
  summary: Partial<Record<Locale, string>>;
  themeIds: string[];
  languages: string[];
  listed: boolean;
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const [profile, mine, themes] = await Promise.all([getExpertiseProfile(ctx, actor), listMyOrganizations(ctx, actor), listThemes(ctx, {}, locale)]);
  const organizations = mine.memberships.map((m) => ({ slug: m.slug, name: m.name }));
  const values: Values = profile ?? {
    organization: mine.memberships.find((m) => m.actingFor)?.slug ?? organizations[0]?.slug ?? "",
    position: "",
    summary: {},
    themeIds: [],
    languages: [locale],
    listed: false,
  };
  return {
    exists: profile !== null,
    values,
    organizations,
    themes: themes.map((th) => ({ id: th.id, scheme: th.scheme, name: th.name })),
    saved: new URL(request.url).searchParams.get("saved"),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const form = await request.formData();
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" ? value : "";
  };
  const list = (key: string) => form.getAll(key).filter((v): v is string => typeof v === "string");
  const values: Values = {
    organization: text("organization"),
    position: text("position"),
    summary: Object.fromEntries(locales.map((l) => [l, text(`summary.${l}`)])),
    themeIds: list("themeIds"),
    languages: list("languages"),
    // The checkbox's "on" follows the hidden "off" when it is ticked.
    listed: list("listed").includes("on"),
  };
  try {
    const { listed } = await saveExpertiseProfile(services(context), actor, { ...values, organization: values.organization || undefined, languages: values.languages as Locale[] });
    return redirect(`/${locale}/account/expertise?saved=${listed ? "listed" : "unlisted"}`);
  } catch (error) {
    return formError(error, locale, { values });
  }
}

export default function AccountExpertise({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { organizations, themes, saved } = loaderData;
  const values = actionData?.values ?? loaderData.values;
  const errors = actionData?.errors;
  const fieldErrors: Record<string, string> = {};
  // A theme or language refused by its place in the list is shown on the list.
  for (const [key, message] of Object.entries(errors?.fields ?? {})) fieldErrors[key.replace(/^(themeIds|languages)\.\d+$/, "$1")] ??= message;
  const labels: Record<string, string> = {
    organization: t("exchangePages.expertise.organization"),
    position: t("exchangePages.expertise.position"),
    themeIds: t("exchangePages.field.themes"),
    languages: t("exchangePages.field.languages"),
    listed: t("exchangePages.expertise.listed"),
  };
  for (const l of locales) labels[`summary.${l}`] = `${t("exchangePages.expertise.summary")} (${t(`language.${l}`)})`;
  const schemes = [...new Set(themes.map((th) => th.scheme))];
  const ordered = [locale, ...locales.filter((l) => l !== locale)];
  return (
    <>
      <title>{`${t("exchangePages.expertise.title")} · Pares`}</title>
      <p>
        <Link to={`/${locale}/account`}>{t("account.title")}</Link>
      </p>
      <h1>{t("exchangePages.expertise.title")}</h1>
      <p className="lead">{t("exchangePages.expertise.intro")}</p>
      {saved && !actionData && (
        <p role="status" className="notice">
          {t(saved === "listed" ? "exchangePages.expertise.savedListed" : "exchangePages.expertise.savedUnlisted")}{" "}
          {saved === "listed" && <Link to={`/${locale}/exchange/experts`}>{t("exchangePages.experts.title")}</Link>}
        </p>
      )}
      {organizations.length === 0 ? (
        <p className="notice">
          {t("exchangePages.expertise.noOrganization")} <Link to={`/${locale}/account/organizations`}>{t("exchangePages.browse.myOrganizations")}</Link>
        </p>
      ) : (
        <>
          <ErrorSummary errors={errors ? { ...errors, fields: errors.fields ? fieldErrors : undefined } : undefined} labels={labels} />
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <div className="stack narrow">
              <SelectField
                name="organization"
                label={labels.organization!}
                defaultValue={values.organization}
                error={fieldErrors.organization}
                options={organizations.map((o) => ({ value: o.slug, label: o.name }))}
              />
              <TextField name="position" label={labels.position!} autoComplete="organization-title" maxLength={160} defaultValue={values.position} error={fieldErrors.position} />
            </div>
            <fieldset>
              <legend>{t("exchangePages.expertise.summary")}</legend>
              <p className="hint">{t("exchangePages.expertise.summaryHint")}</p>
              {ordered.map((l) => (
                <TextAreaField
                  key={l}
                  name={`summary.${l}`}
                  label={t(`language.${l}`)}
                  lang={l}
                  rows={3}
                  maxLength={1000}
                  defaultValue={values.summary[l] ?? ""}
                  error={fieldErrors[`summary.${l}`]}
                />
              ))}
            </fieldset>
            <CheckboxGroup
              name="themeIds"
              legend={labels.themeIds!}
              hint={t("exchangePages.editor.themesHint")}
              checked={values.themeIds}
              error={fieldErrors.themeIds}
              groups={schemes.map((s) => ({ legend: t(`exchangePages.scheme.${s}`), options: themes.filter((th) => th.scheme === s).map((th) => ({ value: th.id, label: th.name })) }))}
            />
            <CheckboxGroup
              name="languages"
              legend={labels.languages!}
              checked={values.languages}
              error={fieldErrors.languages}
              options={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            />
            <CheckField id="listed" name="listed" label={labels.listed!} hint={t("exchangePages.expertise.listedHint")} defaultChecked={values.listed} error={fieldErrors.listed} />
            <div>
              <button type="submit">{t("exchangePages.expertise.save")}</button>
            </div>
          </Form>
        </>
      )}
    </>
  );
}
