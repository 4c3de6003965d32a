import { data, Form, Link } from "react-router";
import { getNetworkProfile } from "../../modules/networks/get-network-profile.ts";
import { type ImportChanges, importNetworkMembers, type ImportReport } from "../../modules/networks/import-network-members.ts";
import { maxImportBytes, maxImportRows } from "../../modules/networks/member-csv.ts";
import { formatDate } from "../../platform/i18n/format.ts";
import { CsrfField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/network-members-import";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = await requireActor(context, request, params);
  const network = await orPageError(getNetworkProfile(services(context), actor, params.slug, pageLocale(params)), request, params);
  // The network is public: someone who may not import is refused, not told it is missing.
  if (!network.viewer.canManageMembers) throw data(null, { status: 403 });
  // The limits travel as data: the module that defines them parses CSV and stays on the server.
  return { network, limits: { kb: maxImportBytes / 1024, rows: maxImportRows } };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = await requireActor(context, request, params);
  const form = await request.formData();
  const file = form.get("file");
  const pasted = form.get("csv");
  // A file chosen wins over text pasted; the confirmation posts the checked text back.
  const fromFile = file instanceof File && file.size > 0;
  const csv = fromFile ? await file.text() : typeof pasted === "string" ? pasted : "";
  const dryRun = form.get("intent") !== "import";
  const report = await orPageError(importNetworkMembers(services(context), actor, params.slug, { csv, dryRun }), request, params);
  const clean = report.issues.length === 0;
  // The text travels back while it can still be imported (checked, clean, not yet imported), and
  // when it has problems: in the paste box, to be corrected there without choosing the file again.
  const keep = clean ? dryRun : new TextEncoder().encode(csv).length <= maxImportBytes;
  return data(
    { report, csv: keep ? csv : "", fileName: fromFile && !clean ? file.name : null, attempt: Date.now() },
    { status: clean ? 200 : 422 },
  );
}

