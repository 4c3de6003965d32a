import writeXlsxFile from "write-excel-file/node";
import { z } from "zod";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import type { Actor } from "../organizations/actor.ts";
import { findNetwork } from "./find-network.ts";
import { exportNetworkMembersInput, type ExportNetworkMembersInput } from "./inputs.ts";
import { memberFilters, memberRows, memberVisibility, type NetworkMember, toMember } from "./list-network-members.ts";

/** The most rows one export holds (far above any network's size; a bound, not a page). */
export const maxExportRows = 50_000;

export interface MemberExport {
  filename: string;
  contentType: string;
  body: Uint8Array;
}

/**
 * The member directory as the page shows it (same filters, same visibility, every page) as CSV
 * or XLSX. No personal data: organizations, their cities and countries, categories, statuses and
 * dates. The CSV's columns are stable keys (those the member import reads, so a file can go back
 * in); the workbook, made for people, has headers in the reader's language. See decision 012.
 */
export async function exportNetworkMembers(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  raw: ExportNetworkMembersInput,
  locale: Locale,
): Promise<MemberExport> {
  const network = await findNetwork(ctx.db, slug);
  const parsed = exportNetworkMembersInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const { format, ...filters } = parsed.data;
  const { allStatuses } = memberVisibility(actor, network);
  const rows = (await memberRows(ctx, memberFilters(network, filters, allStatuses)).limit(maxExportRows)).map((r) => toMember(r, actor, allStatuses, locale));
  const t = createTranslator(locale, catalogs[locale]);
  const filename = `${network.slug}-members-${new Date().toISOString().slice(0, 10)}.${format}`;
  if (format === "csv") {
    return { filename, contentType: "text/csv; charset=utf-8", body: new TextEncoder().encode(membersCsv(rows)) };
  }
  const header = [
    "networks.export.organization",
    "networks.export.kind",
    "networks.export.city",
    "networks.export.geonamesId",
    "networks.export.countryCode",
    "networks.export.country",
    "networks.export.population",
    "networks.export.category",
    "networks.export.status",
    "networks.export.since",
    "networks.export.founding",
  ].map((key) => ({ value: t(key), fontWeight: "bold" as const }));
  const data = [
    header,
    ...rows.map((m) => [
      m.organization.name,
      t(`organization.kind.${m.organization.kind}`),
      m.city?.name ?? null,
      m.city ? { value: m.city.id, type: Number, format: "0" } : null,
      m.countryCode,
      m.countryName,
      m.city ? { value: m.city.population, type: Number, format: "#,##0" } : null,
      m.category?.name ?? null,
      t(`networks.status.${m.status}`),
      m.since ? { value: new Date(`${m.since}T00:00:00Z`), type: Date, format: "yyyy-mm-dd" } : null,
      m.founding ? t("networks.export.yes") : null,
    ]),
  ];
  const buffer = await writeXlsxFile(data as never, { sheet: t("networks.export.sheet"), stickyRowsCount: 1 }).toBuffer();
  return { filename, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: new Uint8Array(buffer) };
}

/** RFC 4180 CSV with a byte-order mark (so spreadsheets read the accents), CRLF line ends. */
export function membersCsv(rows: NetworkMember[]): string {
  const lines = [
    ["organization", "organization_kind", "city", "geonames_id", "country", "country_name", "population", "category", "category_name", "status", "since", "founding"],
    ...rows.map((m) => [
      m.organization.name,
      m.organization.kind,
      m.city?.name ?? "",
      m.city ? String(m.city.id) : "",
      m.countryCode,
      m.countryName,
      m.city ? String(m.city.population) : "",
      m.category?.key ?? "",
      m.category?.name ?? "",
      m.status,
      m.since ?? "",
      m.founding ? "yes" : "no",
    ]),
  ];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/**
 * One CSV field: quoted when it holds a comma, quote or line break (quotes doubled), and with a
 * leading apostrophe when it starts like a formula, so a spreadsheet never runs it.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
