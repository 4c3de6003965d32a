// A good practice: what the public reads (or, with ?working=1, the version its authors and
// moderators work on), its figures, images and documents, and what the viewer may do with it —
// edit, submit, withdraw, review and decide, report, answer reports, put back — as plain forms.
import { data, Form, Link, redirect } from "react-router";
import { decidePractice } from "../../modules/practices/decide-practice.ts";
import { getPractice } from "../../modules/practices/get-practice.ts";
import { reportReasons } from "../../modules/practices/schema.ts";
import { hidePractice } from "../../modules/practices/hide-practice.ts";
import { listPracticeReports } from "../../modules/practices/list-practice-reports.ts";
import { reportPractice } from "../../modules/practices/report-practice.ts";
import { resolveReport } from "../../modules/practices/resolve-report.ts";
import { restorePractice } from "../../modules/practices/restore-practice.ts";
import { similarPractices } from "../../modules/practices/similar-practices.ts";
import { clipAtWord, practiceJsonLd } from "../../modules/practices/structured-data.ts";
import { startReview } from "../../modules/practices/start-review.ts";
import { submitPractice } from "../../modules/practices/submit-practice.ts";
import { withdrawPractice } from "../../modules/practices/withdraw-practice.ts";
import { formatNumber } from "../../platform/i18n/format.ts";
import { CsrfField, type FormErrors, SelectField, TextAreaField } from "../components/form.tsx";
import { PracticeHitItem, ReportCard, statusLabel } from "../components/practice-parts.tsx";
import { useI18n } from "../i18n.tsx";
import { actorOf, formError, formFields, orNotFound, pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/practices.css?url";
import type { Route } from "./+types/practice";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  const tags: Route.MetaDescriptors = [{ name: "description", content: clipAtWord(loaderData.practice.text.summary, 300) }];
  if (loaderData.jsonLd) tags.push({ "script:ld+json": loaderData.jsonLd });
  return tags;
};

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const ctx = services(context);
  const actor = await actorOf(context, request);
  const url = new URL(request.url);
  const asked = url.searchParams.get("version");
  const options = { working: url.searchParams.get("working") === "1", version: asked && /^\d{1,6}$/.test(asked) ? Number(asked) : undefined };
  const { texts: _texts, ...practice } = await orNotFound(getPractice(ctx, actor, params.slug, locale, options));
  const reports = practice.viewer.canModerate ? (await listPracticeReports(ctx, actor, params.slug)).filter((r) => r.status === "open") : [];
  const isPublic = practice.showing === "published" && !practice.hidden;
  const similar = isPublic ? await similarPractices(ctx, params.slug, locale) : [];
  const origin = ctx.config.PUBLIC_URL ? new URL(ctx.config.PUBLIC_URL).origin : url.origin;
  // schema.org description of what the public reads (never of a version being written).
  const jsonLd = isPublic ? practiceJsonLd(practice, origin, locale) : null;
  return { practice, reports, similar, jsonLd, reasons: reportReasons, done: url.searchParams.get("done"), signedIn: actor.userId !== null };
}

