import { sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";

export interface DirectoryStats {
  cities: number;
  countries: number;
  themes: number;
}

/** How much reference data this installation holds, for the home page. */
export async function getDirectoryStats(ctx: ServiceContext): Promise<DirectoryStats> {
  const [row] = await queryRows<{ cities: string | number; countries: string | number; themes: string | number }>(ctx.db, sql`
    select (select count(*) from cities) as cities,
           (select count(distinct country_code) from cities) as countries,
           (select count(*) from themes) as themes`);
  return { cities: Number(row!.cities), countries: Number(row!.countries), themes: Number(row!.themes) };
}
