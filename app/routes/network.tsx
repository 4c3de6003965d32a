import { Link } from "react-router";
import { getNetwork } from "../../modules/networks/get-network.ts";
import { formatDate } from "../../platform/i18n/format.ts";
import { GeoNamesCredit } from "../components/credits.tsx";
import { useI18n } from "../i18n.tsx";
import { orNotFound, pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/network";

export async function loader({ params, context }: Route.LoaderArgs) {
  return { network: await orNotFound(getNetwork(services(context), params.slug, pageLocale(params))) };
}

export default function Network({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { network } = loaderData;
  return (
    <>
      <title>{`${network.name} · Pares`}</title>
      <h1>{network.name}</h1>
      <p className="muted">
        {t(`network.kind.${network.kind}`)}
        {network.foundedOn && <> · {t("home.networks.founded", { date: formatDate(locale, network.foundedOn) })}</>}
      </p>
      {network.description && (
        <p lang={network.description.language}>
          {network.description.text}
          {network.description.fallback && (
            <span className="muted"> ({t("content.originalLanguage", { language: t(`language.${network.description.language}`) })})</span>
          )}
        </p>
      )}
      <section aria-labelledby="spaces-title">
        <h2 id="spaces-title">{t("network.spaces")}</h2>
        <ul className="columns">
          {network.spaces.map((s) => (
            <li key={s.themeId}>{s.name}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="founders-title">
        <h2 id="founders-title">{t("network.foundingCities")}</h2>
        <ul className="columns">
          {network.foundingCities.map((c) => (
            <li key={c.id}>
              <Link to={`/${locale}/cities/${c.id}`}>{c.name}</Link> <span className="muted">({c.countryName})</span>
            </li>
          ))}
        </ul>
      </section>
      <GeoNamesCredit />
    </>
  );
}
