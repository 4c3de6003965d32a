import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { listNotifications } from "../notifications/list-notifications.ts";
import { drainOutbox } from "../notifications/testing.ts";
import { addMonths } from "./content.ts";
import { expireItems } from "./expire-items.ts";
import { getItem } from "./get-item.ts";
import { listMatches } from "./list-matches.ts";
import { postItem } from "./post-item.ts";
import { deliverMatches, testExchange, waterNeed, waterOffer } from "./testing.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe("expiry", () => {
  it("reminds the organization a week before, once, and expires the item after its date: it drops out of the matches", async () => {
    const x = await testExchange(ctx.db);
    const [ana, martin] = await Promise.all([x.br.person.actor(), x.ar.person.actor()]);
    const need = await postItem(ctx, ana, { kind: "need", networks: [x.network.slug], texts: { pt: waterNeed }, expiresOn: day(5) });
    const offer = await postItem(ctx, martin, { kind: "offer", networks: [x.network.slug], texts: { es: waterOffer }, expiresOn: addMonths(day(0), 3) });
    await deliverMatches(ctx.db);
    expect((await listMatches(ctx, martin, offer.id, {}, "es")).matches.map((m) => m.item.id)).toContain(need.id);

    const first = await expireItems(ctx.db, day(0));
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect((await expireItems(ctx.db, day(0))).reminded).toBe(0);
    // The organization's people hear of it (nobody acted, so Ana too).
    await drainOutbox(ctx.db);
    expect((await listNotifications(ctx, ana, {}, "pt")).items.map((n) => n.kind)).toContain("exchange.expiring");

    expect((await expireItems(ctx.db, day(6))).expired).toBeGreaterThanOrEqual(1);
    expect((await getItem(ctx, ana, need.id, "pt")).status).toBe("expired");
    expect((await listMatches(ctx, martin, offer.id, {}, "es")).matches.map((m) => m.item.id)).not.toContain(need.id);
    const [pairs] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from exchange_matches where need_id = ${need.id}`);
    expect(pairs?.n).toBe(0);
  });
});
