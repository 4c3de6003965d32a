import type { ServiceContext } from "../../platform/context.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { csvCell } from "../networks/export-network-members.ts";
import type { SearchPracticesInput } from "./inputs.ts";
import { searchPractices } from "./search-practices.ts";

/** At most this many rows: a CSV of a search, not a dump of the bank (the API pages further). */
export const csvExportLimit = 5000;

/** The results of a search (same words, filters and order) as CSV, RFC 4180 with a byte-order mark. */
export async function exportPracticesCsv(ctx: ServiceContext, raw: SearchPracticesInput, locale: Locale, origin: string): Promise<{ filename: string; body: string }> {
  const header = ["slug", "title", "language", "original_language", "organization", "city", "country_code", "country", "year", "themes", "sdg_goals", "observatory", "network", "published_at", "url", "source_url"];
  const lines: string[][] = [header];
  for (let page = 1; (page - 1) * 100 < csvExportLimit; page++) {
    const result = await searchPractices(ctx, { ...raw, page, pageSize: 100, view: "list" }, locale);
    for (const h of result.items) {
      lines.push([
        h.slug, h.title, h.language, h.originalLanguage, h.organization?.name ?? "", h.city ?? "", h.country?.code ?? "", h.country?.name ?? "",
        h.year ? String(h.year) : "", h.themeIds.join(";"), h.sdgGoals.join(";"), h.observatory ? "yes" : "no", h.network?.slug ?? "",
        h.publishedAt.toISOString(), `${origin}/${locale}/practices/${h.slug}`, h.sourceUrl ?? "",
      ]);
    }
    if (page * 100 >= result.total) break;
  }
  const body = `\uFEFF${lines.map((cells) => cells.map((c) => csvCell(c.replace(/[\uE000\uE001]/g, ""))).join(",")).join("\r\n")}\r\n`;
  return { filename: `practices-${new Date().toISOString().slice(0, 10)}.csv`, body };
}
