// Pieces shared by the exchange's pages: an offer or a need as a result (browse, the
// organization's own list, suggestions), the note that a text is shown in its original language,
// and texts people wrote (descriptions, messages) with their paragraphs and line breaks.
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useI18n } from "../i18n.tsx";

/** What a list shows of an offer or a need (the use cases' ItemView, serialized). */
export interface ItemSummary {
  id: string;
  kind: string;
  status: string;
  title: string;
  description: string;
  language: string;
  fallback: boolean;
  organization: { slug: string; name: string; city: string | null; country: { code: string; name: string } };
  themeIds: string[];
}

/** "Original in Portuguese": the text is not written in the page's language. */
export function OriginalNote({ language }: { language: string }) {
  const { t } = useI18n();
  return <p className="muted">{t("exchangePages.originalIn", { language: t(`language.${language}`) })}</p>;
}

/** The kind and, unless open, the status, as badges. */
export function KindBadges({ kind, status, always = false }: { kind: string; status: string; always?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <span className={`badge kind-${kind}`}>{t(`exchange.kind.${kind}`)}</span>
      {(always || status !== "open") && (
        <>
          {" "}
          <span className="badge">{t(`exchange.status.${status}`)}</span>
        </>
      )}
    </>
  );
}

/** The organization with its city and country. */
export function Place({ organization }: { organization: ItemSummary["organization"] }) {
  const { locale } = useI18n();
  const place = [organization.city, organization.country.name].filter(Boolean).join(", ");
  return (
    <>
      <Link to={`/${locale}/organizations/${organization.slug}`}>{organization.name}</Link>
      {place && <> · {place}</>}
    </>
  );
}

/** A text written by people: paragraphs at blank lines, line breaks kept. */
export function Paragraphs({ text, lang }: { text: string; lang?: string }) {
  return (
    <div lang={lang} className="paragraphs">
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
    </div>
  );
}

/** The first lines of a description. */
export function excerpt(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

export function ItemHit({
  item,
  themeNames,
  headingLevel = 3,
  children,
}: {
  item: ItemSummary;
  themeNames: Record<string, string>;
  headingLevel?: 2 | 3 | 4;
  children?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const Heading = `h${headingLevel}` as "h3";
  const themes = item.themeIds.flatMap((id) => (themeNames[id] ? [themeNames[id]] : []));
  return (
    <li className="exchange-hit">
      <p className="kind-line">
        <KindBadges kind={item.kind} status={item.status} />
      </p>
      <Heading className="card-title">
        <Link to={`/${locale}/exchange/${item.id}`} lang={item.language}>
          {item.title}
        </Link>
      </Heading>
      <p className="muted">
        <Place organization={item.organization} />
      </p>
      {item.description && <p lang={item.language}>{excerpt(item.description)}</p>}
      {item.fallback && <OriginalNote language={item.language} />}
      {themes.length > 0 && (
        <p className="muted">
          <span>{t("exchangePages.field.themes")}: </span>
          {themes.join(" · ")}
        </p>
      )}
      {children}
    </li>
  );
}
