// Reading a network's member list from CSV: columns city (name) or geonames_id, country (ISO
// alpha-2), status, since (date) and an optional category. Every problem is reported with its line
// and column, as a catalog key with values, so the page and the API can say it in any language.
import { parse } from "csv-parse/sync";
import { type MemberStatus, memberStatuses, today } from "./inputs.ts";

/** The largest file accepted, in bytes, and the most rows. */
export const maxImportBytes = 512 * 1024;
export const maxImportRows = 5_000;

export type ImportColumn = "file" | "city" | "geonames_id" | "country" | "status" | "since" | "category";

export interface ImportIssue {
  /** The file's line (1 is the header); 0 for the file as a whole. */
  line: number;
  column: ImportColumn;
  /** A catalog key (networks.import.error.*). */
  message: string;
  values?: Record<string, string | number>;
  /** What the row may have meant: close city names, the allowed values… */
  suggestions?: string[];
}

export interface MemberCsvRow {
  line: number;
  city?: string;
  geonamesId?: number;
  country: string;
  status: MemberStatus;
  since: string;
  category?: string;
  /** False when a cell of the row is bad: it is still matched to a city, to report all its problems at once. */
  valid: boolean;
}

export interface ParsedMemberCsv {
  /** Data rows read, good or bad. */
  rowCount: number;
  /** Rows to match to a city (see MemberCsvRow.valid). */
  rows: MemberCsvRow[];
  issues: ImportIssue[];
}

/** Folds a header or a value for comparison: no accents, lower case, words joined by "_". */
export const fold = (value: string) =>
  value
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");

/** Header names accepted for each column (English, Spanish, Portuguese), folded. */
const headerAliases: Record<Exclude<ImportColumn, "file">, string[]> = {
  city: ["city", "city_name", "ciudad", "cidade", "municipio"],
  geonames_id: ["geonames_id", "geonameid", "geoname_id", "geonames"],
  country: ["country", "country_code", "pais", "codigo_pais", "iso2"],
  status: ["status", "estado", "situacion", "situacao"],
  since: ["since", "member_since", "desde", "miembro_desde", "membro_desde"],
  category: ["category", "categoria"],
};

const columnOf = (header: string): Exclude<ImportColumn, "file"> | undefined =>
  (Object.keys(headerAliases) as Exclude<ImportColumn, "file">[]).find((c) => headerAliases[c].includes(fold(header)));

/** Status words accepted besides the keys (folded): how people write them in es, pt and en. */
const statusAliases: Record<string, MemberStatus> = {
  activo: "active",
  activa: "active",
  ativo: "active",
  ativa: "active",
  inactivo: "inactive",
  inactiva: "inactive",
  inativo: "inactive",
  inativa: "inactive",
  suspendido: "suspended",
  suspendida: "suspended",
  suspenso: "suspended",
  suspensa: "suspended",
  retirado: "withdrawn",
  retirada: "withdrawn",
  baja: "withdrawn",
  desligado: "withdrawn",
};

export function statusOf(value: string): MemberStatus | undefined {
  const folded = fold(value);
  return (memberStatuses as readonly string[]).includes(folded) ? (folded as MemberStatus) : statusAliases[folded];
}

/** The delimiter a file uses, read from its first line (spreadsheets in es/pt often save ";"). */
function delimiterOf(content: string): string {
  const first = content.slice(0, content.search(/\r?\n|$/));
  const count = (c: string) => first.split(c).length - 1;
  const [best] = [",", ";", "\t"].sort((a, b) => count(b) - count(a));
  return count(best!) > 0 ? best! : ",";
}

/** A date as YYYY-MM-DD that exists and is not after today. */
function dateIssue(value: string): { message: string; suggestions?: string[] } | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) return { message: "networks.import.error.date" };
    if (value > today()) return { message: "networks.import.error.dateInFuture" };
    if (value < "1800-01-01") return { message: "networks.import.error.date" };
    return undefined;
  }
  // 15/03/2019 or 15-03-2019: day first, as written in Spanish and Portuguese.
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const suggestion = dayFirst ? `${dayFirst[3]}-${dayFirst[2]!.padStart(2, "0")}-${dayFirst[1]!.padStart(2, "0")}` : undefined;
  return { message: "networks.import.error.date", suggestions: suggestion && !dateIssue(suggestion) ? [suggestion] : undefined };
}

