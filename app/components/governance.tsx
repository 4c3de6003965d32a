// Pieces the governance pages share: their navigation, a role holder on one line, a period of
// dates, and a past role told as a sentence ("Coordinated Culture 2022–2023").
import { Link } from "react-router";
import { formatDate } from "../../platform/i18n/format.ts";
import { useI18n } from "../i18n.tsx";

export function GovernanceNav({ slug, current, signedIn }: { slug: string; current: "bodies" | "terms" | "candidacies" | "body"; signedIn: boolean }) {
  const { t, locale } = useI18n();
  const items = [
    { key: "bodies", href: `/${locale}/networks/${slug}/bodies`, label: t("governance.nav.bodies") },
    { key: "terms", href: `/${locale}/networks/${slug}/terms`, label: t("governance.nav.terms") },
    ...(signedIn ? [{ key: "candidacies", href: `/${locale}/networks/${slug}/candidacies`, label: t("governance.nav.candidacies") }] : []),
  ];
  return (
    <nav aria-label={t("governance.nav.label")}>
      <ul className="actions-list">
        {items.map((i) => (
          <li key={i.key}>
            <Link to={i.href} aria-current={i.key === current ? "page" : undefined}>
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "1 March 2025 to 28 February 2026", or "from 1 March 2025" while open-ended. */
export function Period({ startsOn, endsOn }: { startsOn: string; endsOn: string | null }) {
  const { t, locale } = useI18n();
  return <>{endsOn ? t("governance.period.closed", { from: formatDate(locale, startsOn), to: formatDate(locale, endsOn) }) : t("governance.period.open", { from: formatDate(locale, startsOn) })}</>;
}

export interface HolderView {
  id: string;
  role: string;
  organization: { slug: string; name: string };
  startsOn: string;
  endsOn: string | null;
  term: { label: string } | null;
}

/** "Coordinator: Montevideo (1 March 2025 to 28 February 2026, term 2025–2026)". */
export function HolderLine({ holder }: { holder: HolderView }) {
  const { t, locale } = useI18n();
  return (
    <>
      {t(`governance.role.${holder.role}`)}: <Link to={`/${locale}/organizations/${holder.organization.slug}`}>{holder.organization.name}</Link>{" "}
      <span className="muted">
        (<Period startsOn={holder.startsOn} endsOn={holder.endsOn} />
        {holder.term && <>, {t("governance.termLabel", { term: holder.term.label })}</>})
      </span>
    </>
  );
}

/** The years a role was held: "2022–2023", or "2022" within one year. */
export function years(fromYear: number, toYear: number): string {
  return fromYear === toYear ? String(fromYear) : `${fromYear}–${toYear}`;
}

export function formatDay(locale: Parameters<typeof formatDate>[0], day: string | null): string {
  return day ? formatDate(locale, day) : "";
}
