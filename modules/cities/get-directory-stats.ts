import { sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";

export interface DirectoryStats {
  cities: number;
  countries: number;
  themes: number;
}

/** How much reference data this installation holds, for the home page. */
export async function getDirectoryStats(ctx: ServiceContext): Promise<DirectoryStats> {
  const result = await ctx.db.execute<{ cities: string | number; countries: string | number; themes: string | number }>(sql`
    select (select count(*) from cities) as cities,
           (select count(distinct country_code) from cities) as countries,
           (select count(*) from themes) as themes`);
  const row = result.rows[0]!;
  return { cities: Number(row.cities), countries: Number(row.countries), themes: Number(row.themes) };
}
