// The exchange: offers (what cities can share) and needs (what they want help with), searched
// with words in any of the three languages and filtered; and the organization's own offers and
// needs, by status, so its people find them again.
import { data, Link } from "react-router";
import { browseItems } from "../../modules/exchange/browse-items.ts";
import type { ItemStatus } from "../../modules/exchange/schema.ts";
import { listNetworks } from "../../modules/networks/list-networks.ts";
import { listMyOrganizations } from "../../modules/organizations/list-my-organizations.ts";
import { listSdgs } from "../../modules/themes/list-sdgs.ts";
import { listThemes } from "../../modules/themes/list-themes.ts";
import { AppError } from "../../platform/errors.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { translateFieldMessage } from "../../platform/http/problem.ts";
import { itemKinds, modalities } from "../components/exchange-editor.tsx";
import { ItemHit } from "../components/exchange-parts.tsx";
import { SelectField } from "../components/form.tsx";
import { Pagination } from "../components/pagination.tsx";
import { useI18n } from "../i18n.tsx";
import { pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/exchange.css?url";
import type { Route } from "./+types/exchange";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** The filters, in the order shown. */
const filterNames = ["kind", "theme", "sdg", "network", "modality", "language"] as const;
type FilterName = (typeof filterNames)[number];
const known = ["q", "page", ...filterNames];
/** The statuses of the organization's own list (open includes "in conversation"). */
const ownStatuses = ["open", "matched", "closed", "expired"] as const satisfies readonly ItemStatus[];

/** The search's parameters from the address, empty ones dropped. */
function searchQuery(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of known) {
    const value = url.searchParams.get(key)?.trim();
    if (value) query[key] = value;
  }
  return query;
}

function link(locale: string, query: Record<string, string>, changes: Record<string, string | null> = {}): string {
  const next: Record<string, string> = { ...query };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  const search = new URLSearchParams(next).toString();
  return `/${locale}/exchange${search ? `?${search}` : ""}`;
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const url = new URL(request.url);
  const query = searchQuery(url);
  const asked = url.searchParams.get("own");
  const ownStatus = (ownStatuses as readonly string[]).includes(asked ?? "") ? (asked as (typeof ownStatuses)[number]) : "open";
  const [themes, sdgs, networks, mine] = await Promise.all([
    listThemes(ctx, {}, locale),
    listSdgs(ctx, {}, locale),
    listNetworks(ctx, { pageSize: 100 }, locale),
    listMyOrganizations(ctx, actor),
  ]);
  const acting = mine.memberships.find((m) => m.actingFor) ?? null;
  const options = {
    themes: themes.map((th) => ({ id: th.id, name: th.name })),
    sdgs: sdgs.map((g) => ({ goal: g.goal, shortName: g.shortName })),
    networks: networks.items.map((n) => ({ slug: n.slug, name: n.name })),
  };
  const own = acting
    ? {
        organization: { slug: acting.slug, name: acting.name },
        status: ownStatus,
        result: await browseItems(ctx, actor, { organization: acting.slug, ...(ownStatus === "open" ? {} : { status: ownStatus }), pageSize: 50 }, locale),
      }
    : null;
  const canPost = acting !== null;
  try {
    const result = await browseItems(ctx, actor, query, locale);
    return { query, result, errors: null, options, own, canPost };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "invalid") throw error;
    const t = createTranslator(locale, catalogs[locale]);
    const errors = Object.entries(error.fieldErrors ?? {}).map(([field, messages]) => ({ field, message: translateFieldMessage(t, messages[0] ?? "") }));
    return data({ query, result: null, errors, options, own, canPost }, { status: 400 });
  }
}

