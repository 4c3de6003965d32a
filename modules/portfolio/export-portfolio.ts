// The portfolio as CSV, for spreadsheet apps: one row per network and membership or role, with a
// header row in the reader's language, UTF-8 with a byte-order mark (so Excel reads accents).
import { catalogs } from "../../platform/i18n/catalogs.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import type { Actor } from "../organizations/actor.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { getPortfolio, type Portfolio, type PortfolioRole, todayUtc } from "./get-portfolio.ts";

/** A field as CSV: quoted when needed; a leading =, +, - or @ is defused so no spreadsheet runs it as a formula. */
export function csvField(value: string | null | undefined): string {
  let text = value ?? "";
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function portfolioCsv(portfolio: Portfolio, locale: Locale): string {
  const t = createTranslator(locale, catalogs[locale]);
  const header = [
    t("portfolio.csv.network"),
    t("portfolio.csv.networkKind"),
    t("portfolio.csv.hosting"),
    t("portfolio.csv.record"),
    t("portfolio.csv.body"),
    t("portfolio.csv.roleOrStatus"),
    t("portfolio.csv.category"),
    t("portfolio.csv.from"),
    t("portfolio.csv.to"),
    t("portfolio.csv.term"),
    t("portfolio.csv.when"),
    t("portfolio.csv.founding"),
    t("portfolio.csv.source"),
  ];
  const lines: string[][] = [header];
  for (const group of portfolio.groups) {
    for (const n of group.networks) {
      const network = [n.name, t(`network.kind.${n.kind}`), n.hosted ? t("networkPage.hosted") : t("networkPage.external")];
      if (n.membership) {
        const m = n.membership;
        lines.push([
          ...network,
          t("portfolio.csv.membership"),
          "",
          t(`portfolio.status.${m.status}`),
          m.category ?? "",
          m.since ?? "",
          "",
          "",
          "",
          m.founding ? t("portfolio.csv.yes") : "",
          m.sourceUrl ?? "",
        ]);
      }
      const role = (r: PortfolioRole, when: "current" | "past" | "upcoming") => [
        ...network,
        t("portfolio.csv.role"),
        r.bodyName.text,
        t(`portfolio.role.${r.role}`),
        "",
        r.startsOn,
        r.endsOn ?? "",
        r.termLabel ?? "",
        t(`portfolio.csv.${when}`),
        "",
        r.sourceUrl ?? "",
      ];
      for (const r of n.current) lines.push(role(r, "current"));
      for (const r of n.upcoming) lines.push(role(r, "upcoming"));
      for (const r of n.past) lines.push(role(r, "past"));
    }
  }
  return `\uFEFF${lines.map((line) => line.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** The portfolio's CSV and a file name for it, for the same people who may see the portfolio. */
export async function exportPortfolio(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  locale: Locale,
  today = todayUtc(),
): Promise<{ filename: string; csv: string }> {
  const portfolio = await getPortfolio(ctx, actor, slug, locale, today);
  return { filename: `portfolio-${portfolio.organization.slug}-${today}.csv`, csv: portfolioCsv(portfolio, locale) };
}
