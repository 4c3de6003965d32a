import { Link } from "react-router";
import { getCity } from "../../modules/cities/get-city.ts";
import { formatCoordinates, formatDateTime, timeZoneOffset } from "../../platform/i18n/format.ts";
import { GeoNamesCredit } from "../components/credits.tsx";
import { useI18n } from "../i18n.tsx";
import { orNotFound, pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/city";

export async function loader({ params, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const city = await orNotFound(getCity(services(context), params.cityId, locale));
  return { city, renderedAt: new Date().toISOString() };
}

export default function City({ loaderData }: Route.ComponentProps) {
  const { t, locale, number } = useI18n();
  const { city, renderedAt } = loaderData;
  return (
    <>
      <title>{`${city.name} · Pares`}</title>
      <p>
        <Link to={`/${locale}/cities`}>{t("city.back")}</Link>
      </p>
      <h1>{city.name}</h1>
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t("city.details")}</h2>
        <dl className="facts">
          {city.officialName !== city.name && (
            <>
              <dt>{t("city.officialName")}</dt>
              <dd>{city.officialName}</dd>
            </>
          )}
          <dt>{t("city.country")}</dt>
          <dd>
            <Link to={`/${locale}/cities?country=${city.countryCode}`}>{city.countryName}</Link>
          </dd>
          {city.admin1Name && (
            <>
              <dt>{t("city.admin1")}</dt>
              <dd>{city.admin1Name}</dd>
            </>
          )}
          {city.subregionName && (
            <>
              <dt>{t("city.worldRegion")}</dt>
              <dd>{[city.regionName, city.subregionName].filter(Boolean).join(" › ")}</dd>
            </>
          )}
          <dt>{t("city.population")}</dt>
          <dd>{number(city.population)}</dd>
          <dt>{t("city.coordinates")}</dt>
          <dd>{formatCoordinates(locale, city.latitude, city.longitude)}</dd>
          <dt>{t("city.timezone")}</dt>
          <dd>
            {city.timezone} ({timeZoneOffset(locale, city.timezone, new Date(renderedAt))})
            <br />
            {t("city.localTime", { time: formatDateTime(locale, new Date(renderedAt), city.timezone) })}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="networks-title">
        <h2 id="networks-title">{t("city.networks")}</h2>
        {city.networks.length === 0 ? (
          <p>{t("city.noNetworks")}</p>
        ) : (
          <ul>
            {city.networks.map((n) => (
              <li key={n.slug}>
                <Link to={`/${locale}/networks/${n.slug}`}>{n.name}</Link>
                {n.acronym && n.acronym !== n.name && <> ({n.acronym})</>}
                {n.founding ? (
                  <> — {n.joinedYear ? t("city.foundingMember", { year: String(n.joinedYear) }) : t("city.foundingMemberUndated")}</>
                ) : (
                  n.joinedYear && <> — {t("city.memberSince", { year: String(n.joinedYear) })}</>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <GeoNamesCredit />
    </>
  );
}
