// The moderators' queue: what waits for them (or one state) among the practices they moderate,
// with counts per state, filters, and the open reports with their answers (dismiss, take down).
import { Link, redirect } from "react-router";
import { listNetworks } from "../../modules/networks/list-networks.ts";
import type { ModerationQueueInput } from "../../modules/practices/inputs.ts";
import { listModerationQueue } from "../../modules/practices/list-moderation-queue.ts";
import { listPracticeReports } from "../../modules/practices/list-practice-reports.ts";
import { resolveReport } from "../../modules/practices/resolve-report.ts";
import { listThemes } from "../../modules/themes/list-themes.ts";
import { SelectField } from "../components/form.tsx";
import { Pagination } from "../components/pagination.tsx";
import { ReportCard, statusLabel } from "../components/practice-parts.tsx";
import type { FormErrors } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, orPageError, pageLocale, queryOf, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/practices.css?url";
import type { Route } from "./+types/practices-review";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

const states = ["waiting", "submitted", "in_review", "changes_requested", "declined", "published", "reported"] as const;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const query = queryOf(request);
  const { status, network, theme, observatory, page } = query;
  // Checked by the use case (a bad value is refused as such).
  const input = { status: status === "waiting" ? undefined : status, network, theme, observatory, page } as ModerationQueueInput;
  const queue = await orPageError(listModerationQueue(ctx, actor, input, locale), request, params);
  // The open reports, each practice's with its answer forms (the first page of reported practices).
  const reported = queue.counts.reported > 0 ? await listModerationQueue(ctx, actor, { ...input, page: 1, status: "reported" }, locale) : null;
  const reports = reported
    ? await Promise.all(
        reported.items.map(async (item) => ({
          slug: item.slug,
          title: item.title,
          titleLanguage: item.titleLanguage,
          hidden: item.hidden,
          reports: (await listPracticeReports(ctx, actor, item.slug)).filter((r) => r.status === "open"),
        })),
      )
    : [];
  const [networks, themes] = await Promise.all([listNetworks(ctx, { hosted: "yes", pageSize: 100 }, locale), listThemes(ctx, {}, locale)]);
  return {
    query,
    queue,
    reports: reports.filter((r) => r.reports.length > 0),
    networks: networks.items.map((n) => ({ slug: n.slug, name: n.name })),
    themes: themes.map((th) => ({ id: th.id, name: th.name })),
    done: query.done ?? null,
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const fields = await formFields(request);
  try {
    const result = await resolveReport(services(context), actor, fields.report ?? "", {
      resolution: fields.resolution as "dismiss",
      note: fields.note?.trim() ? fields.note : undefined,
    });
    return redirect(`/${locale}/practices/review?done=${result.status}`);
  } catch (error) {
    return formError(error, locale, { report: fields.report ?? null });
  }
}

