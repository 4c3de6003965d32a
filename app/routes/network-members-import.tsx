import { data, Form, Link } from "react-router";
import { getNetworkProfile } from "../../modules/networks/get-network-profile.ts";
import { importNetworkMembers, type ImportReport } from "../../modules/networks/import-network-members.ts";
import { maxImportBytes, maxImportRows } from "../../modules/networks/member-csv.ts";
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
  const csv = file instanceof File && file.size > 0 ? await file.text() : typeof pasted === "string" ? pasted : "";
  const dryRun = form.get("intent") !== "import";
  const report = await orPageError(importNetworkMembers(services(context), actor, params.slug, { csv, dryRun }), request, params);
  const clean = report.issues.length === 0;
  // The text travels back only while it can still be imported (checked, clean, not yet imported).
  return data({ report, csv: clean && dryRun ? csv : "" }, { status: clean ? 200 : 422 });
}

export default function NetworkMembersImport({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { network: n } = loaderData;
  const report = actionData?.report as ImportReport | undefined;
  return (
    <>
      <title>{`${t("networks.import.title")} · ${n.name} · Pares`}</title>
      <p>
        <Link to={`/${locale}/networks/${n.slug}/members`}>{t("networks.members.title")}</Link>
      </p>
      <h1>{t("networks.import.title")}</h1>
      {report && <Report report={report} csv={actionData?.csv ?? ""} membersLink={`/${locale}/networks/${n.slug}/members`} />}
      {!report?.imported && (
        <section aria-labelledby="upload-title">
          <h2 id="upload-title">{report ? t("networks.import.tryAgain") : t("networks.import.upload")}</h2>
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
              <input id="file" name="file" type="file" accept=".csv,text/csv,text/plain" aria-describedby="file-hint" />
              <p id="file-hint" className="hint">
                {t("networks.import.fileHint")}
              </p>
            </div>
            <div className="field">
              <label htmlFor="csv">{t("networks.import.paste")}</label>
              <textarea id="csv" name="csv" rows={8} spellCheck={false} />
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

function Report({ report, csv, membersLink }: { report: ImportReport; csv: string; membersLink: string }) {
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
  if (!counts) return null;
  const summary = (
    <ul>
      <li>{t("networks.import.count.organizationsCreated", { count: counts.organizationsCreated })}</li>
      <li>{t("networks.import.count.membershipsCreated", { count: counts.membershipsCreated })}</li>
      <li>{t("networks.import.count.membershipsUpdated", { count: counts.membershipsUpdated })}</li>
      <li>{t("networks.import.count.unchanged", { count: counts.unchanged })}</li>
    </ul>
  );
  if (report.imported) {
    return (
      <section aria-labelledby="report-title" role="status">
        <h2 id="report-title">{t("networks.import.imported", { rows: report.rowCount })}</h2>
        {summary}
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
