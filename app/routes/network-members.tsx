import { data, Form, Link } from "react-router";
import { decideMembership } from "../../modules/networks/decide-membership.ts";
import { getNetworkProfile } from "../../modules/networks/get-network-profile.ts";
import { listNetworkMembersInput } from "../../modules/networks/inputs.ts";
import { listNetworkMemberCountries } from "../../modules/networks/list-network-member-countries.ts";
import { listNetworkMembers } from "../../modules/networks/list-network-members.ts";
import { membershipStatuses, populationBands } from "../../modules/networks/schema.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { formatDate } from "../../platform/i18n/format.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { fieldMessages } from "../../platform/http/zod-messages.ts";
import { CsrfField, ErrorSummary, SelectField } from "../components/form.tsx";
import { Pagination } from "../components/pagination.tsx";
import { useI18n } from "../i18n.tsx";
import { actorOf, formError, formFields, orPageError, pageLocale, queryOf, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/network-members";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const ctx = services(context);
  const locale = pageLocale(params);
  const actor = await actorOf(context, request);
  const query = queryOf(request);
  const network = await orPageError(getNetworkProfile(ctx, actor, params.slug, locale), request, params);
  // Only the countries the members one may see are in, named in the page's language.
  const countries = (await listNetworkMemberCountries(ctx, actor, params.slug, locale)).map((c) => ({ value: c.code, label: c.name }));
  // A country asked for by a link that has no member stays chosen (and finds nobody).
  if (typeof query.country === "string" && query.country && !countries.some((c) => c.value === query.country)) countries.push({ value: query.country, label: query.country });
  const applications = network.viewer.canManageMembers
    ? (await listNetworkMembers(ctx, actor, params.slug, { status: "applicant", pageSize: 100 }, locale)).items
    : [];
  const parsed = listNetworkMembersInput.safeParse(query);
  if (!parsed.success) {
    const errors = fieldMessages(parsed.error, locale, createTranslator(locale, catalogs[locale]));
    return data({ network, query, countries, applications, result: null, errors }, { status: 400 });
  }
  const result = await listNetworkMembers(ctx, actor, params.slug, parsed.data, locale);
  return { network, query, countries, applications, result, errors: [] };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const fields = await formFields(request);
  if (fields.intent !== "decide") throw data(null, { status: 400 });
  try {
    await decideMembership(services(context), actor, params.slug, fields.membershipId ?? "", {
      decision: fields.decision as never,
      category: fields.category ?? "",
      reason: fields.reason ?? "",
    });
    return { done: fields.decision === "approve" ? ("approved" as const) : ("declined" as const), membershipId: fields.membershipId };
  } catch (error) {
    return formError(error, locale, { membershipId: fields.membershipId, decision: fields.decision, category: fields.category });
  }
}