export default function NetworkMembersImport({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { network: n } = loaderData;
  const report = actionData?.report as ImportReport | undefined;
  const problems = !!report && report.issues.length > 0;
  const membersLink = `/${locale}/networks/${n.slug}/members`;
  const title = t("networks.import.title", { network: n.name });
  return (
    <>
      <title>{`${title} · Pares`}</title>
      <p>
        <Link to={`/${locale}/networks/${n.slug}`}>{n.name}</Link>
        {" · "}
        <Link to={membersLink}>{t("networks.members.title")}</Link>
      </p>
      <h1>{title}</h1>
      {report && <Report report={report} csv={actionData?.csv ?? ""} membersLink={membersLink} categories={n.categories} />}
      {!report?.imported && (
        <section aria-labelledby="upload-title">
          <h2 id="upload-title">{problems ? t("networks.import.tryAgain") : report ? t("networks.import.checkAnother") : t("networks.import.upload")}</h2>
          <p>{t("networks.import.intro")}</p>
          <ul>
            <li>{t("networks.import.columns.city")}</li>
            <li>{t("networks.import.columns.country")}</li>
            <li>{t("networks.import.columns.status")}</li>
            <li>{t("networks.import.columns.since")}</li>
            <li>{t("networks.import.columns.category", { categories: n.categories.map((c) => c.key).join(", ") })}</li>
          </ul>
          <p>{t("networks.import.limits", loaderData.limits)}</p>
          <pre className="mail-text">{"city,geonames_id,country,status,since,category\nMontevideo,,UY,active,1995-11-11,full\n,3435910,AR,active,1995-11-11,full"}</pre>
          <Form method="post" encType="multipart/form-data" className="stack narrow">
            <CsrfField />
            <input type="hidden" name="intent" value="check" />
            <div className="field">
              <label htmlFor="file">{t("networks.import.file")}</label>
              {/* Emptied after each answer (a new key): a file chosen would win over the corrected text. */}
              <input key={actionData?.attempt ?? 0} id="file" name="file" type="file" accept=".csv,text/csv,text/plain" aria-describedby="file-hint" />
              <p id="file-hint" className="hint">
                {t("networks.import.fileHint")}
              </p>
            </div>
            <div className="field">
              <label htmlFor="csv">{t("networks.import.paste")}</label>
              {/* A new key per answer: the box shows the text sent back, also after a client-side submission. */}
              <textarea
                key={actionData?.attempt ?? 0}
                id="csv"
                name="csv"
                rows={8}
                spellCheck={false}
                defaultValue={problems ? (actionData?.csv ?? "") : ""}
                aria-describedby={problems && actionData?.csv ? "csv-hint" : undefined}
              />
              {problems && actionData?.csv && (
                <p id="csv-hint" className="hint">
                  {actionData.fileName ? t("networks.import.keptFile", { file: actionData.fileName }) : t("networks.import.keptText")}
                </p>
              )}
            </div>
            <div>
              <button type="submit">{t("networks.import.check")}</button>
            </div>
          </Form>
        </section>
      )}
    </>
  );
}

type Category = { key: string; name: string };

function Report({ report, csv, membersLink, categories }: { report: ImportReport; csv: string; membersLink: string; categories: Category[] }) {
  const { t } = useI18n();
  const counts = report.counts;
  if (report.issues.length > 0) {
    return (
      <section aria-labelledby="report-title" role="alert" className="alert">
        <h2 id="report-title">{t("networks.import.problems", { count: report.issues.length, rows: report.rowCount })}</h2>
        <p>{t("networks.import.nothingImported")}</p>
        <div className="table-wrap">
          <table>
            <caption>{t("networks.import.problemsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("networks.import.line")}</th>
                <th scope="col">{t("networks.import.column")}</th>
                <th scope="col">{t("networks.import.problem")}</th>
                <th scope="col">{t("networks.import.suggestions")}</th>
              </tr>
            </thead>
            <tbody>
              {report.issues.map((issue, i) => (
                <tr key={`${issue.line}-${issue.column}-${i}`}>
                  <th scope="row">{issue.line === 0 ? t("networks.import.wholeFile") : issue.line}</th>
                  <td>
                    <code>{issue.column}</code>
                  </td>
                  <td>{t(issue.message, issue.values)}</td>
                  <td>
                    {issue.suggestions?.length ? (
                      <ul>
                        {issue.suggestions.map((s) => (
                          <li key={s}>{s}</li>
                        ))}
                      </ul>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    );
  }
  if (!counts || !report.changes) return null;
  // What will happen before the import, what happened after it; a count of nothing is left out.
  const sentences = report.imported
    ? {
        organizationsCreated: "networks.import.done.organizationsCreated",
        membershipsCreated: "networks.import.done.membershipsCreated",
        membershipsUpdated: "networks.import.done.membershipsUpdated",
        unchanged: "networks.import.done.unchanged",
      }
    : {
        organizationsCreated: "networks.import.will.organizationsCreated",
        membershipsCreated: "networks.import.will.membershipsCreated",
        membershipsUpdated: "networks.import.will.membershipsUpdated",
        unchanged: "networks.import.will.unchanged",
      };
  const lines = (["organizationsCreated", "membershipsCreated", "membershipsUpdated", "unchanged"] as const).filter((key) => counts[key] > 0);
  const summary = (
    <ul>
      {lines.map((key) => (
        <li key={key}>{t(sentences[key], { count: counts[key] })}</li>
      ))}
    </ul>
  );
  const changes = <Changes changes={report.changes} imported={report.imported} categories={categories} />;
  if (report.imported) {
    return (
      <section aria-labelledby="report-title" role="status">
        <h2 id="report-title">{t("networks.import.imported", { rows: report.rowCount })}</h2>
        {summary}
        {changes}
        <p>
          <Link to={membersLink}>{t("networks.members.title")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="report-title">
      <div role="status">
        <h2 id="report-title">{t("networks.import.clean", { rows: report.rowCount })}</h2>
      </div>
      <p>{t("networks.import.wouldChange")}</p>
      {summary}
      {changes}
      <Form method="post" className="stack narrow">
        <CsrfField />
        <input type="hidden" name="intent" value="import" />
        <input type="hidden" name="csv" value={csv} />
        <div>
          <button type="submit">{t("networks.import.confirm", { rows: report.rowCount })}</button>
        </div>
      </Form>
    </section>
  );
}

/** Member by member: the memberships added and the current members changed (or that would be). */
function Changes({ changes, imported, categories }: { changes: ImportChanges; imported: boolean; categories: Category[] }) {
  const { t, locale } = useI18n();
  const tense = imported ? "done" : "will";
  const status = (s: string) => t(`networks.status.${s}`);
  const date = (d: string | null) => (d ? formatDate(locale, d) : t("networks.date.unknown"));
  const category = (key: string | null) => (key ? (categories.find((c) => c.key === key)?.name ?? key) : t("networks.membership.noCategory"));
  const fromTo = <T,>(change: { from: T; to: T } | undefined, show: (v: T) => string) =>
    change ? t("networks.membership.fromTo", { from: show(change.from), to: show(change.to) }) : <span className="muted">{t("networks.import.noChange")}</span>;
  const organization = (o: { slug: string | null; name: string }) => (o.slug ? <Link to={`/${locale}/organizations/${o.slug}`}>{o.name}</Link> : o.name);
  return (
    <>
      {changes.added.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{t(`networks.import.${tense}.addedCaption`, { count: changes.added.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("networks.import.line")}</th>
                <th scope="col">{t("networks.members.member")}</th>
                <th scope="col">{t("networks.members.city")}</th>
                <th scope="col">{t("networks.members.status")}</th>
                <th scope="col">{t("networks.membership.since")}</th>
                <th scope="col">{t("networks.membership.category")}</th>
              </tr>
            </thead>
            <tbody>
              {changes.added.map((m) => (
                <tr key={m.line}>
                  <th scope="row">{m.line}</th>
                  <td>
                    {organization(m.organization)}
                    {m.organization.created && <div className="muted">{t(`networks.import.${tense}.organizationCreated`)}</div>}
                  </td>
                  <td>
                    {m.city.name} ({m.city.countryCode})
                  </td>
                  <td>{status(m.status)}</td>
                  <td>{date(m.since)}</td>
                  <td>{category(m.category)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {changes.changed.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{t(`networks.import.${tense}.changedCaption`, { count: changes.changed.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("networks.import.line")}</th>
                <th scope="col">{t("networks.members.member")}</th>
                <th scope="col">{t("networks.members.status")}</th>
                <th scope="col">{t("networks.membership.since")}</th>
                <th scope="col">{t("networks.membership.category")}</th>
              </tr>
            </thead>
            <tbody>
              {changes.changed.map((m) => (
                <tr key={m.line}>
                  <th scope="row">{m.line}</th>
                  <td>{organization(m.organization)}</td>
                  <td>{fromTo(m.status, status)}</td>
                  <td>{fromTo(m.since, date)}</td>
                  <td>{fromTo(m.category, category)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
