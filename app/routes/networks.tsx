import { data, Link } from "react-router";
import { listNetworksInput } from "../../modules/networks/inputs.ts";
import { listNetworks } from "../../modules/networks/list-networks.ts";
import { networkKinds } from "../../modules/networks/schema.ts";
import { formatDate } from "../../platform/i18n/format.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { fieldMessages } from "../../platform/http/zod-messages.ts";
import { SelectField } from "../components/form.tsx";
import { Pagination } from "../components/pagination.tsx";
import { useI18n } from "../i18n.tsx";
import { actorOf, pageLocale, queryOf, services } from "../route-helpers.ts";
import type { Route } from "./+types/networks";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const ctx = services(context);
  const locale = pageLocale(params);
  const query = queryOf(request);
  const actor = await actorOf(context, request);
  const viewer = {
    signedIn: actor.userId !== null,
    admin: actor.platformAdmin,
    focalPoint: [...actor.memberships.values()].includes("focal_point"),
  };
  const parsed = listNetworksInput.safeParse(query);
  if (!parsed.success) {
    const errors = fieldMessages(parsed.error, locale, createTranslator(locale, catalogs[locale]));
    return data({ query, result: null, errors, viewer }, { status: 400 });
  }
  return { query, result: await listNetworks(ctx, parsed.data, locale), errors: [], viewer };
}

export default function Networks({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { query, result, errors, viewer } = loaderData;
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const pageLink = (page: number) => `/${locale}/networks?${new URLSearchParams({ ...query, page: String(page) })}`;
  return (
    <>
      <title>{`${t("networks.title")} · Pares`}</title>
      <h1>{t("networks.title")}</h1>
      <p>{t("networks.intro")}</p>
      {viewer.signedIn && (
        <ul className="links">
          {viewer.admin && (
            <li>
              <Link to={`/${locale}/networks/new?type=hosted`}>{t("networks.create")}</Link>
            </li>
          )}
          <li>
            <Link to={`/${locale}/networks/new?type=external`}>{t("networks.recordExternal")}</Link>
          </li>
        </ul>
      )}
      <form method="get" className="filters" role="search" aria-label={t("networks.title")}>
        <div className="field">
          <label htmlFor="q">{t("networks.search.label")}</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} autoComplete="off" aria-invalid={errorFor("q") ? true : undefined} />
        </div>
        <SelectField
          name="kind"
          label={t("networks.filter.kind")}
          defaultValue={query.kind ?? ""}
          error={errorFor("kind")}
          options={[{ value: "", label: t("networks.filter.anyKind") }, ...networkKinds.map((k) => ({ value: k, label: t(`network.kind.${k}`) }))]}
        />
        <SelectField
          name="hosted"
          label={t("networks.filter.hosted")}
          defaultValue={query.hosted ?? ""}
          error={errorFor("hosted")}
          options={[
            { value: "", label: t("networks.filter.anyHosted") },
            { value: "yes", label: t("networks.hosted.yes") },
            { value: "no", label: t("networks.hosted.no") },
          ]}
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
            {t("networks.results.count", { count: result.total })}
          </h2>
          <ul className="cards">
            {result.items.map((n) => (
              <li key={n.slug} className="card">
                {n.logoVersion && <img src={`/${locale}/networks/${n.slug}/logo?v=${n.logoVersion}`} alt="" width={64} height={64}/>}
                <h3 className="card-title">
                  <Link to={`/${locale}/networks/${n.slug}`}>{n.name}</Link>
                  {n.acronym && n.acronym !== n.name && <span className="muted"> ({n.acronym})</span>}
                </h3>
                <p>
                  {t(`network.kind.${n.kind}`)} · {n.hosted ? t("networks.hosted.yes") : t("networks.hosted.no")}
                  {n.foundedOn && <> · {t("networks.founded", { date: formatDate(locale, n.foundedOn) })}</>}
                </p>
                {n.description && (
                  <p lang={n.description.language} className="muted">
                    {n.description.text.length > 220 ? `${n.description.text.slice(0, 217)}…` : n.description.text}
                  </p>
                )}
                <p>{t("networks.memberCount", { count: n.memberCount })}</p>
              </li>
            ))}
          </ul>
          <Pagination page={result.page} pageCount={result.pageCount} link={pageLink} />
        </section>
      )}
    </>
  );
}