export default function PracticesReview({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, dateTime } = useI18n();
  const { query, queue, reports, networks, themes, done } = loaderData;
  const link = (changes: Record<string, string | null>) => {
    const next: Record<string, string> = { ...query };
    delete next.page;
    delete next.done;
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) delete next[k];
      else next[k] = v;
    }
    const search = new URLSearchParams(next).toString();
    return `/${locale}/practices/review${search ? `?${search}` : ""}`;
  };
  const countOf = (s: (typeof states)[number]) => (s === "waiting" ? queue.counts.submitted + queue.counts.in_review : queue.counts[s]);
  const pageCount = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  return (
    <>
      <title>{`${t("practicesPages.review.title")} · Pares`}</title>
      <p>
        <Link to={`/${locale}/practices`}>{t("practicesPages.search.title")}</Link>
      </p>
      <h1>{t("practicesPages.review.title")}</h1>
      <p className="lead">{t("practicesPages.review.intro")}</p>
      {done && (
        <p role="status" className="notice">
          {t(`practicesPages.done.${done}`)}
        </p>
      )}
      <nav aria-label={t("practicesPages.review.states")}>
        <ul className="queue-states">
          {states.map((s) => (
            <li key={s}>
              <Link to={link({ status: s === "waiting" ? null : s })} aria-current={queue.status === s ? "page" : undefined}>
                {t(`practicesPages.review.state.${s}`)} ({countOf(s)})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" className="filters" aria-label={t("practicesPages.review.filters")}>
        {query.status && <input type="hidden" name="status" value={query.status} />}
        <SelectField
          name="network"
          label={t("practicesPages.field.network")}
          defaultValue={query.network ?? ""}
          options={[{ value: "", label: t("practicesPages.review.anyNetwork") }, ...networks.map((n) => ({ value: n.slug, label: n.name }))]}
        />
        <SelectField
          name="theme"
          label={t("practicesPages.facet.theme")}
          defaultValue={query.theme ?? ""}
          options={[{ value: "", label: t("practicesPages.review.anyTheme") }, ...themes.map((th) => ({ value: th.id, label: th.name }))]}
        />
        <SelectField
          name="observatory"
          label={t("practicesPages.facet.observatory")}
          defaultValue={query.observatory ?? ""}
          options={[
            { value: "", label: t("practicesPages.review.anyObservatory") },
            { value: "yes", label: t("practicesPages.observatoryFacet.yes") },
            { value: "no", label: t("practicesPages.observatoryFacet.no") },
          ]}
        />
        <div className="field actions">
          <button type="submit">{t("practicesPages.review.filter")}</button>
        </div>
      </form>
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">
          {t(`practicesPages.review.state.${queue.status}`)}: {t("practicesPages.review.count", { count: queue.total })}
        </h2>
        {queue.items.length === 0 ? (
          <p>{t("practicesPages.review.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("practicesPages.review.practice")}</th>
                  <th scope="col">{t("practicesPages.review.organization")}</th>
                  <th scope="col">{t("practicesPages.field.network")}</th>
                  <th scope="col">{t("practicesPages.versions.status")}</th>
                  <th scope="col">{t("practicesPages.review.submitted")}</th>
                </tr>
              </thead>
              <tbody>
                {queue.items.map((item) => (
                  <tr key={item.slug}>
                    <td>
                      <Link to={`/${locale}/practices/${item.slug}?working=1`} lang={item.titleLanguage}>
                        {item.title}
                      </Link>
                      {item.update && <> · {t("practicesPages.review.update")}</>}
                      {item.observatory && <> · {t("practicesPages.observatory")}</>}
                      {item.hidden && <> · {t("practicesPages.review.hidden")}</>}
                      {item.openReports > 0 && <> · {t("practicesPages.review.reports", { count: item.openReports })}</>}
                    </td>
                    <td>{item.organizationName ?? "—"}</td>
                    <td>{item.networkName ?? "—"}</td>
                    <td>
                      {statusLabel(t, item.status)} ({t("practicesPages.history.version", { number: item.versionNumber })})
                    </td>
                    <td>{item.submittedAt ? dateTime(item.submittedAt) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={queue.page} pageCount={pageCount} link={(page) => `${link({})}${link({}).includes("?") ? "&" : "?"}page=${page}`} />
      </section>
      {reports.length > 0 && (
        <section aria-labelledby="reports-title">
          <h2 id="reports-title">{t("practicesPages.review.openReports")}</h2>
          {reports.map((r) => (
            <section key={r.slug} aria-labelledby={`reports-${r.slug}`}>
              <h3 id={`reports-${r.slug}`}>
                <Link to={`/${locale}/practices/${r.slug}?working=1`} lang={r.titleLanguage}>
                  {r.title}
                </Link>
                {r.hidden && <> · {t("practicesPages.review.hidden")}</>}
              </h3>
              <ul className="cards">
                {r.reports.map((report) => (
                  <li key={report.id} className="card">
                    <ReportCard
                      report={report}
                      errors={actionData && actionData.report === report.id ? (actionData.errors as FormErrors) : undefined}
                    />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}
    </>
  );
}
