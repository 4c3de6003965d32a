import { useSyncExternalStore } from "react";
import { Link } from "react-router";
import { getPortfolio } from "../../modules/portfolio/get-portfolio.ts";
import { formatDate } from "../../platform/i18n/format.ts";
import { PortfolioView } from "../components/portfolio-view.tsx";
import { useI18n } from "../i18n.tsx";
import { orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/portfolio.css?url";
import type { Route } from "./+types/portfolio-print";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = await requireActor(context, request, params);
  return { portfolio: await orPageError(getPortfolio(services(context), actor, params.slug, pageLocale(params)), request, params) };
}

export function headers() {
  return { "Cache-Control": "private, no-store" };
}

const subscribe = () => () => {};

/** A print button once scripts run (progressive enhancement); the hint is there either way. */
function PrintButton() {
  const { t } = useI18n();
  const scripted = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!scripted) return null;
  return (
    <button type="button" onClick={() => window.print()}>
      {t("portfolio.print.button")}
    </button>
  );
}

export default function PortfolioPrint({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { portfolio } = loaderData;
  const org = portfolio.organization;
  return (
    <div className="print-page">
      <title>{`${t("portfolio.title")} · ${org.name} · Pares`}</title>
      <div className="no-print print-tools">
        <Link to={`/${locale}/organizations/${org.slug}/portfolio`}>{t("portfolio.print.back")}</Link>
        <PrintButton />
        {/* In the page as served, so it shows without scripts (and however they fare). */}
        <p className="muted">{t("portfolio.print.hint")}</p>
      </div>
      <h1>
        {t("portfolio.title")} · {org.name}
      </h1>
      <p>{t("portfolio.print.asOf", { date: formatDate(locale, portfolio.asOf) })}</p>
      <PortfolioView portfolio={portfolio} links={false} />
    </div>
  );
}