const intents = ["submit", "withdraw", "startReview", "decide", "report", "resolve", "hide", "restore"] as const;
type Intent = (typeof intents)[number];

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const fields = await formFields(request);
  const intent = fields.intent as Intent;
  if (!(intents as readonly string[]).includes(intent)) throw data(null, { status: 400 });
  const base = `/${locale}/practices/${params.slug}`;
  const optional = (value: string | undefined) => (value?.trim() ? value : undefined);
  try {
    switch (intent) {
      case "submit":
        await submitPractice(ctx, actor, params.slug);
        return redirect(`${base}?working=1&done=submitted`);
      case "withdraw":
        await withdrawPractice(ctx, actor, params.slug);
        return redirect(`${base}?working=1&done=withdrawn`);
      case "startReview":
        await startReview(ctx, actor, params.slug);
        return redirect(`${base}?working=1&done=reviewStarted`);
      case "decide": {
        const decision = fields.decision as "publish";
        const result = await decidePractice(ctx, actor, params.slug, { decision, comment: optional(fields.comment) });
        return redirect(result.status === "published" ? `${base}?done=published` : `${base}?working=1&done=${result.status}`);
      }
      case "report":
        await reportPractice(ctx, actor, params.slug, { reason: fields.reason as "spam", comment: optional(fields["report-comment"]) });
        return redirect(`${base}?done=reported`);
      case "resolve": {
        const result = await resolveReport(ctx, actor, fields.report ?? "", { resolution: fields.resolution as "dismiss", note: optional(fields.note) });
        return redirect(`${base}?working=1&done=${result.status}`);
      }
      case "hide":
        await hidePractice(ctx, actor, params.slug, optional(fields["hide-note"]));
        return redirect(`${base}?working=1&done=hidden`);
      case "restore":
        await restorePractice(ctx, actor, params.slug, optional(fields.note));
        return redirect(`${base}?done=restored`);
    }
  } catch (error) {
    const { _csrf, ...values } = fields;
    return formError(error, locale, { intent, values, report: fields.report ?? null });
  }
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i}>
          {p.split("\n").map((line, j) => (
            <span key={j}>
              {j > 0 && <br />}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}

const textSections = ["problem", "solution", "results", "lessons", "replication"] as const;

/**
 * A field not yet translated into the language the practice is shown in: it is shown in the
 * original, and says so. (When the whole practice is in the original, the note at the top says it.)
 */
function SectionOriginal({ language, shown }: { language: string; shown: string }) {
  const { t, locale } = useI18n();
  if (language === locale || language === shown) return null;
  return (
    <p className="muted" lang={locale}>
      {t("practicesPages.sectionOriginalIn", { language: t(`language.${language}`) })}
    </p>
  );
}

export default function Practice({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, number, dateTime } = useI18n();
  const { practice: p, reports, similar, done, signedIn, reasons } = loaderData;
  const base = `/${locale}/practices/${p.slug}`;
  const working = p.showing === "working";
  const errorsOf = (which: Intent) => (actionData?.intent === which ? (actionData.errors as FormErrors) : undefined);
  const valueOf = (which: Intent, key: string) => (actionData?.intent === which ? ((actionData.values as Record<string, string>)[key] ?? "") : "");
  const fileUrl = (id: string, thumbnail = false) => `${base}/files/${id}${thumbnail ? "?size=thumbnail" : ""}`;
  const images = p.files.filter((f) => f.kind === "image");
  const attachments = p.files.filter((f) => f.kind === "attachment");
  const status = p.viewer.workingStatus;
  const waiting = status === "submitted" || status === "in_review";
  const period =
    p.startYear !== null
      ? p.endYear !== null
        ? t("practicesPages.page.period", { from: p.startYear, to: p.endYear })
        : t("practicesPages.page.since", { from: p.startYear })
      : null;
  const budget = p.budget ? formatNumber(locale, Number(p.budget.amount), { style: "currency", currency: p.budget.currency, maximumFractionDigits: 2 }) : null;
  const decideErrors = errorsOf("decide");
  const reportErrors = errorsOf("report");
  const submitErrors = errorsOf("submit");
  // What the viewer can do now: the section (and its heading) only when there is something to do.
  const can = {
    edit: p.viewer.canEdit,
    submit: p.viewer.canSubmit,
    withdraw: p.viewer.canWithdraw,
    startReview: p.viewer.canModerate && status === "submitted",
    restore: p.viewer.canModerate && p.hidden,
    decide: p.viewer.canModerate && waiting,
    hide: p.viewer.canModerate && !p.hidden && !!p.lastPublishedAt,
    report: p.viewer.canReport && signedIn,
  };
  const failed = (["submit", "withdraw", "startReview", "hide", "restore"] as const).some((which) => errorsOf(which));
  const hasActions = Object.values(can).some(Boolean) || failed;
  return (
    <>
      <title>{`${p.text.title} · Pares`}</title>
      <p>
        <Link to={`/${locale}/practices`}>{t("practicesPages.search.title")}</Link>
        {p.network && (
          <>
            {" · "}
            <Link to={`/${locale}/practices?network=${encodeURIComponent(p.network.slug)}`}>{t("practicesPages.page.bankOf", { network: p.network.name })}</Link>
          </>
        )}
      </p>
      <article className="practice" aria-labelledby="practice-title">
        <header>
          <h1 id="practice-title" lang={p.text.language}>
            {p.text.title}
          </h1>
          <p className="lead-meta">
            {p.organization && <Link to={`/${locale}/organizations/${p.organization.slug}`}>{p.organization.name}</Link>}
            {(p.city || p.country) && <> · {[p.city?.name, p.country?.name].filter(Boolean).join(", ")}</>}
            {working && (
              <>
                {" "}
                <span className="badge">{statusLabel(t, p.version.status)}</span>
              </>
            )}
            {p.observatory && (
              <>
                {" "}
                <span className="badge">{t("practicesPages.observatory")}</span>
              </>
            )}
          </p>
        </header>
        {done && (
          <p role="status" className="notice">
            {t(`practicesPages.done.${done}`)}
          </p>
        )}
        {p.text.fallback && <p className="muted">{t("practicesPages.originalIn", { language: t(`language.${p.text.language}`) })}</p>}
        {p.hidden && <p className="alert">{t("practicesPages.page.hidden")}</p>}
        {working && (
          <p className="notice">
            {t("practicesPages.page.workingVersion", { number: p.version.number, status: statusLabel(t, p.version.status) })}
            {p.lastPublishedAt && (
              <>
                {" "}
                <Link to={base}>{t("practicesPages.page.seePublished")}</Link>
              </>
            )}
          </p>
        )}
        {!working && p.updateInProgress && <p className="notice">{t("practicesPages.page.updateInProgress")}</p>}
        {!working && p.viewer.canSeeWorking && status !== "published" && (
          <p>
            <Link to={`${base}?working=1`}>{t("practicesPages.page.seeWorking", { status: statusLabel(t, status ?? "draft") })}</Link>
          </p>
        )}
        {working && p.decisionComment && (
          <section className="notice" aria-labelledby="decision-title">
            <h2 id="decision-title">{t(p.version.status === "declined" ? "practicesPages.page.declineReason" : "practicesPages.page.moderatorComment")}</h2>
            <Paragraphs text={p.decisionComment} />
          </section>
        )}
        {p.catalogue && /^https?:\/\//i.test(p.catalogue.sourceUrl) && (
          <p>
            <span className="badge external">{t("practicesPages.external")}</span>{" "}
            <a href={p.catalogue.sourceUrl} rel="noopener noreferrer nofollow">
              {t("practicesPages.page.source")}
            </a>
          </p>
        )}
        {p.text.summary && (
          <div className="lead" lang={p.textLanguages.summary}>
            <Paragraphs text={p.text.summary} />
            <SectionOriginal language={p.textLanguages.summary} shown={p.text.language} />
          </div>
        )}
        <dl className="facts">
          {p.network && (
            <>
              <dt>{t("practicesPages.field.network")}</dt>
              <dd>
                <Link to={`/${locale}/networks/${p.network.slug}`}>{p.network.name}</Link>
              </dd>
            </>
          )}
          {period && (
            <>
              <dt>{t("practicesPages.field.period")}</dt>
              <dd>{period}</dd>
            </>
          )}
          {budget && (
            <>
              <dt>{t("practicesPages.field.budget")}</dt>
              <dd>{budget}</dd>
            </>
          )}
          {p.populationReached !== null && (
            <>
              <dt>{t("practicesPages.field.populationReached")}</dt>
              <dd>{number(p.populationReached)}</dd>
            </>
          )}
          {p.themes.length > 0 && (
            <>
              <dt>{t("practicesPages.field.themes")}</dt>
              <dd>
                <ul className="inline-list">
                  {p.themes.map((th) => (
                    <li key={th.id}>
                      <Link to={`/${locale}/practices?theme=${encodeURIComponent(th.id)}`}>{th.name}</Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {p.axes.length > 0 && (
            <>
              <dt>{t("practicesPages.field.axes")}</dt>
              <dd>{p.axes.map((a) => a.name).join(", ")}</dd>
            </>
          )}
          {p.sdgGoals.length > 0 && (
            <>
              <dt>{t("practicesPages.field.sdgGoals")}</dt>
              <dd>
                <ul className="inline-list">
                  {p.sdgGoals.map((g) => (
                    <li key={g.goal}>
                      <Link to={`/${locale}/practices?sdg=${g.goal}`}>{t("practicesPages.page.sdg", { goal: g.goal, name: g.name })}</Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {p.sdgTargets.length > 0 && (
            <>
              <dt>{t("practicesPages.field.sdgTargets")}</dt>
              <dd>
                <ul>
                  {p.sdgTargets.map((st) => (
                    <li key={st.code}>
                      {st.code} {st.title}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {p.languages.length > 0 && (
            <>
              <dt>{t("practicesPages.field.languages")}</dt>
              <dd>{p.languages.map((l) => t(`language.${l}`)).join(", ")}</dd>
            </>
          )}
          <dt>{t("practicesPages.field.updated")}</dt>
          <dd>{dateTime(working ? p.version.updatedAt : (p.lastPublishedAt ?? p.version.updatedAt))}</dd>
        </dl>
        {textSections.map((field) =>
          p.text[field] ? (
            <section key={field} aria-labelledby={`section-${field}`}>
              <h2 id={`section-${field}`}>{t(`practicesPages.text.${field}`)}</h2>
              <div lang={p.textLanguages[field]}>
                <Paragraphs text={p.text[field]} />
              </div>
              <SectionOriginal language={p.textLanguages[field]} shown={p.text.language} />
            </section>
          ) : null,
        )}
        {images.length > 0 && (
          <section aria-labelledby="images-title">
            <h2 id="images-title">{t("practicesPages.page.images")}</h2>
            <ul className="gallery">
              {images.map((f) => (
                <li key={f.id}>
                  <figure>
                    <a href={fileUrl(f.id)}>
                      <img src={fileUrl(f.id, true)} alt={f.alt?.text ?? ""} lang={f.alt?.language} loading="lazy" />
                    </a>
                    {f.alt?.text && (
                      <figcaption lang={f.alt.language} aria-hidden="true">
                        {f.alt.text}
                      </figcaption>
                    )}
                  </figure>
                </li>
              ))}
            </ul>
          </section>
        )}
        {attachments.length > 0 && (
          <section aria-labelledby="attachments-title">
            <h2 id="attachments-title">{t("practicesPages.page.attachments")}</h2>
            <ul>
              {attachments.map((f) => (
                <li key={f.id}>
                  <a href={fileUrl(f.id)} download>
                    {f.name}
                  </a>{" "}
                  <span className="muted">({t("practicesPages.page.fileSize", { kb: Math.max(1, Math.round(f.bytes / 1024)) })})</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {p.partners.length > 0 && (
          <section aria-labelledby="partners-title">
            <h2 id="partners-title">{t("practicesPages.field.partners")}</h2>
            <ul>
              {p.partners.map((partner, i) => (
                <li key={i}>
                  {partner.organizationSlug ? <Link to={`/${locale}/organizations/${partner.organizationSlug}`}>{partner.name}</Link> : partner.name}{" "}
                  <span className="muted">({t(`organization.kind.${partner.kind}`)})</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {p.links.length > 0 && (
          <section aria-labelledby="links-title">
            <h2 id="links-title">{t("practicesPages.field.links")}</h2>
            <ul>
              {p.links.map((l, i) =>
                /^https?:\/\//i.test(l.url) ? (
                  <li key={i}>
                    <a href={l.url} rel="noopener noreferrer nofollow">
                      {l.label || l.url}
                    </a>
                  </li>
                ) : null,
              )}
            </ul>
          </section>
        )}
        {p.contact && (
          <section aria-labelledby="contact-title">
            <h2 id="contact-title">{t("practicesPages.field.contact")}</h2>
            <p>
              {p.contact.name}
              {p.contact.position && <>, {p.contact.position}</>}
              {p.contact.email && (
                <>
                  {" · "}
                  <a href={`mailto:${p.contact.email}`}>{p.contact.email}</a>
                </>
              )}
            </p>
            {!p.contact.email && !signedIn && <p className="muted">{t("practicesPages.page.contactSignIn")}</p>}
          </section>
        )}
      </article>

      {hasActions && (
        <section aria-labelledby="actions-title" className="practice-actions">
          <h2 id="actions-title">{t("practicesPages.actions.title")}</h2>
          {submitErrors && (
            <div role="alert" className="alert">
              <p>{submitErrors.form ?? t("practicesPages.actions.incomplete")}</p>
              {submitErrors.fields && (
                <ul>
                  {Object.entries(submitErrors.fields).map(([field, message]) => (
                    <li key={field}>{message}</li>
                  ))}
                </ul>
              )}
              {p.viewer.canEdit && (
                <p>
                  <Link to={`${base}/edit`}>{t("practicesPages.actions.completeIt")}</Link>
                </p>
              )}
            </div>
          )}
          {(["withdraw", "startReview", "hide", "restore"] as const).map((which) =>
            errorsOf(which)?.form ? (
              <p key={which} role="alert" className="alert">
                {errorsOf(which)?.form}
              </p>
            ) : null,
          )}
          {(can.edit || can.submit || can.withdraw || can.startReview || can.restore) && (
            <ul className="actions-list">
              {can.edit && (
                <li>
                  <Link to={`${base}/edit`} className="button-link">
                    {t("practicesPages.actions.edit")}
                  </Link>
                </li>
              )}
              {can.submit && (
                <li>
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="submit" />
                    <button type="submit">{t("practicesPages.actions.submit")}</button>
                  </Form>
                </li>
              )}
              {can.withdraw && (
                <li>
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="withdraw" />
                    <button type="submit" className="secondary">
                      {t("practicesPages.actions.withdraw")}
                    </button>
                  </Form>
                </li>
              )}
              {can.startReview && (
                <li>
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="startReview" />
                    <button type="submit" className="secondary">
                      {t("practicesPages.actions.startReview")}
                    </button>
                  </Form>
                </li>
              )}
              {can.restore && (
                <li>
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="restore" />
                    <button type="submit" className="secondary">
                      {t("practicesPages.actions.restore")}
                    </button>
                  </Form>
                </li>
              )}
            </ul>
          )}
          {can.decide && (
            <Form method="post" className="stack narrow decide" noValidate aria-labelledby="decide-title">
              <h3 id="decide-title">{t("practicesPages.decide.title", { number: p.version.number })}</h3>
              {!working && (
                <p>
                  <Link to={`${base}?working=1`}>{t("practicesPages.decide.readFirst")}</Link>
                </p>
              )}
              {decideErrors?.form && <p className="alert">{decideErrors.form}</p>}
              <CsrfField />
              <input type="hidden" name="intent" value="decide" />
              <fieldset id="decision" aria-describedby={decideErrors?.fields?.decision ? "decision-error" : undefined}>
                <legend>{t("practicesPages.decide.decision")}</legend>
                {(["publish", "request_changes", "decline"] as const).map((d) => (
                  <div key={d} className="radio">
                    <input type="radio" id={`decision-${d}`} name="decision" value={d} defaultChecked={valueOf("decide", "decision") === d} />
                    <label htmlFor={`decision-${d}`}>{t(`practicesPages.decide.${d}`)}</label>
                  </div>
                ))}
                {decideErrors?.fields?.decision && (
                  <p id="decision-error" className="field-error">
                    {decideErrors.fields.decision}
                  </p>
                )}
              </fieldset>
              <TextAreaField
                name="comment"
                label={t("practicesPages.decide.comment")}
                hint={t("practicesPages.decide.commentHint")}
                maxLength={4000}
                defaultValue={valueOf("decide", "comment")}
                error={decideErrors?.fields?.comment}
              />
              <div>
                <button type="submit">{t("practicesPages.decide.submit")}</button>
              </div>
            </Form>
          )}
          {can.hide && (
            <details>
              <summary>{t("practicesPages.hide.title")}</summary>
              <Form method="post" className="stack narrow" noValidate>
                <CsrfField />
                <input type="hidden" name="intent" value="hide" />
                <p className="hint">{t("practicesPages.hide.hint")}</p>
                <TextAreaField name="hide-note" label={t("practicesPages.hide.note")} maxLength={2000} rows={3} defaultValue={valueOf("hide", "hide-note")} />
                <div>
                  <button type="submit" className="danger">
                    {t("practicesPages.hide.submit")}
                  </button>
                </div>
              </Form>
            </details>
          )}
          {can.report && (
            <details open={!!reportErrors}>
              <summary>{t("practicesPages.report.title")}</summary>
              <Form method="post" className="stack narrow" noValidate>
                {reportErrors?.form && <p className="alert">{reportErrors.form}</p>}
                <CsrfField />
                <input type="hidden" name="intent" value="report" />
                <SelectField
                  name="reason"
                  label={t("practicesPages.report.reason")}
                  defaultValue={valueOf("report", "reason")}
                  error={reportErrors?.fields?.reason}
                  options={[{ value: "", label: t("practicesPages.report.chooseReason") }, ...reasons.map((r) => ({ value: r, label: t(`practicesPages.reason.${r}`) }))]}
                />
                <TextAreaField
                  name="report-comment"
                  label={t("practicesPages.report.comment")}
                  maxLength={2000}
                  defaultValue={valueOf("report", "report-comment")}
                  error={reportErrors?.fields?.comment}
                />
                <div>
                  <button type="submit">{t("practicesPages.report.submit")}</button>
                </div>
              </Form>
            </details>
          )}
        </section>
      )}

      {reports.length > 0 && (
        <section aria-labelledby="reports-title">
          <h2 id="reports-title">{t("practicesPages.reports.title", { count: reports.length })}</h2>
          <ul className="cards">
            {reports.map((r) => (
              <li key={r.id} className="card">
                <ReportCard report={r} errors={actionData?.intent === "resolve" && actionData.report === r.id ? (actionData.errors as FormErrors) : undefined} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {p.history && p.history.length > 0 && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t("practicesPages.history.title")}</h2>
          <ol className="history">
            {p.history.map((h, i) => (
              <li key={i}>
                <time dateTime={new Date(h.at).toISOString()}>{dateTime(h.at)}</time> — {t(`practicesPages.event.${h.kind}`)}
                {h.versionNumber !== null && <> ({t("practicesPages.history.version", { number: h.versionNumber })})</>}
                {h.actorName && <>, {h.actorName}</>}
                {h.comment && h.kind !== "reported" && <blockquote>{h.comment}</blockquote>}
              </li>
            ))}
          </ol>
        </section>
      )}
      {p.versions && p.versions.length > 1 && (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">{t("practicesPages.versions.title")}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("practicesPages.versions.number")}</th>
                  <th scope="col">{t("practicesPages.versions.status")}</th>
                  <th scope="col">{t("practicesPages.versions.created")}</th>
                  <th scope="col">{t("practicesPages.versions.decided")}</th>
                </tr>
              </thead>
              <tbody>
                {p.versions.map((v) => (
                  <tr key={v.number}>
                    <td>
                      <Link to={`${base}?version=${v.number}`} aria-current={v.number === p.version.number ? "page" : undefined}>
                        {t("practicesPages.history.version", { number: v.number })}
                      </Link>
                    </td>
                    <td>
                      {statusLabel(t, v.status)}
                      {v.published && <> · {t("practicesPages.versions.public")}</>}
                      {v.current && <> · {t("practicesPages.versions.current")}</>}
                    </td>
                    <td>{dateTime(v.createdAt)}</td>
                    <td>{v.decidedAt ? dateTime(v.decidedAt) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {similar.length > 0 && (
        <section aria-labelledby="similar-title">
          <h2 id="similar-title">{t("practicesPages.similar.title")}</h2>
          <ul className="practice-hits">
            {similar.map((hit) => (
              <PracticeHitItem key={hit.slug} hit={hit} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
