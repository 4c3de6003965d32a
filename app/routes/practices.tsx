// The good-practice bank's search: words in any of the three languages, facets with counts that
// keep the other filters, corrections, pages of results or their places on a map, and the same
// query as CSV and (network and theme) as an Atom feed.
import { data, Link } from "react-router";
import { listOrganizationPractices } from "../../modules/practices/list-organization-practices.ts";
import { type FacetName, searchPractices } from "../../modules/practices/search-practices.ts";
import { AppError } from "../../platform/errors.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { translateFieldMessage } from "../../platform/http/problem.ts";
import { Pagination } from "../components/pagination.tsx";
import { PracticeHitItem, statusLabel } from "../components/practice-parts.tsx";
import { useI18n } from "../i18n.tsx";
import { actorOf, pageLocale, services } from "../route-helpers.ts";
import stylesheet from "../styles/practices.css?url";
import type { Route } from "./+types/practices";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** The facets, in the order shown (the use case's list; a copy, so the browser gets no server code). */
const facetNames = ["theme", "sdg", "country", "region", "population", "year", "language", "network", "observatory"] as const satisfies readonly FacetName[];

/** Parameters that may repeat (all must match). */
const repeated = new Set(["theme", "sdg"]);
const known = ["q", "sort", "view", "page", "catalogue", ...facetNames];

/** The search's parameters from the address, empty ones dropped; `theme` and `sdg` as lists. */
function searchQuery(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of known) {
    const values = url.searchParams.getAll(key).map((v) => v.trim()).filter((v) => v !== "");
    if (values.length === 0) continue;
    query[key] = repeated.has(key) ? values : values[0]!;
  }
  return query;
}

/** An address of this page with the query changed (page reset unless given). */
function searchLink(locale: string, query: Record<string, string | string[]>, changes: Record<string, string | string[] | null>): string {
  const next: Record<string, string | string[]> = { ...query };
  delete next.page;
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || (Array.isArray(value) && value.length === 0)) delete next[key];
    else next[key] = value;
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  const search = params.toString();
  return `/${locale}/practices${search ? `?${search}` : ""}`;
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const url = new URL(request.url);
  const query = searchQuery(url);
  const actor = await actorOf(context, request);
  const canWrite = actor.userId !== null && actor.memberships.size > 0;
  // The members' own practices in every state, so that a draft is found again.
  const own = canWrite ? await listOrganizationPractices(services(context), actor, locale) : [];
  try {
    const result = await searchPractices(services(context), query, locale);
    return { query, result, errors: null, canWrite, own };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "invalid") throw error;
    const t = createTranslator(locale, catalogs[locale]);
    const errors = Object.entries(error.fieldErrors ?? {}).map(([field, messages]) => ({ field, message: translateFieldMessage(t, messages[0] ?? "") }));
    return data({ query, result: null, errors, canWrite, own }, { status: 400 });
  }
}

