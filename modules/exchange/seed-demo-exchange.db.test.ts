import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { recomputeEverything } from "./recompute-all-matches.ts";
import { seedDemoExchange } from "./seed-demo-exchange.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

describe("the demo exchange", () => {
  it("posts offers and needs in three languages whose best matches make sense, with one accepted conversation; a second run adds nothing", async () => {
    // The test database carries the demo already (prepared with demo data); seeding again adds nothing.
    expect(await seedDemoExchange(handle.db)).toEqual([]);
    const items = await queryRows<{ key: string; kind: string; language: string }>(
      handle.db,
      sql`select substring(creation_key from 15) as key, kind, original_language as language from exchange_items where demo order by creation_key`,
    );
    expect(items.length).toBeGreaterThanOrEqual(12);
    expect(new Set(items.map((i) => i.language))).toEqual(new Set(["es", "pt", "en"]));
    // Each need's best offer is the one written to answer it (in another language).
    const bestPairs = () => queryRows<{ need: string; offer: string }>(
      handle.db,
      sql`select distinct on (m.need_id) substring(n.creation_key from 15) as need, substring(o.creation_key from 15) as offer
          from exchange_matches m join exchange_items n on n.id = m.need_id join exchange_items o on o.id = m.offer_id
          where n.demo and o.status in ('open', 'in_conversation') order by m.need_id, m.score desc`,
    );
    const expected = {
      "poa-water-losses": "bsas-water-sectors",
      "mvd-ewaste": "curitiba-waste-pickers",
      "bh-bike-lanes": "cordoba-cycling",
      "rosario-food-gardens": "bh-food-security",
      "quito-landslides": "santafe-flood-warning",
      "asuncion-digital-services": "mvd-digital-participation",
    };
    const pairsOf = async () => Object.fromEntries((await bestPairs()).map((b) => [b.need, b.offer]));
    expect(await pairsOf()).toMatchObject(expected);
    // The full recompute (in memory) finds the same best matches as the incremental path.
    const report = await recomputeEverything(handle.db);
    expect(report.pairs).toBeGreaterThan(0);
    expect(await pairsOf()).toMatchObject(expected);
    const [conversation] = await queryRows<{ messages: number }>(handle.db, sql`select (select count(*) from exchange_messages m where m.conversation_id = c.id)::int as messages from exchange_conversations c`);
    expect(conversation?.messages).toBe(4);
    // The outbox was delivered when the test database was prepared, as a server does at start: Ana's inbox shows what happened.
    const [ana] = await queryRows<{ kinds: string[] }>(
      handle.db,
      sql`select array_agg(distinct n.event_kind) as kinds from notifications n join users u on u.id = n.user_id where u.email = 'ana.souza@portoalegre.example'`,
    );
    expect(ana?.kinds).toEqual(expect.arrayContaining(["exchange.contact_decided", "exchange.message"]));
  });
});