export default function NetworkMembers({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, number } = useI18n();
  const date = (d: string | null) => (d ? formatDate(locale, d) : t("networks.date.unknown"));
  const { network: n, query, countries, applications, result, errors } = loaderData;
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const filters = Object.fromEntries(Object.entries(query).filter(([k]) => k !== "page"));
  const pageLink = (page: number) => `/${locale}/networks/${n.slug}/members?${new URLSearchParams({ ...filters, page: String(page) })}`;
  const exportLink = (format: string) => `/${locale}/networks/${n.slug}/members/export?${new URLSearchParams({ ...filters, format })}`;
  const allStatuses = result?.allStatuses ?? false;
  const done = actionData && "done" in actionData ? actionData.done : undefined;
  const decisionErrors = actionData && "errors" in actionData ? actionData : undefined;
  const categoryOptions = n.categories.map((c) => ({ value: c.key, label: c.name }));
  return (
    <>
      <title>{`${t("networks.members.title")} · ${n.name} · Pares`}</title>
      <p>
        <Link to={`/${locale}/networks/${n.slug}`}>{n.name}</Link>
      </p>
      <h1>{t("networks.members.title")}</h1>
      <p>{allStatuses ? t("networks.members.introSecretariat") : t("networks.members.intro")}</p>
      {done && <p role="status">{t(`networks.members.done.${done}`)}</p>}
      {n.viewer.canManageMembers && (
        <ul className="links">
          <li>
            <Link to={`/${locale}/networks/${n.slug}/members/import`}>{t("networks.members.import")}</Link>
          </li>
        </ul>
      )}
      {n.viewer.canManageMembers && (
        <section aria-labelledby="applications-title">
          <h2 id="applications-title">{t("networks.members.applications")}</h2>
          {applications.length === 0 ? (
            <p>{t("networks.members.noApplications")}</p>
          ) : (
            <ul className="cards">
              {applications.map((a) => {
                const id = a.membershipId!;
                const mine = decisionErrors?.membershipId === id ? decisionErrors.errors : undefined;
                return (
                  <li key={id} className="card">
                    <h3 className="card-title">
                      <Link to={`/${locale}/networks/${n.slug}/memberships/${id}`}>{a.organization.name}</Link>
                    </h3>
                    <p className="muted">{a.city ? `${a.city.name}, ${a.countryName}` : a.countryName}</p>
                    {a.application && (
                      <>
                        <p>{t("networks.members.appliedOn", { date: formatDate(locale, a.application.appliedOn) })}</p>
                        {a.application.message ? (
                          <figure className="application-message">
                            <figcaption>{t("networks.membership.message")}</figcaption>
                            <blockquote>{a.application.message}</blockquote>
                          </figure>
                        ) : (
                          <p className="muted">{t("networks.members.noMessage")}</p>
                        )}
                      </>
                    )}
                    <ErrorSummary errors={mine} labels={{ reason: t("networks.membership.reason"), category: t("networks.membership.category") }} />
                    <Form method="post" className="inline-field">
                      <CsrfField />
                      <input type="hidden" name="intent" value="decide" />
                      <input type="hidden" name="membershipId" value={id} />
                      <label htmlFor={`category-${id}`}>{t("networks.membership.category")}</label>
                      {/* No category is preselected: the secretariat chooses one. */}
                      <select
                        id={`category-${id}`}
                        name="category"
                        defaultValue={decisionErrors?.membershipId === id ? (decisionErrors.category ?? "") : ""}
                        aria-invalid={mine?.fields?.category ? true : undefined}
                        aria-describedby={mine?.fields?.category ? `category-${id}-error` : undefined}
                      >
                        <option value="">{t("networks.membership.chooseCategory")}</option>
                        {categoryOptions.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      <button type="submit" name="decision" value="approve" aria-label={t("networks.members.approveNamed", { name: a.organization.name })}>
                        {t("networks.membership.approve")}
                      </button>
                      {mine?.fields?.category && (
                        <p id={`category-${id}-error`} className="field-error">
                          {mine.fields.category}
                        </p>
                      )}
                    </Form>
                    <Form method="post" className="inline-field">
                      <CsrfField />
                      <input type="hidden" name="intent" value="decide" />
                      <input type="hidden" name="membershipId" value={id} />
                      <label htmlFor={`reason-${id}`}>{t("networks.membership.declineReason")}</label>
                      <input id={`reason-${id}`} name="reason" type="text" maxLength={2000} aria-invalid={mine?.fields?.reason ? true : undefined} />
                      <button type="submit" name="decision" value="decline" className="secondary" aria-label={t("networks.members.declineNamed", { name: a.organization.name })}>
                        {t("networks.membership.decline")}
                      </button>
                    </Form>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
      <form method="get" className="filters" role="search" aria-label={t("networks.members.title")}>
        <div className="field">
          <label htmlFor="q">{t("networks.members.search")}</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} autoComplete="off" aria-invalid={errorFor("q") ? true : undefined} />
        </div>
        <SelectField
          name="country"
          label={t("cities.filter.country")}
          defaultValue={query.country ?? ""}
          error={errorFor("country")}
          options={[{ value: "", label: t("cities.filter.anyCountry") }, ...countries]}
        />
        {allStatuses && (
          <SelectField
            name="status"
            label={t("networks.members.status")}
            defaultValue={query.status ?? ""}
            error={errorFor("status")}
            options={[{ value: "", label: t("networks.members.anyStatus") }, ...membershipStatuses.map((s) => ({ value: s, label: t(`networks.status.${s}`) }))]}
          />
        )}
        <SelectField
          name="category"
          label={t("networks.membership.category")}
          defaultValue={query.category ?? ""}
          error={errorFor("category")}
          options={[{ value: "", label: t("networks.members.anyCategory") }, ...categoryOptions]}
        />
        <SelectField
          name="population"
          label={t("networks.members.population")}
          defaultValue={query.population ?? ""}
          error={errorFor("population")}
          options={[{ value: "", label: t("networks.members.anyPopulation") }, ...populationBands.map((b) => ({ value: b, label: t(`networks.populationBand.${b}`) }))]}
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
            {t("networks.members.count", { count: result.total })}
          </h2>
          <p>
            {t("networks.members.export")} <a href={exportLink("csv")}>{t("networks.members.exportCsv")}</a> · <a href={exportLink("xlsx")}>{t("networks.members.exportXlsx")}</a>
          </p>
          {result.items.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t("networks.members.tableCaption", { network: n.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("networks.members.member")}</th>
                    <th scope="col">{t("networks.members.city")}</th>
                    <th scope="col">{t("cities.filter.country")}</th>
                    <th scope="col" className="number">
                      {t("networks.members.populationColumn")}
                    </th>
                    <th scope="col">{t("networks.membership.category")}</th>
                    <th scope="col">{t("networks.membership.since")}</th>
                    {allStatuses && <th scope="col">{t("networks.members.status")}</th>}
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((m) => (
                    <tr key={m.organization.slug}>
                      <th scope="row">
                        {m.membershipId && allStatuses ? (
                          <Link to={`/${locale}/networks/${n.slug}/memberships/${m.membershipId}`}>{m.organization.name}</Link>
                        ) : (
                          <Link to={`/${locale}/organizations/${m.organization.slug}`}>{m.organization.name}</Link>
                        )}
                        {m.founding && <span className="muted"> · {t("networks.members.founding")}</span>}
                      </th>
                      <td>{m.city ? <Link to={`/${locale}/cities/${m.city.id}`}>{m.city.name}</Link> : "—"}</td>
                      <td>{m.countryName}</td>
                      <td className="number">{m.city ? number(m.city.population) : "—"}</td>
                      <td>{m.category?.name ?? "—"}</td>
                      <td>{date(m.since)}</td>
                      {allStatuses && <td>{t(`networks.status.${m.status}`)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={result.page} pageCount={result.pageCount} link={pageLink} />
        </section>
      )}
    </>
  );
}
