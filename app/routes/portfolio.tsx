import { Link } from "react-router";
import { getPortfolio } from "../../modules/portfolio/get-portfolio.ts";
import { formatDate } from "../../platform/i18n/format.ts";
import { PortfolioView } from "../components/portfolio-view.tsx";
import { useI18n } from "../i18n.tsx";
import { orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/portfolio.css?url";
import type { Route } from "./+types/portfolio";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = await requireActor(context, request, params);
  return { portfolio: await orPageError(getPortfolio(services(context), actor, params.slug, pageLocale(params)), request, params) };
}

export function headers() {
  // It names the organization's people: not for shared caches.
  return { "Cache-Control": "private, no-store" };
}

export default function PortfolioPage({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { portfolio } = loaderData;
  const org = portfolio.organization;
  const base = `/${locale}/organizations/${org.slug}`;
  return (
    <>
      <title>{`${t("portfolio.title")} · ${org.name} · Pares`}</title>
      <p>
        <Link to={base}>{org.name}</Link>
      </p>
      <h1>{t("portfolio.title")}</h1>
      <p className="lead">{t("portfolio.intro", { organization: org.name, date: formatDate(locale, portfolio.asOf) })}</p>
      <ul className="actions-list">
        <li>
          <a href={`${base}/portfolio/export`} download>
            {t("portfolio.export.csv")}
          </a>
        </li>
        <li>
          <Link to={`${base}/portfolio/print`}>{t("portfolio.export.print")}</Link>
        </li>
        {portfolio.viewer.canRecordExternal && (
          <li>
            <Link to={`/${locale}/networks/new?type=external`}>{t("portfolio.recordExternal")}</Link>
          </li>
        )}
      </ul>
      <PortfolioView portfolio={portfolio} />
    </>
  );
}
