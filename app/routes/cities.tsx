import { data, Link } from "react-router";
import { searchCitiesInput, searchTextMaxLength } from "../../modules/cities/inputs.ts";
import { listCountries } from "../../modules/cities/list-countries.ts";
import { listWorldRegions } from "../../modules/cities/list-world-regions.ts";
import { searchCities } from "../../modules/cities/search-cities.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { fieldMessages } from "../../platform/http/zod-messages.ts";
import { GeoNamesCredit } from "../components/credits.tsx";
import { useI18n } from "../i18n.tsx";
import { pageLocale, queryOf, services } from "../route-helpers.ts";
import type { Route } from "./+types/cities";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const ctx = services(context);
  const locale = pageLocale(params);
  const query = queryOf(request);
  const [countries, regions] = await Promise.all([listCountries(ctx, {}, locale), listWorldRegions(ctx, locale)]);
  const filters = { countries: countries.filter((c) => c.cityCount > 0).map((c) => ({ code: c.code, name: c.name })), regions };
  const parsed = searchCitiesInput.safeParse(query);
  if (!parsed.success) {
    const errors = fieldMessages(parsed.error, locale, createTranslator(locale, catalogs[locale]));
    return data({ query, filters, result: null, errors }, { status: 400 });
  }
  const result = await searchCities(ctx, parsed.data, locale);
  return { query, filters, result, errors: [] };
}

export default function Cities({ loaderData }: Route.ComponentProps) {
  const { t, locale, number } = useI18n();
  const { query, filters, result, errors } = loaderData;
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const labels: Record<string, string> = {
    q: t("cities.search.label"),
    country: t("cities.filter.country"),
    region: t("cities.filter.region"),
    page: t("pagination.page"),
    pageSize: t("pagination.pageSize"),
  };
  const fieldLabel = (field: string) => labels[field] ?? field;
  const fieldIds: Record<string, string> = { q: "q", country: "country", region: "region" };
  const pageLink = (page: number) => {
    const params = new URLSearchParams({ ...query, page: String(page) });
    return `/${locale}/cities?${params}`;
  };
  return (
    <>
      <title>{`${t("cities.title")} · Pares`}</title>
      <h1>{t("cities.title")}</h1>
      <p>{t("cities.intro")}</p>
      <form method="get" className="filters" role="search" aria-label={t("cities.title")}>
        <div className="field">
          <label htmlFor="q">{t("cities.search.label")}</label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
            maxLength={searchTextMaxLength}
            aria-describedby={errorFor("q") ? "q-hint q-error" : "q-hint"}
            aria-invalid={errorFor("q") ? true : undefined}
            autoComplete="off"
          />
          <p id="q-hint" className="hint">
            {t("cities.search.hint")}
          </p>
          {errorFor("q") && (
            <p id="q-error" className="field-error">
              {errorFor("q")}
            </p>
          )}
        </div>
        <FilterSelect
          name="country"
          label={t("cities.filter.country")}
          any={t("cities.filter.anyCountry")}
          value={query.country}
          error={errorFor("country")}
          options={filters.countries.map((c) => ({ value: c.code, label: c.name }))}
        />
        <FilterSelect
          name="region"
          label={t("cities.filter.region")}
          any={t("cities.filter.anyRegion")}
          value={query.region}
          error={errorFor("region")}
          options={filters.regions.map((r) => ({
            value: r.code,
            label: `${r.level === "region" ? "" : r.level === "subregion" ? "\u2014 " : "\u2014\u2014 "}${r.name}`,
          }))}
        />
        <div className="field actions">
          <button type="submit">{t("cities.search.submit")}</button>
        </div>
      </form>
      {errors.length > 0 && (
        <div role="alert" className="alert" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">{t("error.invalid.title")}</h2>
          <ul>
            {errors.map((e) => (
              <li key={e.field}>
                {fieldIds[e.field] ? (
                  <a href={`#${fieldIds[e.field]}`}>{t("validation.field", { field: fieldLabel(e.field), message: e.message })}</a>
                ) : (
                  t("validation.field", { field: fieldLabel(e.field), message: e.message })
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result && (
        <section aria-labelledby="results-title">
          <h2 id="results-title" aria-live="polite">
            {t("cities.results.count", { count: result.total })}
          </h2>
          {result.items.length === 0 && result.total > 0 && (
            <p>
              {t("cities.results.pastEnd", { page: result.page })}{" "}
              <Link to={pageLink(result.pageCount)}>{t("cities.results.lastPage", { pageCount: result.pageCount })}</Link>
            </p>
          )}
          {result.items.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">
                  {t("cities.results.caption", { page: result.page, pageCount: result.pageCount })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("cities.column.city")}</th>
                    <th scope="col">{t("cities.column.country")}</th>
                    <th scope="col">{t("cities.column.admin1")}</th>
                    <th scope="col" className="number">
                      {t("cities.column.population")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((city) => (
                    <tr key={city.id}>
                      <th scope="row">
                        <Link to={`/${locale}/cities/${city.id}`}>{city.name}</Link>
                        {city.officialName !== city.name && <span className="muted"> ({city.officialName})</span>}
                      </th>
                      <td>{city.countryName}</td>
                      <td>{city.admin1Name}</td>
                      <td className="number">{number(city.population)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {result.pageCount > 1 && result.items.length > 0 && (
            <nav aria-label={t("pagination.label")} className="pagination">
              {result.page > 1 ? <Link to={pageLink(result.page - 1)} rel="prev">{t("pagination.previous")}</Link> : <span />}
              <span>{t("pagination.status", { page: result.page, pageCount: result.pageCount })}</span>
              {result.page < result.pageCount ? <Link to={pageLink(result.page + 1)} rel="next">{t("pagination.next")}</Link> : <span />}
            </nav>
          )}
        </section>
      )}
      <GeoNamesCredit />
    </>
  );
}

function FilterSelect(props: {
  name: string;
  label: string;
  any: string;
  value?: string;
  error?: string;
  options: { value: string; label: string }[];
}) {
  const errorId = `${props.name}-error`;
  return (
    <div className="field">
      <label htmlFor={props.name}>{props.label}</label>
      <select
        id={props.name}
        name={props.name}
        defaultValue={props.value ?? ""}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
      >
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error && (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}