/**
 * Parses and checks the cells of every row; matching rows to reference cities, countries and the
 * network's categories is left to the caller (it needs the database).
 */
export function parseMemberCsv(content: string): ParsedMemberCsv {
  const issues: ImportIssue[] = [];
  if (new TextEncoder().encode(content).length > maxImportBytes) {
    return { rowCount: 0, rows: [], issues: [{ line: 0, column: "file", message: "networks.import.error.tooLarge", values: { kb: maxImportBytes / 1024 } }] };
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let header: string[] = [];
  try {
    records = parse(content, {
      delimiter: delimiterOf(content),
      columns: (names: string[]) => {
        header = names;
        return names.map((n) => columnOf(n) ?? `ignored:${n}`);
      },
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
    }) as typeof records;
  } catch (error) {
    const line = Number((error as { lines?: number }).lines ?? 0);
    return { rowCount: 0, rows: [], issues: [{ line, column: "file", message: "networks.import.error.malformed" }] };
  }
  if (records.length === 0) return { rowCount: 0, rows: [], issues: [{ line: 1, column: "file", message: "networks.import.error.empty" }] };
  const columns = new Set(header.map(columnOf).filter(Boolean));
  const missing = (["country", "status", "since"] as const).filter((c) => !columns.has(c));
  if (!columns.has("city") && !columns.has("geonames_id")) missing.unshift("city" as never);
  if (missing.length > 0) {
    return {
      rowCount: records.length,
      rows: [],
      issues: missing.map((column) => ({
        line: 1,
        column,
        message: column === ("city" as string) ? "networks.import.error.cityColumn" : "networks.import.error.missingColumn",
        values: { column },
        suggestions: header.length ? [header.join(", ")] : undefined,
      })),
    };
  }
  if (records.length > maxImportRows) {
    return { rowCount: records.length, rows: [], issues: [{ line: 0, column: "file", message: "networks.import.error.tooManyRows", values: { max: maxImportRows, count: records.length } }] };
  }
  const rows: MemberCsvRow[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    const rowIssues: ImportIssue[] = [];
    const cell = (c: Exclude<ImportColumn, "file">) => (record[c] ?? "").trim();
    const city = cell("city");
    const geonames = cell("geonames_id");
    let geonamesId: number | undefined;
    if (geonames) {
      if (/^[1-9][0-9]{0,9}$/.test(geonames) && Number(geonames) <= 2_147_483_647) geonamesId = Number(geonames);
      else rowIssues.push({ line, column: "geonames_id", message: "networks.import.error.geonamesId", values: { value: geonames } });
    } else if (!city) {
      rowIssues.push({ line, column: columns.has("city") ? "city" : "geonames_id", message: "networks.import.error.cityRequired" });
    }
    const country = cell("country").toUpperCase();
    if (!country) rowIssues.push({ line, column: "country", message: "networks.import.error.required" });
    else if (!/^[A-Z]{2}$/.test(country)) rowIssues.push({ line, column: "country", message: "networks.import.error.countryCode", values: { value: cell("country") } });
    const statusText = cell("status");
    const status = statusText ? statusOf(statusText) : undefined;
    if (!statusText) rowIssues.push({ line, column: "status", message: "networks.import.error.required" });
    else if (!status)
      rowIssues.push({ line, column: "status", message: "networks.import.error.status", values: { value: statusText }, suggestions: [...memberStatuses] });
    const since = cell("since");
    if (!since) rowIssues.push({ line, column: "since", message: "networks.import.error.required" });
    else {
      const problem = dateIssue(since);
      if (problem) rowIssues.push({ line, column: "since", ...problem, values: { value: since } });
    }
    const category = cell("category");
    issues.push(...rowIssues);
    if (country.length === 2 && /^[A-Z]{2}$/.test(country) && (city || geonamesId)) {
      rows.push({
        line,
        ...(city ? { city } : {}),
        ...(geonamesId ? { geonamesId } : {}),
        country,
        status: status ?? "active",
        since,
        ...(category ? { category } : {}),
        valid: rowIssues.length === 0,
      });
    }
  }
  return { rowCount: records.length, rows, issues };
}
