import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { importPracticeCatalogue } from "./import-practice-catalogue.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  // The test database holds the catalogue, imported by the demo seed.
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

const placeOf = async (id: string) =>
  (
    await queryRows<{ city: string | null; country: string | null; latitude: number | null }>(
      handle.db,
      sql`select c.name as city, p.country_code as country, s.latitude
          from practices p left join cities c on c.id = p.city_id left join practice_search s on s.practice_id = p.id
          where p.creation_key = ${`catalogue:${id}`}`,
    )
  )[0];

describe("importPracticeCatalogue", () => {
  it("places an entry in the city of that whole name, never in a city whose longer name contains it", async () => {
    // Santos, not Salvador ("… de Todos os Santos", more populous).
    expect(await placeOf("GP096")).toMatchObject({ city: "Santos", country: "BR" });
    // Seberang Perai is not in the reference cities: no city, rather than a town named after part of it.
    expect(await placeOf("GP072")).toMatchObject({ city: null, country: "MY" });
    // A city's own name wins over another's alternate or partial name.
    expect((await placeOf("GP110"))?.city).toBe("London");
    expect((await placeOf("GP083"))?.city).toBe("Málaga");
  });

  it("moves an entry imported in the wrong city to the right one, and indexes it again", async () => {
    await handle.db.execute(sql`update practices set city_id = (select id from cities where name = 'Salvador' and country_code = 'BR' order by population desc limit 1)
      where creation_key = 'catalogue:GP096'`);
    expect((await placeOf("GP096"))?.city).toBe("Salvador");
    expect(await importPracticeCatalogue(handle.db)).toBe(0);
    const place = await placeOf("GP096");
    expect(place?.city).toBe("Santos");
    const [santos] = await queryRows<{ latitude: number }>(handle.db, sql`select latitude from cities where name = 'Santos' and country_code = 'BR' order by population desc limit 1`);
    expect(Number(place?.latitude)).toBeCloseTo(Number(santos!.latitude), 3);
  });
});