export default function Exchange({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { query, result, errors, options, own, canPost } = loaderData;
  const themeNames = Object.fromEntries(options.themes.map((th) => [th.id, th.name]));
  const filterLabel = (name: FilterName | "q" | "page") => (name === "q" ? t("exchangePages.browse.words") : name === "page" ? t("pagination.label") : t(`exchangePages.filter.${name}`));
  const any = { value: "", label: t("exchangePages.filter.any") };
  const pageCount = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  const filtered = Object.keys(query).some((k) => k !== "page");
  return (
    <>
      <title>{`${query.q ? t("exchangePages.browse.titleFor", { q: query.q }) : t("exchangePages.browse.title")} · Pares`}</title>
      <h1>{t("exchangePages.browse.title")}</h1>
      <p className="lead">{t("exchangePages.browse.intro")}</p>
      <ul className="actions-list">
        {canPost && (
          <>
            <li>
              <Link to={`/${locale}/exchange/new?kind=offer`} className="button-link">
                {t("exchangePages.browse.postOffer")}
              </Link>
            </li>
            <li>
              <Link to={`/${locale}/exchange/new?kind=need`} className="button-link">
                {t("exchangePages.browse.postNeed")}
              </Link>
            </li>
          </>
        )}
        {own && (
          <li>
            <a href="#own-title">{t("exchangePages.own.jump")}</a>
          </li>
        )}
        <li>
          <Link to={`/${locale}/exchange/conversations`}>{t("exchangePages.conversations.title")}</Link>
        </li>
        <li>
          <Link to={`/${locale}/exchange/experts`}>{t("exchangePages.experts.title")}</Link>
        </li>
      </ul>
      {!canPost && (
        <p className="notice">
          {t("exchangePages.browse.noOrganization")} <Link to={`/${locale}/account/organizations`}>{t("exchangePages.browse.myOrganizations")}</Link>
        </p>
      )}
      <form method="get" className="filters" role="search" aria-label={t("exchangePages.browse.searchLabel")}>
        <div className="field">
          <label htmlFor="q">{t("exchangePages.browse.words")}</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={200} aria-describedby="q-hint" />
          <p id="q-hint" className="hint">
            {t("exchangePages.browse.wordsHint")}
          </p>
        </div>
        <SelectField name="kind" label={filterLabel("kind")} defaultValue={query.kind ?? ""} options={[any, ...itemKinds.map((k) => ({ value: k, label: t(`exchange.kind.${k}`) }))]} />
        <SelectField name="theme" label={filterLabel("theme")} defaultValue={query.theme ?? ""} options={[any, ...options.themes.map((th) => ({ value: th.id, label: th.name }))]} />
        <SelectField
          name="sdg"
          label={filterLabel("sdg")}
          defaultValue={query.sdg ?? ""}
          options={[any, ...options.sdgs.map((g) => ({ value: String(g.goal), label: t("exchangePages.sdg", { goal: g.goal, name: g.shortName }) }))]}
        />
        <SelectField name="network" label={filterLabel("network")} defaultValue={query.network ?? ""} options={[any, ...options.networks.map((n) => ({ value: n.slug, label: n.name }))]} />
        <SelectField name="modality" label={filterLabel("modality")} defaultValue={query.modality ?? ""} options={[any, ...modalities.map((m) => ({ value: m, label: t(`exchange.modality.${m}`) }))]} />
        <SelectField name="language" label={filterLabel("language")} defaultValue={query.language ?? ""} options={[any, ...locales.map((l) => ({ value: l, label: t(`language.${l}`) }))]} />
        <div className="field actions">
          <button type="submit">{t("exchangePages.browse.submit")}</button>
        </div>
      </form>
      {filtered && (
        <p>
          <Link to={`/${locale}/exchange`}>{t("exchangePages.browse.clear")}</Link>
        </p>
      )}
      {errors && errors.length > 0 && (
        <div role="alert" className="alert">
          <ul>
            {errors.map((e) => (
              <li key={e.field}>{t("validation.field", { field: filterLabel(e.field as FilterName), message: e.message })}</li>
            ))}
          </ul>
        </div>
      )}
      {result && (
        <section aria-labelledby="results-title">
          <h2 id="results-title" aria-live="polite">
            {t("exchangePages.browse.count", { count: result.total })}
          </h2>
          {result.items.length === 0 ? (
            <p>{t("exchangePages.browse.none")}</p>
          ) : (
            <ol className="exchange-hits" start={(result.page - 1) * result.pageSize + 1}>
              {result.items.map((item) => (
                <ItemHit key={item.id} item={item} themeNames={themeNames} />
              ))}
            </ol>
          )}
          <Pagination page={result.page} pageCount={pageCount} link={(page) => link(locale, query, { page: String(page) })} />
        </section>
      )}
      {own && (
        <section aria-labelledby="own-title" className="own-items">
          <h2 id="own-title">{t("exchangePages.own.title", { organization: own.organization.name })}</h2>
          <nav aria-label={t("exchangePages.own.statuses")}>
            <ul className="queue-states">
              {ownStatuses.map((s) => (
                <li key={s}>
                  <Link to={`${link(locale, query)}${Object.keys(query).length ? "&" : "?"}own=${s}#own-title`} aria-current={own.status === s ? "page" : undefined}>
                    {t(`exchangePages.own.status.${s}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {own.result.items.length === 0 ? (
            <p>{t("exchangePages.own.none")}</p>
          ) : (
            <>
              <p className="muted">{t("exchangePages.own.count", { count: own.result.total })}</p>
              <ul className="exchange-hits">
                {own.result.items.map((item) => (
                  <ItemHit key={item.id} item={item} themeNames={themeNames} />
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
