import { Link } from "react-router";
import { getExchangeOutcomes } from "../../modules/exchange/get-exchange-outcomes.ts";
import { getNetwork, type BodyHolder } from "../../modules/networks/get-network.ts";
import { roughly } from "../../modules/networks/get-network-figures.ts";
import { formatDate } from "../../platform/i18n/format.ts";
import type { Translate } from "../../platform/i18n/translator.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { GeoNamesCredit } from "../components/credits.tsx";
import { useI18n } from "../i18n.tsx";
import { actorOf, orNotFound, pageLocale, services } from "../route-helpers.ts";
import stylesheet from "../styles/portfolio.css?url";
import type { Route } from "./+types/network";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await actorOf(context, request);
  const network = await orNotFound(getNetwork(services(context), params.slug, locale, actor));
  // What the exchange between its members achieved: counts only, nothing private.
  const outcomes = network.hosted ? await getExchangeOutcomes(services(context), params.slug) : null;
  // Only what the component renders: the map is an image of its own (map.svg), and the table
  // by country lists each country's most populous cities (the directory has them all).
  const { id: _id, spaces: _spaces, foundingCities: _foundingCities, workingLanguages, foundingMembers, viewer, ...rest } = network;
  return {
    outcomes,
    // Rounded here: the module that rounds also runs queries, and stays out of the browser's bundle.
    rounded: { cities: roughly(network.figures.memberCities), people: roughly(network.figures.population) },
    network: {
      ...rest,
      workingLanguages: workingLanguages.map((l) => l.name),
      foundingMembers: foundingMembers.map(({ slug, name, countryName, sourceUrl }) => ({ slug, name, countryName, sourceUrl })),
      viewer: { canEdit: viewer.canEdit, canApply: viewer.canApply, standing: viewer.standing },
    },
  };
}

/** Thematic spaces: their members are counted, not listed among the holders. */
const spaceKinds: ReadonlySet<string> = new Set(["thematic_unit", "working_group", "commission"]);

/** "12 March 2022 – 11 March 2024", "since 12 March 2022". */
function period(t: Translate, locale: Locale, startsOn: string, endsOn: string | null): string {
  return endsOn
    ? t("networkPage.period", { from: formatDate(locale, startsOn), to: formatDate(locale, endsOn) })
    : t("networkPage.since", { from: formatDate(locale, startsOn) });
}

