// A network's city–university observatory: what it is, the university association that runs it
// with the network, its axes and the themes they gather, and its practices in the search.
import { Link } from "react-router";
import { getObservatory } from "../../modules/practices/get-observatory.ts";
import { listThemes } from "../../modules/themes/list-themes.ts";
import { useI18n } from "../i18n.tsx";
import { actorOf, orPageError, pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/network-observatory";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await actorOf(context, request);
  const observatory = await orPageError(getObservatory(services(context), actor, params.slug, locale), request, params);
  const names = new Map((await listThemes(services(context), {}, locale)).map((th) => [th.id, th.name]));
  return {
    observatory: {
      ...observatory,
      axes: observatory.axes.map((a) => ({ ...a, themes: a.themeIds.map((id) => ({ id, name: names.get(id) ?? id })) })),
    },
  };
}

export default function NetworkObservatory({ loaderData }: Route.ComponentProps) {
  const { t, locale, number } = useI18n();
  const { observatory } = loaderData;
  const search = (theme?: string) => `/${locale}/practices?network=${observatory.network.slug}&observatory=yes${theme ? `&theme=${theme}` : ""}`;
  return (
    <>
      <title>{`${observatory.name} · Pares`}</title>
      <p className="muted">
        <Link to={`/${locale}/networks/${observatory.network.slug}`}>{observatory.network.name}</Link>
      </p>
      <h1>{observatory.name}</h1>
      {observatory.description.split(/\n{2,}/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {observatory.partner && (
        <p>
          {t("practices.observatory.runWith")} <Link to={`/${locale}/organizations/${observatory.partner.slug}`}>{observatory.partner.name}</Link>
        </p>
      )}
      <p>
        <Link to={search()}>{t("practices.observatory.browse", { count: observatory.practices, shown: number(observatory.practices) })}</Link>
      </p>
      <h2>{t("practices.observatory.axes")}</h2>
      <ul className="cards">
        {observatory.axes.map((axis) => (
          <li key={axis.key} className="card">
            <h3 className="card-title">{axis.name}</h3>
            <ul className="links">
              {axis.themes.map((th) => (
                <li key={th.id}>
                  <Link to={search(th.id)}>{th.name}</Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
