import { Link } from "react-router";
import { getDirectoryStats } from "../../modules/cities/get-directory-stats.ts";
import { listNetworks } from "../../modules/networks/list-networks.ts";
import { formatDate } from "../../platform/i18n/format.ts";
import { useI18n } from "../i18n.tsx";
import { pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/home";

export async function loader({ params, context }: Route.LoaderArgs) {
  const ctx = services(context);
  const locale = pageLocale(params);
  const [stats, networks] = await Promise.all([getDirectoryStats(ctx), listNetworks(ctx, { hosted: "yes", pageSize: 12 }, locale)]);
  return { stats, networks: networks.items };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { stats, networks } = loaderData;
  return (
    <>
      <title>{`Pares · ${t("app.tagline")}`}</title>
      <meta name="description" content={t("meta.description")} />
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("home.title")}</h1>
        <p className="lead">{t("home.intro")}</p>
        <p>{t("home.audience")}</p>
        <form method="get" action={`/${locale}/cities`} className="hero-search" role="search">
          <label htmlFor="home-q">{t("home.searchCities")}</label>
          <div className="inline-field">
            <input id="home-q" name="q" type="search" autoComplete="off" />
            <button type="submit">{t("cities.search.submit")}</button>
          </div>
        </form>
      </section>
      <section aria-labelledby="stats-title">
        <h2 id="stats-title">{t("home.stats.title")}</h2>
        <ul className="stats">
          <li>{t("home.stats.cities", { count: stats.cities })}</li>
          <li>{t("home.stats.countries", { count: stats.countries })}</li>
          <li>{t("home.stats.themes", { count: stats.themes })}</li>
        </ul>
      </section>
      {networks.length > 0 && (
        <section aria-labelledby="networks-title">
          <h2 id="networks-title">{t("home.networks.title")}</h2>
          <ul className="cards">
            {networks.map((n) => (
              <li key={n.slug} className="card">
                <h3>
                  <Link to={`/${locale}/networks/${n.slug}`}>{n.name}</Link>
                </h3>
                <p className="muted">
                  {t(`network.kind.${n.kind}`)}
                  {n.foundedOn && <> · {t("home.networks.founded", { date: formatDate(locale, n.foundedOn) })}</>}
                </p>
                {n.description && (
                  <p lang={n.description.language}>{n.description.text}</p>
                )}
                <p>{t("home.networks.summary", { spaces: n.spaceCount, cities: n.foundingMemberCount })}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
