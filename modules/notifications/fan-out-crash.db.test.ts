// Nothing is lost and nothing is doubled when the worker is killed in the middle of a fan-out:
// a worker process starts delivering one event to 4,000 interested people and is killed with
// SIGKILL; the fan-out's transaction is all or nothing, and another worker that claims the row
// once its lease runs out writes every notification and every immediate e-mail exactly once.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "../../platform/db/client.ts";
import { createSharedTestDatabase } from "../../platform/db/testing.ts";
import { testExchange } from "../exchange/testing.ts";
import { notify } from "./notify.ts";
import { drainOutbox } from "./testing.ts";

const scratch = mkdtempSync(join(tmpdir(), "pares-crash-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const root = resolve(import.meta.dirname, "../..");
const PEOPLE = 4000;

async function count(handle: DatabaseHandle, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(handle.db, query);
  return Number(row?.n ?? 0);
}

describe("a fan-out killed mid-delivery", () => {
  it("is redone whole by the next worker: every notification and immediate e-mail exactly once", { timeout: 120_000 }, async () => {
    const shared = await createSharedTestDatabase(scratch);
    let handle = await shared.open();
    try {
      const x = await testExchange(handle.db);
      await handle.db.execute(sql`insert into users (id, name, email, locale)
        select 'crash-' || g, 'Person ' || g, 'crash' || g || '@crash.test', (array['es', 'pt', 'en'])[1 + g % 3] from generate_series(1, ${PEOPLE}) g`);
      await handle.db.execute(sql`insert into organization_members (organization_id, user_id, role) select ${x.co.org.id}::uuid, 'crash-' || g, 'staff' from generate_series(1, ${PEOPLE}) g`);
      await handle.db.execute(sql`insert into notification_interests (user_id, theme_ids, kinds) select 'crash-' || g, '{water-waste-sanitation}', '{need}' from generate_series(1, ${PEOPLE}) g`);
      await handle.db.execute(sql`insert into notification_preferences (user_id, event_kind, channel)
        select 'crash-' || g, 'exchange.new_item', case when g % 2 = 0 then 'immediate' else 'daily' end from generate_series(1, ${PEOPLE}) g`);
      await handle.db.transaction((tx) =>
        notify(tx, {
          kind: "exchange.new_item",
          key: "crash-event",
          data: { path: "/exchange/crash", titles: { pt: "Perdas de água" }, originalLanguage: "pt", itemKind: "need", organization: "Porto Alegre" },
          audience: { type: "interested", itemKind: "need", themeIds: ["water-waste-sanitation"], sdgGoals: [], countryCode: "BR", networkIds: [x.network.id], platform: false, excludeOrganizationId: x.br.org.id },
          actorUserId: null,
        }),
      );
      if (handle.engine === "pglite") await handle.close(); // one process at a time in an embedded directory

      const child = spawn(process.execPath, ["tests/support/outbox-worker-process.ts"], { cwd: root, env: { ...process.env, ...shared.env, LEASE_MS: "1500" }, stdio: ["ignore", "pipe", "inherit"] });
      const exited = new Promise((done) => child.on("exit", done));
      await new Promise<void>((claimed, failed) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes("claimed notifications.fanout")) claimed();
        });
        child.on("exit", (code) => failed(new Error(`the worker exited (${code}) before claiming the fan-out: ${out}`)));
      });
      await new Promise((r) => setTimeout(r, 30));
      child.kill("SIGKILL");
      await exited;

      if (handle.engine === "pglite" || shared.env.PGLITE_DIR) {
        // The killed process cannot release its lock on the directory; it is known to be dead.
        rmSync(`${resolve(shared.env.PGLITE_DIR!)}.lock`, { recursive: true, force: true });
        handle = await shared.open();
      }
      const written = await count(handle, sql`select count(*)::int as n from notifications where event_key = 'crash-event'`);
      expect([0, PEOPLE]).toContain(written); // all or nothing

      await new Promise((r) => setTimeout(r, 1600)); // the dead worker's lease runs out
      await drainOutbox(handle.db);
      expect(await count(handle, sql`select count(*)::int as n from notifications where event_key = 'crash-event'`)).toBe(PEOPLE);
      expect(await count(handle, sql`select count(distinct user_id)::int as n from notifications where event_key = 'crash-event'`)).toBe(PEOPLE);
      expect(
        await count(handle, sql`select count(*)::int as n from outbox o join notifications n on o.idempotency_key = 'notification:' || n.id where n.event_key = 'crash-event'`),
      ).toBe(PEOPLE / 2);
      expect(await count(handle, sql`select count(*)::int as n from outbox where kind = 'email' and status <> 'done'`)).toBe(0);
      expect(await count(handle, sql`select count(*)::int as n from outbox where status = 'dead'`)).toBe(0);
    } finally {
      await handle.close();
      await shared.remove();
    }
  });
});
