import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { exportPracticesCsv } from "./export-practices-csv.ts";
import { searchPracticesInput } from "./inputs.ts";
import { everyWordThreshold, planSearch, searchPractices } from "./search-practices.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  // The test database holds the demo bank and the catalogue.
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

async function countMatching(q: string, match: "every" | "any"): Promise<number> {
  const input = searchPracticesInput.parse({ q });
  const every = await planSearch(ctx, input, "every");
  const plan = match === "every" ? every : await planSearch(ctx, input, "any", every.prepared);
  const [row] = await queryRows<{ n: number }>(ctx.db, sql`${plan.with} m as (select 1 from ${plan.from} where ${plan.where}) select count(*)::int as n from m`);
  return row!.n;
}

describe("searchPractices", () => {
  it("finds the same practices whatever the page size: the list, the CSV and the map agree", async () => {
    const q = "presupuesto participativo";
    // A query some practices match with every word, fewer than the threshold but more than a small page.
    const every = await countMatching(q, "every");
    const any = await countMatching(q, "any");
    expect(every).toBeGreaterThan(5);
    expect(every).toBeLessThan(everyWordThreshold);
    expect(any).toBeGreaterThan(every);

    const small = await searchPractices(ctx, { q, pageSize: 5 }, "es");
    const large = await searchPractices(ctx, { q, pageSize: 50 }, "es");
    expect(small.total).toBe(any);
    expect(large.total).toBe(small.total);
    const secondPage = await searchPractices(ctx, { q, pageSize: 5, page: 2 }, "es");
    expect(secondPage.total).toBe(small.total);
    expect(large.items.slice(5, 10).map((h) => h.slug)).toEqual(secondPage.items.map((h) => h.slug));
    // A snippet that cuts the summary says so.
    expect(large.items.some((h) => h.snippet.endsWith(" …"))).toBe(true);

    const mapAlone = await searchPractices(ctx, { q, view: "map", pageSize: 1 }, "es");
    const mapOfList = await searchPractices(ctx, { q, view: "map", pageSize: 20 }, "es");
    expect(mapAlone.total).toBe(small.total);
    expect(mapAlone.map?.map((p) => p.slug)).toEqual(mapOfList.map?.map((p) => p.slug));

    const csv = await exportPracticesCsv(ctx, { q }, "es", "https://pares.example");
    expect(csv.body.trimEnd().split("\r\n").length - 1).toBe(small.total);
  });
});