function SourceLink({ url, about }: { url: string | null; about: string }) {
  const { t } = useI18n();
  // Only web addresses are links (a source is data someone typed).
  if (!url || !/^https?:\/\//i.test(url)) return null;
  return (
    <>
      {" "}
      <a href={url} className="source-link" rel="noopener noreferrer nofollow" aria-label={t("networkPage.sourceOf", { about })}>
        {t("networkPage.source")}
      </a>
    </>
  );
}

/** An organization holding a role: its term when it has one (the dates on the presidency), else its dates. */
function Holder({ holder, showRole = true, dates = false }: { holder: BodyHolder; showRole?: boolean; dates?: boolean }) {
  const { t, locale } = useI18n();
  const role = t(`portfolio.role.${holder.role}`);
  const when = holder.termLabel
    ? dates
      ? `${t("networkPage.term", { term: holder.termLabel })}, ${period(t, locale, holder.startsOn, holder.endsOn)}`
      : t("networkPage.term", { term: holder.termLabel })
    : period(t, locale, holder.startsOn, holder.endsOn);
  return (
    <>
      {showRole && <>{role}: </>}
      <Link to={`/${locale}/organizations/${holder.organization.slug}`}>{holder.organization.name}</Link> <span className="muted">({when})</span>
      <SourceLink url={holder.sourceUrl} about={`${holder.organization.name}, ${role}`} />
    </>
  );
}

export default function Network({ loaderData }: Route.ComponentProps) {
  const { t, locale, number } = useI18n();
  const { network: n, rounded, outcomes } = loaderData;
  const standing = n.viewer.standing;
  const mappedCities = n.membersByCountry.reduce((sum, g) => sum + g.members, 0);
  const base = `/${locale}/networks/${n.slug}`;
  const maxMembers = Math.max(1, ...n.membersByCountry.map((g) => g.members));
  const { cities, people } = rounded;
  const millions = people.value >= 1_000_000;
  return (
    <>
      <title>{`${n.name} · Pares`}</title>
      <div className="network-header">
        {n.logoVersion && <img src={`${base}/logo?v=${n.logoVersion}`} alt="" className="network-logo" width={96} height={96} />}
        <div>
          <h1>
            {n.name}
            {n.acronym && n.acronym !== n.name && <span className="muted"> ({n.acronym})</span>}
          </h1>
          <p className="lead">
            {t(`network.kind.${n.kind}`)} · <span className={n.hosted ? "badge" : "badge external"}>{n.hosted ? t("networkPage.hosted") : t("networkPage.external")}</span>
            {n.foundedOn && <> · {t("home.networks.founded", { date: formatDate(locale, n.foundedOn) })}</>}
          </p>
        </div>
      </div>
      {n.ownName && <p className="muted">{t("networkPage.ownName", { name: n.ownName })}</p>}
      {n.description && (
        <div lang={n.description.language}>
          {n.description.text.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
      {n.description?.fallback && <p className="muted">{t("content.originalLanguage", { language: t(`language.${n.description.language}`) })}</p>}
      <dl className="facts">
        {n.regions.length > 0 && (
          <>
            <dt>{t("networkPage.region")}</dt>
            <dd>{n.regions.join(", ")}</dd>
          </>
        )}
        {n.workingLanguages.length > 0 && (
          <>
            <dt>{t("networkPage.workingLanguages")}</dt>
            <dd>{n.workingLanguages.join(", ")}</dd>
          </>
        )}
        {n.website && (
          <>
            <dt>{t("networkPage.website")}</dt>
            <dd>
              <a href={n.website} rel="noopener noreferrer nofollow">
                {n.website}
              </a>
            </dd>
          </>
        )}
        {n.secretariat && (
          <>
            <dt>{t("networkPage.secretariat")}</dt>
            <dd>
              <Link to={`/${locale}/organizations/${n.secretariat.slug}`}>{n.secretariat.name}</Link>
            </dd>
          </>
        )}
        {n.recordedBy && (
          <>
            <dt>{t("networkPage.recordedBy")}</dt>
            <dd>
              <Link to={`/${locale}/organizations/${n.recordedBy.slug}`}>{n.recordedBy.name}</Link>
            </dd>
          </>
        )}
      </dl>
      <ul className="actions-list">
        {n.hosted && (
          <li>
            <Link to={`${base}/members`}>{t("networkPage.link.members")}</Link>
          </li>
        )}
        <li>
          <Link to={`${base}/bodies`}>{t("networkPage.link.bodies")}</Link>
        </li>
        {n.hosted && (
          <>
            <li>
              <Link to={`/${locale}/practices?network=${n.slug}`}>{t("practices.networkLink.bank")}</Link>
            </li>
            <li>
              <Link to={`${base}/calls`}>{t("practices.networkLink.calls")}</Link>
            </li>
            <li>
              <Link to={`${base}/observatory`}>{t("practices.networkLink.observatory")}</Link>
            </li>
          </>
        )}
        {n.viewer.canApply && (
          <li>
            <Link to={`${base}/join`}>{t("networkPage.link.join")}</Link>
          </li>
        )}
        {n.viewer.canEdit && (
          <li>
            <Link to={`${base}/edit`}>{t("networkPage.link.edit")}</Link>
          </li>
        )}
      </ul>
      {standing && (
        <p className="notice">
          {standing.kind === "secretariat"
            ? t("networkPage.standing.secretariat")
            : standing.kind === "applicant"
              ? t("networkPage.standing.applicant")
              : t("networkPage.standing.member", { status: standing.status, since: standing.since ? formatDate(locale, standing.since) : "none" })}
          {standing.kind !== "secretariat" && (
            <>
              {" "}
              <Link to={`${base}/memberships/${standing.membershipId}`}>
                {standing.kind === "applicant" ? t("networkPage.standing.seeApplication") : t("networkPage.standing.seeMembership")}
              </Link>
            </>
          )}
        </p>
      )}

      {!n.hosted && <p className="notice">{t("networkPage.externalNotice")}</p>}

      {n.hosted && (
        <section aria-labelledby="figures-title">
          <h2 id="figures-title">{t("networkPage.figures.title")}</h2>
          {n.figures.memberCities > 0 ? (
            <p className="lead">
              {t("networkPage.figures.sentence", {
                moreCities: cities.moreThan ? "yes" : "no",
                cities: cities.value,
                countries: n.figures.countries,
                morePeople: people.moreThan ? "yes" : "no",
                scale: millions ? "millions" : "units",
                millions: Math.floor(people.value / 100_000) / 10,
                people: people.value,
              })}
            </p>
          ) : (
            <p>{t("networkPage.figures.none")}</p>
          )}
          <ul className="stats">
            <li>{t("networkPage.figures.memberCities", { count: n.figures.memberCities })}</li>
            <li>{t("networkPage.figures.countries", { count: n.figures.countries })}</li>
            <li>{t("networkPage.figures.population", { count: n.figures.population, formatted: number(n.figures.population) })}</li>
            <li>{t("networkPage.figures.thematicUnits", { count: n.figures.thematicUnits })}</li>
          </ul>
        </section>
      )}

      {outcomes && (
        <section aria-labelledby="exchange-outcomes-title">
          <h2 id="exchange-outcomes-title">{t("exchangePages.outcomes.title")}</h2>
          <p>{t("exchangePages.outcomes.intro")}</p>
          <ul className="stats">
            <li>{t("exchangePages.outcomes.openOffers", { count: outcomes.openOffers })}</li>
            <li>{t("exchangePages.outcomes.openNeeds", { count: outcomes.openNeeds })}</li>
            <li>{t("exchangePages.outcomes.conversations", { count: outcomes.conversations })}</li>
            <li>{t("exchangePages.outcomes.exchangesDone", { count: outcomes.exchangesDone })}</li>
            <li>{t("exchangePages.outcomes.projects", { count: outcomes.projects })}</li>
            <li>{t("exchangePages.outcomes.noFollowUp", { count: outcomes.noFollowUp })}</li>
          </ul>
        </section>
      )}

      {n.hosted && (
        <section aria-labelledby="map-title">
          <h2 id="map-title">{t("networkPage.map.heading")}</h2>
          {n.map ? (
            <>
              <figure className="network-map">
                {/* An image of its own (cached apart from the page); the table below says the same in text. */}
                <img
                  src={`${base}/map.svg`}
                  alt={t("networkPage.map.alt", { network: n.name, cities: mappedCities, countries: n.membersByCountry.length })}
                  width={n.map.width}
                  height={n.map.height}
                  className="network-map-image"
                  decoding="async"
                />
                <figcaption className="muted">
                  {t("networkPage.map.captionSource")} <a href="#member-cities">{t("networkPage.map.tableLink")}</a>
                </figcaption>
              </figure>
              <figure className="bar-chart" aria-labelledby="chart-title">
                <figcaption id="chart-title">
                  <strong>{t("networkPage.chart.title")}</strong>
                </figcaption>
                <table>
                  <caption className="visually-hidden">{t("networkPage.chart.title")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("networkPage.country")}</th>
                      <th scope="col" className="number">
                        {t("networkPage.chart.members")}
                      </th>
                      <th scope="col" className="bar-cell">
                        <span className="visually-hidden">{t("networkPage.chart.bar")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {n.membersByCountry.map((g) => (
                      <tr key={g.countryCode}>
                        <th scope="row">{g.countryName}</th>
                        <td className="number">{number(g.members)}</td>
                        <td className="bar-cell">
                          <svg className="bar" width="100%" height="16" aria-hidden="true" focusable="false">
                            <rect width={`${((g.members / maxMembers) * 100).toFixed(1)}%`} height="16" />
                          </svg>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </figure>
              <details className="map-table" id="member-cities">
                <summary>{t("networkPage.table.summary")}</summary>
                <table>
                  <caption>{t("networkPage.table.caption", { network: n.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("networkPage.country")}</th>
                      <th scope="col">{t("networkPage.table.cities")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {n.membersByCountry.map((g) => (
                      <tr key={g.countryCode}>
                        <th scope="row">
                          {g.countryName} <span className="muted">({number(g.members)})</span>
                        </th>
                        <td>
                          <ul className="inline-list">
                            {g.cities.map((c) => (
                              <li key={c.slug}>
                                <Link to={`/${locale}/organizations/${c.slug}`}>{c.name}</Link>
                              </li>
                            ))}
                          </ul>
                          {g.members > g.cities.length && (
                            <p className="muted">
                              <Link to={`${base}/members?country=${g.countryCode}`}>
                                {t("networkPage.table.more", { count: g.members - g.cities.length, country: g.countryName })}
                              </Link>
                            </p>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </>
          ) : (
            <p>{t("networkPage.map.none")}</p>
          )}
        </section>
      )}

      {n.hosted && (
        <section aria-labelledby="presidency-title">
          <h2 id="presidency-title">{t("networkPage.presidency.title")}</h2>
          {n.presidency ? (
            <p>
              <Holder holder={n.presidency} showRole={false} dates />
            </p>
          ) : (
            <p>{t("networkPage.presidency.none")}</p>
          )}
        </section>
      )}

      {/* An external network's roles are listed as recorded, below. */}
      {n.hosted && (
        <section aria-labelledby="bodies-title">
          <h2 id="bodies-title">{t("networkPage.bodies.title")}</h2>
          {n.bodies.length === 0 ? (
            <p>{t("networkPage.bodies.none")}</p>
          ) : (
            <ul className="cards">
              {n.bodies.map((b) => (
                <li key={b.slug} className="card">
                  <h3 className="card-title">
                    <Link to={`${base}/bodies/${b.slug}`} lang={b.name.fallback ? b.name.language : undefined}>
                      {b.name.text}
                    </Link>
                  </h3>
                  <p className="muted">{t(`networkPage.bodyKind.${b.kind}`)}</p>
                  {b.holders.length > 0 ? (
                    <ul className="links">
                      {b.holders.map((h, i) => (
                        <li key={`${h.organization.slug}-${h.role}-${i}`}>
                          <Holder holder={h} />
                        </li>
                      ))}
                    </ul>
                  ) : b.kind === "secretariat" && n.secretariat ? (
                    <p>
                      {t("networkPage.bodies.runBy")} <Link to={`/${locale}/organizations/${n.secretariat.slug}`}>{n.secretariat.name}</Link>
                    </p>
                  ) : (
                    <p>{spaceKinds.has(b.kind) ? t("networkPage.bodies.noCoordination") : t("networkPage.bodies.noHolders")}</p>
                  )}
                  {b.memberCount > 0 && <p className="muted">{t("networkPage.bodies.members", { count: b.memberCount })}</p>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {n.foundingMembers.length > 0 && (
        <section aria-labelledby="founders-title">
          <h2 id="founders-title">{t("networkPage.founders.title")}</h2>
          <ul className="columns">
            {n.foundingMembers.map((f) => (
              <li key={f.slug}>
                <Link to={`/${locale}/organizations/${f.slug}`}>{f.name}</Link> <span className="muted">({f.countryName})</span>
                <SourceLink url={f.sourceUrl} about={f.name} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {n.recorded && (
        <>
          <section aria-labelledby="recorded-members-title">
            <h2 id="recorded-members-title">{t("networkPage.recorded.members")}</h2>
            {n.recorded.members.length === 0 ? (
              <p>{t("networkPage.recorded.noMembers")}</p>
            ) : (
              <ul className="links">
                {n.recorded.members.map((m) => (
                  <li key={m.slug}>
                    <Link to={`/${locale}/organizations/${m.slug}`}>{m.name}</Link>{" "}
                    <span className="muted">
                      ({t(`portfolio.status.${m.status}`)}
                      {m.since && <>, {t("networkPage.since", { from: formatDate(locale, m.since) })}</>})
                    </span>
                    <SourceLink url={m.sourceUrl} about={m.name} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="recorded-roles-title">
            <h2 id="recorded-roles-title">{t("networkPage.recorded.roles")}</h2>
            {n.recorded.roles.length === 0 ? (
              <p>{t("networkPage.recorded.noRoles")}</p>
            ) : (
              <ul className="links">
                {n.recorded.roles.map((r, i) => (
                  <li key={i}>
                    <span lang={r.bodyName.fallback ? r.bodyName.language : undefined}>{r.bodyName.text}</span> · <Holder holder={r} dates />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <GeoNamesCredit />
    </>
  );
}
