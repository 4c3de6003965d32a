// The directory of local expertise: people of the cities' teams who agreed to be listed, with
// what they know (in their words, in the reader's language or the original) and the languages
// they work in; filtered by theme, language and network.
import { data, Link } from "react-router";
import { listExpertise } from "../../modules/exchange/list-expertise.ts";
import { listNetworks } from "../../modules/networks/list-networks.ts";
import { listThemes } from "../../modules/themes/list-themes.ts";
import { AppError } from "../../platform/errors.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { translateFieldMessage } from "../../platform/http/problem.ts";
import { OriginalNote } from "../components/exchange-parts.tsx";
import { SelectField } from "../components/form.tsx";
import { Pagination } from "../components/pagination.tsx";
import { useI18n } from "../i18n.tsx";
import { pageLocale, queryOf, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/exchange.css?url";
import type { Route } from "./+types/exchange-experts";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

const filterNames = ["theme", "language", "network"] as const;
const pageSize = 20;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const all = queryOf(request);
  const query = Object.fromEntries(Object.entries(all).filter(([k]) => (filterNames as readonly string[]).includes(k) || k === "page"));
  const [themes, networks] = await Promise.all([listThemes(ctx, {}, locale), listNetworks(ctx, { pageSize: 100 }, locale)]);
  const options = { themes: themes.map((th) => ({ id: th.id, name: th.name })), networks: networks.items.map((n) => ({ slug: n.slug, name: n.name })) };
  try {
    const result = await listExpertise(ctx, actor, { ...query, pageSize }, locale);
    return { query, result, errors: null, options, page: Number(query.page ?? 1) };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "invalid") throw error;
    const t = createTranslator(locale, catalogs[locale]);
    const errors = Object.entries(error.fieldErrors ?? {}).map(([field, messages]) => ({ field, message: translateFieldMessage(t, messages[0] ?? "") }));
    return data({ query, result: null, errors, options, page: 1 }, { status: 400 });
  }
}

export default function ExchangeExperts({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { query, result, errors, options, page } = loaderData;
  const any = { value: "", label: t("exchangePages.filter.any") };
  const themeNames = new Map(options.themes.map((th) => [th.id, th.name]));
  const pageLink = (n: number) => `/${locale}/exchange/experts?${new URLSearchParams({ ...query, page: String(n) }).toString()}`;
  const label = (field: string) => ((filterNames as readonly string[]).includes(field) ? t(`exchangePages.filter.${field}`) : t("pagination.label"));
  return (
    <>
      <title>{`${t("exchangePages.experts.title")} · Pares`}</title>
      <p>
        <Link to={`/${locale}/exchange`}>{t("exchangePages.browse.title")}</Link>
      </p>
      <h1>{t("exchangePages.experts.title")}</h1>
      <p className="lead">{t("exchangePages.experts.intro")}</p>
      <p>
        <Link to={`/${locale}/account/expertise`}>{t("exchangePages.experts.yours")}</Link>
      </p>
      <form method="get" className="filters" aria-label={t("exchangePages.experts.filters")}>
        <SelectField name="theme" label={t("exchangePages.filter.theme")} defaultValue={query.theme ?? ""} options={[any, ...options.themes.map((th) => ({ value: th.id, label: th.name }))]} />
        <SelectField name="language" label={t("exchangePages.filter.language")} defaultValue={query.language ?? ""} options={[any, ...locales.map((l) => ({ value: l, label: t(`language.${l}`) }))]} />
        <SelectField name="network" label={t("exchangePages.filter.network")} defaultValue={query.network ?? ""} options={[any, ...options.networks.map((n) => ({ value: n.slug, label: n.name }))]} />
        <div className="field actions">
          <button type="submit">{t("exchangePages.browse.submit")}</button>
        </div>
      </form>
      {errors && errors.length > 0 && (
        <div role="alert" className="alert">
          <ul>
            {errors.map((e) => (
              <li key={e.field}>{t("validation.field", { field: label(e.field), message: e.message })}</li>
            ))}
          </ul>
        </div>
      )}
      {result && (
        <section aria-labelledby="experts-count">
          <h2 id="experts-count" aria-live="polite">
            {t("exchangePages.experts.count", { count: result.total })}
          </h2>
          {result.experts.length === 0 ? (
            <p>{t("exchangePages.experts.none")}</p>
          ) : (
            <ul className="cards">
              {result.experts.map((e) => (
                <li key={e.userId} className="card">
                  <h3 className="card-title">{e.name}</h3>
                  <p className="muted">
                    {e.position && <>{e.position} · </>}
                    <Link to={`/${locale}/organizations/${e.organization.slug}`}>{e.organization.name}</Link>
                  </p>
                  {e.summary && <p lang={e.summaryLanguage ?? undefined}>{e.summary}</p>}
                  {e.summary && e.summaryLanguage && e.summaryLanguage !== locale && <OriginalNote language={e.summaryLanguage} />}
                  {e.themes.length > 0 && (
                    <p>
                      <span className="muted">{t("exchangePages.field.themes")}: </span>
                      {e.themes.map((th) => themeNames.get(th.id) ?? th.name).join(" · ")}
                    </p>
                  )}
                  {e.languages.length > 0 && (
                    <p>
                      <span className="muted">{t("exchangePages.field.languages")}: </span>
                      {e.languages.map((l) => t(`language.${l}`)).join(", ")}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
          <Pagination page={page} pageCount={Math.max(1, Math.ceil(result.total / pageSize))} link={pageLink} />
        </section>
      )}
    </>
  );
}
