import { Form, redirect } from "react-router";
import { listCountries } from "../../modules/cities/list-countries.ts";
import { searchCities } from "../../modules/cities/search-cities.ts";
import { createOrganization } from "../../modules/organizations/create-organization.ts";
import { organizationKinds } from "../../modules/organizations/schema.ts";
import { type Locale, locales } from "../../platform/i18n/locales.ts";
import { CsrfField, ErrorSummary, SelectField, TextAreaField, TextField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, pageLocale, queryOf, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/organization-new";

/**
 * Registering an organization. Without JavaScript the city is found in two steps inside the one
 * form: "Find" posts what was typed and the page comes back with the matching cities to choose
 * from, everything else as it was.
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = await requireActor(context, request, params);
  const locale = pageLocale(params);
  const ctx = services(context);
  const query = queryOf(request);
  const cityQuery = query.city?.slice(0, 100);
  const [countries, cities] = await Promise.all([listCountries(ctx, {}, locale), cityChoices(ctx, cityQuery, locale)]);
  return {
    admin: actor.platformAdmin,
    cityQuery: cityQuery ?? "",
    countries: countries.map((c) => ({ value: c.code, label: c.name })),
    cities,
  };
}

async function cityChoices(ctx: ReturnType<typeof services>, text: string | undefined, locale: Locale) {
  if (!text?.trim()) return null;
  const found = await searchCities(ctx, { q: text.slice(0, 100), pageSize: 15 }, locale);
  return found.items.map((c) => ({ value: String(c.id), label: [c.name, c.admin1Name, c.countryName].filter(Boolean).join(", ") }));
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const fields = await formFields(request);
  if (fields.intent === "findCity") return { values: fields, cities: await cityChoices(services(context), fields.city, locale) };
  try {
    const created = await createOrganization(services(context), actor, {
      name: fields.name ?? "",
      kind: (fields.kind ?? "") as never,
      cityId: fields.cityId ?? "",
      countryCode: fields.countryCode ?? "",
      description: fields.description,
      descriptionLanguage: (fields.descriptionLanguage ?? locale) as never,
      website: fields.website,
    }, { join: fields.join !== "no" });
    return redirect(`/${locale}/organizations/${created.slug}`);
  } catch (error) {
    return formError(error, locale, { values: fields });
  }
}

export default function OrganizationNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const cities = actionData && "cities" in actionData ? actionData.cities : loaderData.cities;
  const labels = {
    name: t("organization.field.name"),
    kind: t("organization.field.kind"),
    cityId: t("organization.field.city"),
    countryCode: t("organization.field.country"),
    description: t("organization.field.description"),
    descriptionLanguage: t("organization.field.descriptionLanguage"),
    website: t("organization.website"),
  };
  return (
    <>
      <title>{`${t("organizations.create")} · Pares`}</title>
      <h1>{t("organizations.create")}</h1>
      <p>{t("organizations.create.intro")}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" className="stack narrow" noValidate>
        <CsrfField />
        <fieldset className="stack">
          <legend>{t("organizations.create.citySearch")}</legend>
          <div className="field inline-field">
            <label htmlFor="city">{t("organizations.create.cityQuery")}</label>
            <input id="city" name="city" type="search" defaultValue={values.city ?? loaderData.cityQuery} maxLength={100} autoComplete="off" />
            <button type="submit" name="intent" value="findCity" className="secondary" formNoValidate>
              {t("cities.search.submit")}
            </button>
          </div>
          {cities && cities.length === 0 && <p role="status">{t("organizations.create.noCity")}</p>}
          <SelectField
            key={cities?.map((c) => c.value).join() ?? "none"}
            name="cityId"
            label={labels.cityId}
            hint={t("organizations.create.cityHint")}
            defaultValue={values.intent === "findCity" ? (cities?.[0]?.value ?? "") : (values.cityId ?? cities?.[0]?.value ?? "")}
            error={errors?.fields?.cityId}
            options={[{ value: "", label: t("organizations.create.noCityChosen") }, ...(cities ?? [])]}
          />
        </fieldset>
        <TextField name="name" label={labels.name} required maxLength={200} defaultValue={values.name} error={errors?.fields?.name} />
        <SelectField
          name="kind"
          label={labels.kind}
          defaultValue={values.kind ?? "local_government"}
          error={errors?.fields?.kind}
          options={organizationKinds.map((k) => ({ value: k, label: t(`organization.kind.${k}`) }))}
        />
        <SelectField
          name="countryCode"
          label={labels.countryCode}
          hint={t("organizations.create.countryHint")}
          defaultValue={values.countryCode ?? ""}
          error={errors?.fields?.countryCode}
          options={[{ value: "", label: t("organizations.create.countryFromCity") }, ...loaderData.countries]}
        />
        <TextAreaField name="description" label={labels.description} maxLength={4000} defaultValue={values.description} error={errors?.fields?.description} />
        <SelectField
          name="descriptionLanguage"
          label={labels.descriptionLanguage}
          defaultValue={values.descriptionLanguage ?? locale}
          options={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        />
        <TextField name="website" label={labels.website} maxLength={300} defaultValue={values.website} error={errors?.fields?.website} />
        {loaderData.admin && (
          <div className="field">
            <input type="checkbox" id="join" name="join" value="no" defaultChecked={values.join === "no"} />{" "}
            <label htmlFor="join">{t("organizations.create.withoutJoining")}</label>
          </div>
        )}
        <div>
          <button type="submit" name="intent" value="create">
            {t("organizations.create.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}
