import { data, Link } from "react-router";
import { listAuditEventsInput } from "../../modules/audit/inputs.ts";
import { listAuditEvents } from "../../modules/audit/list-audit-events.ts";
import { auditPolicy } from "../../modules/audit/policy.ts";
import { auditEventKinds } from "../../platform/audit/record-audit-event.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { fieldMessages } from "../../platform/http/zod-messages.ts";
import { SelectField, TextField } from "../components/form.tsx";
import { Pagination } from "../components/pagination.tsx";
import { useI18n } from "../i18n.tsx";
import { pageLocale, queryOf, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/admin-audit";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  if (!auditPolicy.read(actor)) throw data(null, { status: 404 });
  const query = queryOf(request);
  const parsed = listAuditEventsInput.safeParse(query);
  if (!parsed.success) {
    const errors = fieldMessages(parsed.error, locale, createTranslator(locale, catalogs[locale]));
    return data({ query, result: null, errors }, { status: 400 });
  }
  const result = await listAuditEvents(services(context), actor, parsed.data);
  return { query, result: { ...result, items: result.items.map((e) => ({ ...e, at: e.at.toISOString() })) }, errors: [] };
}

export default function AdminAudit({ loaderData }: Route.ComponentProps) {
  const { t, locale, dateTime } = useI18n();
  const { query, result, errors } = loaderData;
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const pageLink = (page: number) => `/${locale}/admin/audit?${new URLSearchParams({ ...query, page: String(page) })}`;
  const who = (p: { id: string; name: string | null; email: string | null } | null) =>
    p ? (p.email ? `${p.name} <${p.email}>` : t("admin.audit.deletedAccount")) : "—";
  return (
    <>
      <title>{`${t("admin.audit.title")} · Pares`}</title>
      <p>
        <Link to={`/${locale}/admin`}>{t("admin.title")}</Link>
      </p>
      <h1>{t("admin.audit.title")}</h1>
      <form method="get" className="filters" role="search" aria-label={t("admin.audit.title")}>
        <SelectField
          name="kind"
          label={t("admin.audit.kind")}
          defaultValue={query.kind ?? ""}
          error={errorFor("kind")}
          options={[{ value: "", label: t("admin.audit.anyKind") }, ...auditEventKinds.map((k) => ({ value: k, label: t(`audit.kind.${k}`) }))]}
        />
        <TextField name="person" label={t("admin.audit.person")} hint={t("admin.audit.personHint")} defaultValue={query.person} error={errorFor("person")} />
        <TextField name="organization" label={t("admin.audit.organization")} hint={t("admin.organizations.slugHint")} defaultValue={query.organization} error={errorFor("organization")} />
        <div className="field">
          <label htmlFor="from">{t("admin.audit.from")}</label>
          <input id="from" name="from" type="date" defaultValue={query.from} aria-invalid={errorFor("from") ? true : undefined} />
          {errorFor("from") && <p className="field-error">{errorFor("from")}</p>}
        </div>
        <div className="field">
          <label htmlFor="to">{t("admin.audit.to")}</label>
          <input id="to" name="to" type="date" defaultValue={query.to} aria-invalid={errorFor("to") ? true : undefined} />
          {errorFor("to") && <p className="field-error">{errorFor("to")}</p>}
        </div>
        <div className="field actions">
          <button type="submit">{t("admin.audit.filter")}</button>
        </div>
      </form>
      {result && (
        <>
          {result.items.length === 0 ? (
            <p role="status">{t("admin.audit.none")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t("admin.audit.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("admin.audit.when")}</th>
                    <th scope="col">{t("admin.audit.kind")}</th>
                    <th scope="col">{t("admin.audit.actor")}</th>
                    <th scope="col">{t("admin.audit.subject")}</th>
                    <th scope="col">{t("admin.audit.organization")}</th>
                    <th scope="col">{t("admin.audit.address")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((e) => (
                    <tr key={e.id}>
                      <td>{dateTime(e.at)}</td>
                      <th scope="row">{t(`audit.kind.${e.kind}`)}</th>
                      <td>{who(e.actor)}</td>
                      <td>{who(e.subject)}</td>
                      <td>{e.organization?.slug ? <Link to={`/${locale}/organizations/${e.organization.slug}`}>{e.organization.name}</Link> : "—"}</td>
                      <td>{e.ipAddress ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={result.page} hasMore={result.hasMore} link={pageLink} />
        </>
      )}
    </>
  );
}
