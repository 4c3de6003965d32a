import { sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { ttlCache } from "../../platform/cache.ts";
import { queryRows } from "../../platform/db/client.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import { listCountriesInput } from "./inputs.ts";

export interface CountrySummary {
  code: string;
  iso3: string;
  isoNumeric: string | null;
  name: string;
  regionCode: string | null;
  subregionCode: string | null;
  intermediateRegionCode: string | null;
  cityCount: number;
}

const cache = ttlCache<CountrySummary[]>(60_000);

/** Countries sorted by their name in the reader's language, with how many cities the directory lists. */
export async function listCountries(ctx: ServiceContext, raw: unknown, locale: Locale): Promise<CountrySummary[]> {
  const input = listCountriesInput.parse(raw ?? {});
  return cache.get(ctx.db, `${locale}:${input.region ?? ""}`, () => loadCountries(ctx, input.region, locale));
}

async function loadCountries(ctx: ServiceContext, regionCode: string | undefined, locale: Locale): Promise<CountrySummary[]> {
  const input = { region: regionCode };
  const region = input.region
    ? sql`where co.region_code = ${input.region} or co.subregion_code = ${input.region} or co.intermediate_region_code = ${input.region}`
    : sql``;
  const rows = await queryRows<{
    code: string;
    iso3: string;
    iso_numeric: string | null;
    name: Translated;
    region_code: string | null;
    subregion_code: string | null;
    intermediate_region_code: string | null;
    city_count: number | string;
  }>(ctx.db, sql`
    select co.code, co.iso3, co.iso_numeric, co.name, co.region_code, co.subregion_code, co.intermediate_region_code,
           co.city_count
    from countries co ${region}`);
  const collator = new Intl.Collator(locale);
  return rows
    .map((r) => ({
      code: r.code,
      iso3: r.iso3,
      isoNumeric: r.iso_numeric,
      name: localizedText(r.name, locale, "en"),
      regionCode: r.region_code,
      subregionCode: r.subregion_code,
      intermediateRegionCode: r.intermediate_region_code,
      cityCount: Number(r.city_count),
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
