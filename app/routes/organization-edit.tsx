import { data, Form, Link, redirect } from "react-router";
import { getOrganization } from "../../modules/organizations/get-organization.ts";
import { updateOrganization } from "../../modules/organizations/update-organization.ts";
import { isLocale, locales } from "../../platform/i18n/locales.ts";
import { CsrfField, ErrorSummary, SelectField, TextAreaField, TextField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/organization-edit";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const organization = await orPageError(getOrganization(services(context), actor, params.slug, locale), request, params);
  // The organization is public: someone who may not edit it is refused, not told it is missing.
  if (!organization.viewer.canUpdate) throw data(null, { status: 403 });
  // The description is edited one language at a time: the one asked for, else the page's.
  const asked = new URL(request.url).searchParams.get("language");
  return { organization, language: isLocale(asked) ? asked : locale };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const fields = await formFields(request);
  try {
    await updateOrganization(services(context), actor, params.slug, {
      name: fields.name,
      description: fields.description ?? "",
      descriptionLanguage: (fields.descriptionLanguage ?? locale) as never,
      website: fields.website ?? "",
    });
    return redirect(`/${locale}/organizations/${params.slug}`);
  } catch (error) {
    return formError(error, locale, { values: fields });
  }
}

export default function OrganizationEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { organization: o } = loaderData;
  const errors = actionData?.errors;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const labels = {
    name: t("organization.field.name"),
    description: t("organization.field.description"),
    descriptionLanguage: t("organization.field.descriptionLanguage"),
    website: t("organization.website"),
  };
  const { language } = loaderData;
  return (
    <>
      <title>{`${t("organization.edit")} · ${o.name} · Pares`}</title>
      <p>
        <Link to={`/${locale}/organizations/${o.slug}`}>{o.name}</Link>
      </p>
      <h1>{t("organization.edit")}</h1>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="get" className="inline-field" aria-label={t("organization.edit.chooseLanguage")}>
        <SelectField
          name="language"
          label={t("organization.edit.chooseLanguage")}
          hint={t("organization.edit.languageHint")}
          defaultValue={language}
          options={locales.map((l) => ({ value: l, label: `${t(`language.${l}`)}${o.descriptions[l] ? "" : ` (${t("organization.edit.notWritten")})`}` }))}
        />
        <div className="field actions">
          <button type="submit" className="secondary">
            {t("organization.edit.showLanguage")}
          </button>
        </div>
      </form>
      <Form method="post" className="stack narrow" noValidate>
        <CsrfField />
        <TextField name="name" label={labels.name} required maxLength={200} defaultValue={values.name ?? o.name} error={errors?.fields?.name} />
        <input type="hidden" name="descriptionLanguage" value={language} />
        <TextAreaField
          name="description"
          label={t("organization.edit.descriptionIn", { language: t(`language.${language}`) })}
          maxLength={4000}
          lang={language}
          defaultValue={values.description ?? o.descriptions[language] ?? ""}
          error={errors?.fields?.description}
        />
        <TextField name="website" label={labels.website} maxLength={300} defaultValue={values.website ?? o.website ?? ""} error={errors?.fields?.website} />
        <div>
          <button type="submit">{t("form.save")}</button>
        </div>
      </Form>
    </>
  );
}