export default function Practices({ loaderData }: Route.ComponentProps) {
  const { t, locale, number, dateTime } = useI18n();
  const { query, result, errors, canWrite, own } = loaderData;
  const organizations = new Set(own.map((p) => p.organizationName));
  const facetName = (facet: FacetName) => t(`practicesPages.facet.${facet}`);
  const q = typeof query.q === "string" ? query.q : "";
  const view = query.view === "map" ? "map" : "list";
  const valueLabel = (facet: FacetName, value: string, label: string) => {
    if (facet === "population") return t(`networks.populationBand.${value}`);
    if (facet === "language") return t(`language.${value}`);
    if (facet === "observatory") return t(`practicesPages.observatoryFacet.${value}`);
    return label;
  };
  const toggle = (facet: FacetName, value: string, selected: boolean) => {
    if (repeated.has(facet)) {
      const current = (query[facet] as string[] | undefined) ?? [];
      return searchLink(locale, query, { [facet]: selected ? current.filter((v) => v !== value) : [...current, value] });
    }
    return searchLink(locale, query, { [facet]: selected ? null : value });
  };
  const selected = result ? facetNames.flatMap((facet) => result.facets[facet].filter((v) => v.selected).map((v) => ({ facet, ...v }))) : [];
  const exportQuery = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (key !== "page" && key !== "view") for (const v of Array.isArray(value) ? value : [value]) exportQuery.append(key, v);
  const feedQuery = new URLSearchParams();
  if (typeof query.network === "string") feedQuery.set("network", query.network);
  const firstTheme = Array.isArray(query.theme) ? query.theme[0] : undefined;
  if (firstTheme) feedQuery.set("theme", firstTheme);
  const pageLink = (page: number) => {
    const link = searchLink(locale, query, {});
    return `${link}${link.includes("?") ? "&" : "?"}page=${page}`;
  };
  const pageCount = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  return (
    <>
      <title>{`${q ? t("practicesPages.search.titleFor", { q }) : t("practicesPages.search.title")} · Pares`}</title>
      <h1>{t("practicesPages.search.title")}</h1>
      <p className="lead">{t("practicesPages.search.intro")}</p>
      {canWrite && (
        <ul className="links">
          <li>
            <Link to={`/${locale}/practices/new`}>{t("practicesPages.search.write")}</Link>
          </li>
          <li>
            <Link to={`/${locale}/practices/review`}>{t("practicesPages.search.review")}</Link>
          </li>
          {own.length > 0 && (
            <li>
              <a href="#own-title">{t("practicesPages.own.link", { count: own.length })}</a>
            </li>
          )}
        </ul>
      )}
      <form method="get" className="filters" role="search" aria-label={t("practicesPages.search.title")}>
        <div className="field">
          <label htmlFor="q">{t("practicesPages.search.words")}</label>
          <input id="q" name="q" type="search" defaultValue={q} maxLength={200} aria-describedby="q-hint" />
          <p id="q-hint" className="hint">
            {t("practicesPages.search.wordsHint")}
          </p>
        </div>
        <div className="field">
          <label htmlFor="sort">{t("practicesPages.search.sort")}</label>
          <select id="sort" name="sort" defaultValue={typeof query.sort === "string" ? query.sort : "relevance"}>
            <option value="relevance">{t("practicesPages.sort.relevance")}</option>
            <option value="newest">{t("practicesPages.sort.newest")}</option>
          </select>
        </div>
        {/* The filters chosen stay when the words change. */}
        {Object.entries(query).flatMap(([key, value]) =>
          key === "q" || key === "sort" || key === "page" ? [] : (Array.isArray(value) ? value : [value]).map((v) => <input key={`${key}-${v}`} type="hidden" name={key} value={v} />),
        )}
        <div className="field actions">
          <button type="submit">{t("practicesPages.search.submit")}</button>
        </div>
      </form>
      {errors && errors.length > 0 && (
        <div role="alert" className="alert">
          <ul>
            {errors.map((e) => (
              <li key={e.field}>{t("validation.field", { field: facetNames.includes(e.field as FacetName) ? facetName(e.field as FacetName) : t("practicesPages.search.words"), message: e.message })}</li>
            ))}
          </ul>
        </div>
      )}
      {result && (
        <div className="practice-search">
          <aside className="facets" aria-labelledby="facets-title">
            <h2 id="facets-title">{t("practicesPages.facets.title")}</h2>
            {facetNames.map((facet) => {
              const values = result.facets[facet];
              if (values.length === 0) return null;
              const item = (v: (typeof values)[number]) => (
                <li key={v.value}>
                  <Link
                    to={toggle(facet, v.value, v.selected)}
                    aria-current={v.selected ? "true" : undefined}
                    className={v.selected ? "facet selected" : "facet"}
                  >
                    {v.selected && <span aria-hidden="true">✓ </span>}
                    {valueLabel(facet, v.value, v.label)} <span className="count">({number(v.count)})</span>
                    {v.selected && <span className="visually-hidden"> {t("practicesPages.facets.selected")}</span>}
                  </Link>
                </li>
              );
              return (
                <section key={facet} aria-labelledby={`facet-${facet}`}>
                  <h3 id={`facet-${facet}`}>{facetName(facet)}</h3>
                  <ul className="facet-list">{values.slice(0, 8).map(item)}</ul>
                  {values.length > 8 && (
                    <details>
                      <summary>{t("practicesPages.facets.more", { count: values.length - 8 })}</summary>
                      <ul className="facet-list">{values.slice(8).map(item)}</ul>
                    </details>
                  )}
                </section>
              );
            })}
          </aside>
          <section className="results" aria-labelledby="results-title">
            <h2 id="results-title" aria-live="polite">
              {t("practicesPages.results.count", { count: result.total })}
            </h2>
            {result.corrections.length > 0 && (
              <p className="notice">
                {t("practicesPages.results.corrected", { words: result.corrections.map((c) => c.searched).join(" ") })}{" "}
                <span className="muted">{t("practicesPages.results.typed", { words: result.corrections.map((c) => c.typed).join(" ") })}</span>
              </p>
            )}
            {selected.length > 0 && (
              <div className="chosen">
                <h3 id="chosen-title">{t("practicesPages.facets.chosen")}</h3>
                <ul aria-labelledby="chosen-title" className="actions-list">
                  {selected.map((s) => (
                    <li key={`${s.facet}-${s.value}`}>
                      <Link to={toggle(s.facet, s.value, true)}>
                        <span className="visually-hidden">{t("practicesPages.facets.remove")} </span>
                        {facetName(s.facet)}: {valueLabel(s.facet, s.value, s.label)} <span aria-hidden="true">✕</span>
                      </Link>
                    </li>
                  ))}
                  <li>
                    <Link to={searchLink(locale, q ? { q } : {}, {})}>{t("practicesPages.facets.clear")}</Link>
                  </li>
                </ul>
              </div>
            )}
            <ul className="actions-list">
              <li>
                {view === "map" ? (
                  <Link to={searchLink(locale, query, { view: null })}>{t("practicesPages.view.list")}</Link>
                ) : (
                  <Link to={searchLink(locale, query, { view: "map" })}>{t("practicesPages.view.map")}</Link>
                )}
              </li>
              <li>
                {query.catalogue === "no" ? (
                  <Link to={searchLink(locale, query, { catalogue: null })}>{t("practicesPages.catalogue.include")}</Link>
                ) : (
                  <Link to={searchLink(locale, query, { catalogue: "no" })}>{t("practicesPages.catalogue.leaveOut")}</Link>
                )}
              </li>
              <li>
                <a href={`/${locale}/practices/export.csv${exportQuery.size ? `?${exportQuery}` : ""}`}>{t("practicesPages.export.csv")}</a>
              </li>
              <li>
                <a href={`/${locale}/practices/feed.atom${feedQuery.size ? `?${feedQuery}` : ""}`} type="application/atom+xml">
                  {t("practicesPages.export.atom")}
                </a>
              </li>
            </ul>
            {view === "map" && result.map && (
              <section aria-labelledby="map-title" className="practice-map">
                <h3 id="map-title">{t("practicesPages.map.title")}</h3>
                {result.map.length > 0 ? (
                  <>
                    <img
                      src={`/${locale}/practices/map.svg${exportQuery.size ? `?${exportQuery}` : ""}`}
                      alt={t("practicesPages.map.alt", { count: result.map.length })}
                      width={960}
                      height={540}
                    />
                    <details>
                      <summary>{t("practicesPages.map.list")}</summary>
                      <ul>
                        {result.map.map((p) => (
                          <li key={p.slug}>
                            <Link to={`/${locale}/practices/${p.slug}`}>{p.title}</Link>
                          </li>
                        ))}
                      </ul>
                    </details>
                  </>
                ) : (
                  <p>{t("practicesPages.map.none")}</p>
                )}
              </section>
            )}
            {result.items.length === 0 ? (
              <p>{t("practicesPages.results.none")}</p>
            ) : (
              <ol className="practice-hits" start={(result.page - 1) * result.pageSize + 1}>
                {result.items.map((hit) => (
                  <PracticeHitItem key={hit.slug} hit={hit} />
                ))}
              </ol>
            )}
            <Pagination page={result.page} pageCount={pageCount} link={pageLink} />
          </section>
        </div>
      )}
      {own.length > 0 && (
        <section aria-labelledby="own-title" className="own-practices">
          <h2 id="own-title" tabIndex={-1}>
            {t(organizations.size > 1 ? "practicesPages.own.titleMany" : "practicesPages.own.title")}
          </h2>
          <p className="hint">{t("practicesPages.own.intro")}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("practicesPages.review.practice")}</th>
                  {organizations.size > 1 && <th scope="col">{t("practicesPages.review.organization")}</th>}
                  <th scope="col">{t("practicesPages.versions.status")}</th>
                  <th scope="col">{t("practicesPages.own.updated")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("practicesPages.own.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {own.map((p) => (
                  <tr key={p.slug}>
                    <td>
                      <Link to={`/${locale}/practices/${p.slug}?working=1`} lang={p.titleLanguage}>
                        {p.title}
                      </Link>
                      {p.networkName && <span className="muted"> · {p.networkName}</span>}
                    </td>
                    {organizations.size > 1 && <td>{p.organizationName}</td>}
                    <td>
                      {statusLabel(t, p.status)}
                      {p.published && p.status !== "published" && <> · {t("practicesPages.own.publishedBefore")}</>}
                      {p.hidden && <> · {t("practicesPages.review.hidden")}</>}
                    </td>
                    <td>{dateTime(p.updatedAt)}</td>
                    <td>
                      {p.canEdit ? (
                        <Link to={`/${locale}/practices/${p.slug}/edit`} aria-label={t("practicesPages.editor.editTitle", { title: p.title })}>
                          {t("practicesPages.actions.edit")}
                        </Link>
                      ) : (
                        <span className="muted">{t("practicesPages.own.withModerators")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
