// Pieces shared by the good-practice pages: a search snippet with its matches marked, and a
// practice as a result (search, "more like this").
import { Form, Link } from "react-router";
import { useI18n } from "../i18n.tsx";
import { CsrfField, type FormErrors } from "./form.tsx";

/** Text whose matched words sit between U+E000 and U+E001, rendered with <mark>. */
export function Marked({ text }: { text: string }) {
  const parts = text.split(/(\uE000[^\uE001]*\uE001)/);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith("\uE000") ? <mark key={i}>{part.slice(1, -1)}</mark> : part.replace(/[\uE000\uE001]/g, ""),
      )}
    </>
  );
}

/** What a result shows of a practice (the search's hits, serialized). */
export interface HitView {
  slug: string;
  title: string;
  snippet: string;
  /** When the summary is not translated yet: the language it is shown in. */
  snippetLanguage?: string;
  language: string;
  fallback: boolean;
  organization: { slug: string; name: string } | null;
  city: string | null;
  country: { code: string; name: string } | null;
  year: number | null;
  observatory: boolean;
  sourceUrl: string | null;
}

export function PracticeHitItem({ hit, headingLevel = 3 }: { hit: HitView; headingLevel?: 2 | 3 | 4 }) {
  const { t, locale } = useI18n();
  const Heading = `h${headingLevel}` as "h3";
  const place = [hit.city, hit.country?.name].filter(Boolean).join(", ");
  const snippetLanguage = hit.snippetLanguage ?? hit.language;
  return (
    <li className="practice-hit">
      <Heading className="card-title">
        <Link to={`/${locale}/practices/${hit.slug}`} lang={hit.language}>
          {hit.title}
        </Link>
      </Heading>
      <p className="muted">
        {hit.organization && <Link to={`/${locale}/organizations/${hit.organization.slug}`}>{hit.organization.name}</Link>}
        {hit.organization && place && " · "}
        {place}
        {hit.year !== null && <> · {t("practicesPages.hit.since", { year: hit.year })}</>}
        {hit.observatory && (
          <>
            {" "}
            <span className="badge">{t("practicesPages.observatory")}</span>
          </>
        )}
      </p>
      {hit.snippet && (
        <p lang={snippetLanguage}>
          <Marked text={hit.snippet} />
        </p>
      )}
      {hit.snippet && snippetLanguage !== hit.language && snippetLanguage !== locale && (
        <p className="muted">{t("practicesPages.sectionOriginalIn", { language: t(`language.${snippetLanguage}`) })}</p>
      )}
      {hit.fallback && <p className="muted">{t("practicesPages.originalIn", { language: t(`language.${hit.language}`) })}</p>}
      {hit.sourceUrl && /^https?:\/\//i.test(hit.sourceUrl) && (
        <p>
          <span className="badge external">{t("practicesPages.external")}</span>{" "}
          <a href={hit.sourceUrl} rel="noopener noreferrer nofollow">
            {t("practicesPages.externalLink", { title: hit.title })}
          </a>
        </p>
      )}
    </li>
  );
}

/** The state of a version, in words. */
export function statusLabel(t: (key: string) => string, status: string): string {
  return t(`practicesPages.status.${status}`);
}

/** An open report with the moderator's answer: dismiss it, or take the practice down. */
export function ReportCard({
  report,
  errors,
  action,
}: {
  report: { id: string; reason: string; comment: string | null; reporterName: string; createdAt: Date };
  errors?: FormErrors;
  action?: string;
}) {
  const { t, dateTime } = useI18n();
  const noteId = `note-${report.id}`;
  return (
    <>
      <p>
        <strong>{t(`practicesPages.reason.${report.reason}`)}</strong> — {report.reporterName}, {dateTime(report.createdAt)}
      </p>
      {report.comment && <blockquote>{report.comment}</blockquote>}
      <Form method="post" action={action} className="stack" noValidate>
        {errors?.form && (
          <p className="alert" role="alert">
            {errors.form}
          </p>
        )}
        <CsrfField />
        <input type="hidden" name="intent" value="resolve" />
        <input type="hidden" name="report" value={report.id} />
        <div className="field">
          <label htmlFor={noteId}>{t("practicesPages.reports.note")}</label>
          <textarea id={noteId} name="note" rows={2} maxLength={2000} />
        </div>
        <div className="inline-field">
          <button type="submit" name="resolution" value="dismiss" className="secondary">
            {t("practicesPages.reports.dismiss")}
          </button>
          <button type="submit" name="resolution" value="hide" className="danger">
            {t("practicesPages.reports.hide")}
          </button>
        </div>
      </Form>
    </>
  );
}
