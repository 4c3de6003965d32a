import { data, Link } from "react-router";
import { listCountries } from "../../modules/cities/list-countries.ts";
import { listOrganizationsInput } from "../../modules/organizations/inputs.ts";
import { listOrganizations } from "../../modules/organizations/list-organizations.ts";
import { organizationKinds } from "../../modules/organizations/schema.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { fieldMessages } from "../../platform/http/zod-messages.ts";
import { SelectField } from "../components/form.tsx";
import { Pagination } from "../components/pagination.tsx";
import { useI18n } from "../i18n.tsx";
import { actorOf, pageLocale, queryOf, services } from "../route-helpers.ts";
import type { Route } from "./+types/organizations";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const ctx = services(context);
  const locale = pageLocale(params);
  const query = queryOf(request);
  const [countries, actor] = await Promise.all([listCountries(ctx, {}, locale), actorOf(context, request)]);
  const parsed = listOrganizationsInput.safeParse(query);
  const countryOptions = countries.map((c) => ({ value: c.code, label: c.name }));
  if (!parsed.success) {
    const errors = fieldMessages(parsed.error, locale, createTranslator(locale, catalogs[locale]));
    return data({ query, countryOptions, result: null, errors, signedIn: actor.userId !== null }, { status: 400 });
  }
  const result = await listOrganizations(ctx, parsed.data, locale);
  return { query, countryOptions, result, errors: [], signedIn: actor.userId !== null };
}

export default function Organizations({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { query, countryOptions, result, errors, signedIn } = loaderData;
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const pageLink = (page: number) => `/${locale}/organizations?${new URLSearchParams({ ...query, page: String(page) })}`;
  return (
    <>
      <title>{`${t("organizations.title")} · Pares`}</title>
      <h1>{t("organizations.title")}</h1>
      <p>{t("organizations.intro")}</p>
      {signedIn && (
        <p>
          <Link to={`/${locale}/organizations/new`}>{t("organizations.create")}</Link>
        </p>
      )}
      <form method="get" className="filters" role="search" aria-label={t("organizations.title")}>
        <div className="field">
          <label htmlFor="q">{t("organizations.search.label")}</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} autoComplete="off" aria-invalid={errorFor("q") ? true : undefined} />
        </div>
        <SelectField
          name="kind"
          label={t("organizations.filter.kind")}
          defaultValue={query.kind ?? ""}
          error={errorFor("kind")}
          options={[{ value: "", label: t("organizations.filter.anyKind") }, ...organizationKinds.map((k) => ({ value: k, label: t(`organization.kind.${k}`) }))]}
        />
        <SelectField
          name="country"
          label={t("cities.filter.country")}
          defaultValue={query.country ?? ""}
          error={errorFor("country")}
          options={[{ value: "", label: t("cities.filter.anyCountry") }, ...countryOptions]}
        />
        <div className="field actions">
          <button type="submit">{t("cities.search.submit")}</button>
        </div>
      </form>
      {errors.length > 0 && (
        <div role="alert" className="alert">
          <ul>
            {errors.map((e) => (
              <li key={e.field}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      {result && (
        <section aria-labelledby="results-title">
          <h2 id="results-title" aria-live="polite">
            {t("organizations.results.count", { count: result.total })}
          </h2>
          <ul className="cards">
            {result.items.map((o) => (
              <li key={o.slug} className="card">
                <h3 className="card-title">
                  <Link to={`/${locale}/organizations/${o.slug}`}>{o.name}</Link>
                </h3>
                <p>
                  {t(`organization.kind.${o.kind}`)} · {o.cityName ? `${o.cityName}, ${o.countryName}` : o.countryName}
                </p>
                <p className="muted">
                  {o.verified ? t("organization.verified") : t("organization.unverified")} · {t("organization.memberCount", { count: o.memberCount })}
                </p>
              </li>
            ))}
          </ul>
          <Pagination page={result.page} pageCount={result.pageCount} link={pageLink} />
        </section>
      )}
    </>
  );
}
