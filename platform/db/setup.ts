// The steps every start and the `migrate` / `seed` commands share.
import { sql } from "drizzle-orm";
import { modules } from "../../modules/index.ts";
import type { DemoOptions } from "../../modules/manifest.ts";
import type { DatabaseHandle } from "./client.ts";
import { migrateDatabase } from "./migrate.ts";

export async function loadReferenceData(handle: DatabaseHandle): Promise<string[]> {
  const loaded: string[] = [];
  for (const m of modules) if (m.loadReferenceData) loaded.push(...(await m.loadReferenceData(handle.db)));
  return loaded;
}

export async function seedDemoData(handle: DatabaseHandle, options: DemoOptions = { accounts: true }): Promise<string[]> {
  const created: string[] = [];
  for (const m of modules) if (m.seedDemo) created.push(...(await m.seedDemo(handle.db, options)));
  return created;
}

export async function prepareDatabase(handle: DatabaseHandle, options: { demo: boolean; demoAccounts?: boolean }) {
  await migrateDatabase(handle);
  const reference = await loadReferenceData(handle);
  const demo = options.demo ? await seedDemoData(handle, { accounts: options.demoAccounts ?? true }) : [];
  // Fresh statistics after bulk loading, so the planner sees the tables as they now are (PGlite
  // has no autovacuum to do it; on a server it would come late for the first requests).
  if (reference.length > 0 || demo.length > 0) await handle.db.execute(sql`analyze`);
  return { reference, demo };
}

/** How often the embedded database's statistics are refreshed while the server runs. */
export const pgliteAnalyzeIntervalMs = 60 * 60 * 1000;

/**
 * PGlite has no autovacuum daemon, so nothing refreshes the planner's statistics as tables grow:
 * a table that held 5 rows at start still looks like 5 rows after 200,000 inserts, and plans go
 * wrong by orders of magnitude. The server calls this on every scheduled tick; on PGlite it runs
 * ANALYZE once per interval (a PostgreSQL server's autovacuum does it there).
 */
export function createStatisticsRefresher(handle: DatabaseHandle, intervalMs = pgliteAnalyzeIntervalMs) {
  let last = Date.now();
  return async (now = Date.now()): Promise<boolean> => {
    if (handle.engine !== "pglite" || now - last < intervalMs) return false;
    last = now;
    await handle.db.execute(sql`analyze`);
    return true;
  };
}
