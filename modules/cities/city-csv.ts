// Reading city rows from CSV (the GeoNames-derived format of data/reference/cities_geonames_pop50k.csv),
// validating each row and naming the line of every bad one.
import { parse } from "csv-parse/sync";
import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A number as written in a CSV cell: required, plain decimal notation (no hex, no exponent). */
const decimal = (pattern: RegExp, message: string) =>
  z
    .string()
    .trim()
    .min(1, { error: "is required", abort: true })
    .regex(pattern, message)
    .transform(Number);
const integerText = decimal(/^[0-9]+$/, "must be a whole number");
const coordinateText = decimal(/^-?[0-9]{1,3}(\.[0-9]+)?$/, "must be a decimal number such as -34.9033");

export const cityRowSchema = z.object({
  geonameid: integerText.pipe(z.number().int().min(1).max(2_147_483_647)),
  name: z.string().trim().min(1).max(200),
  asciiname: optionalText,
  name_es: optionalText,
  name_pt: optionalText,
  name_en: optionalText,
  country_code: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, "must be a two-letter ISO country code"),
  admin1_code: optionalText,
  admin1_name: optionalText,
  population: integerText.pipe(z.number().int().min(1, "must be at least 1").max(2_000_000_000)),
  latitude: coordinateText.pipe(z.number().min(-90).max(90)),
  longitude: coordinateText.pipe(z.number().min(-180).max(180)),
  timezone: z.string().trim().refine(isTimeZone, "must be an IANA time zone"),
  wikidata_id: optionalText,
  alternatenames: optionalText,
});

export type CityRow = z.infer<typeof cityRowSchema>;

export interface RowError {
  line: number;
  field: string;
  message: string;
}

export type NumberedCityRow = CityRow & { line: number };

export interface ParsedCities {
  rows: NumberedCityRow[];
  errors: RowError[];
}

const requiredColumns = ["geonameid", "name", "country_code", "population", "latitude", "longitude", "timezone"];

export function parseCityCsv(content: string): ParsedCities {
  const records = parse(content, {
    columns: true,
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as { record: Record<string, string>; info: { lines: number } }[];
  const errors: RowError[] = [];
  const rows: NumberedCityRow[] = [];
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = requiredColumns.filter((c) => records.length > 0 && !header.includes(c));
  if (records.length === 0) return { rows, errors: [{ line: 1, field: "file", message: "no city rows: the file is empty or has only a header" }] };
  if (missing.length > 0) {
    const semicolons = header.length === 1 && header[0]!.includes(";");
    const hint = semicolons ? " (the file seems to use ';' between columns: save it as CSV with commas)" : "";
    return { rows, errors: missing.map((field) => ({ line: 1, field, message: `required column is missing${hint}` })) };
  }
  const seen = new Map<number, number>();
  for (const { record, info } of records) {
    const result = cityRowSchema.safeParse(record);
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors.push({ line: info.lines, field: String(issue.path[0] ?? "row"), message: issue.message });
      }
      continue;
    }
    const earlier = seen.get(result.data.geonameid);
    if (earlier !== undefined) {
      errors.push({ line: info.lines, field: "geonameid", message: `duplicates line ${earlier}` });
      continue;
    }
    seen.set(result.data.geonameid, info.lines);
    rows.push({ ...result.data, line: info.lines });
  }
  return { rows, errors };
}

const latin = /^[\p{Script=Latin}\p{Mark}0-9 '’.\-()]+$/u;

/** The names a row is searchable by: primary names first, then Latin-script alternates (no airport-like codes). */
export function searchNamesOf(row: CityRow): { primary: string[]; alternate: string[] } {
  const primary = [row.name, row.asciiname, row.name_es, row.name_pt, row.name_en].filter(
    (n): n is string => !!n,
  );
  const alternate = (row.alternatenames ?? "")
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n.length >= 2 && n.length <= 80 && latin.test(n) && !/^[A-Z0-9]{2,4}$/.test(n));
  return { primary: [...new Set(primary)], alternate: [...new Set(alternate)] };
}
