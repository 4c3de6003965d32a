import { data, Form, redirect } from "react-router";
import { getOrganization } from "../../modules/organizations/get-organization.ts";
import { updateOrganization } from "../../modules/organizations/update-organization.ts";
import { locales } from "../../platform/i18n/locales.ts";
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
  return { organization };
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
  const language = o.description && !o.description.fallback ? o.description.language : locale;
  return (
    <>
      <title>{`${t("organization.edit")} · ${o.name} · Pares`}</title>
      <h1>{t("organization.edit")}</h1>
      <p>{o.name}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" className="stack narrow" noValidate>
        <CsrfField />
        <TextField name="name" label={labels.name} required maxLength={200} defaultValue={values.name ?? o.name} error={errors?.fields?.name} />
        <SelectField
          name="descriptionLanguage"
          label={labels.descriptionLanguage}
          hint={t("organization.edit.languageHint")}
          defaultValue={values.descriptionLanguage ?? language}
          options={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        />
        <TextAreaField
          name="description"
          label={labels.description}
          maxLength={4000}
          defaultValue={values.description ?? (o.description?.language === language ? o.description.text : "")}
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
