// A database of its own for each test file, with migrations, reference data and demo data
// already in place (prepared once per run by tests/setup/database.ts).
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase, pgliteExtensions } from "./client.ts";

export async function createTestDatabase(): Promise<DatabaseHandle> {
  const dump = inject("pgliteDump");
  if (dump) return openDatabase({ memory: true, loadDataDir: new Blob([readFileSync(dump)]) });
  return (await postgresCopy()).handle;
}

/**
 * A test database another process can open too (for tests that run a worker as a process of its
 * own): a PostgreSQL copy with its URL, or on PGlite a data directory (one process at a time: the
 * test closes its handle before the other process opens it). `remove` deletes it.
 */
export async function createSharedTestDatabase(scratch: string): Promise<{ env: Record<string, string>; open: () => Promise<DatabaseHandle>; remove: () => Promise<void> }> {
  const dump = inject("pgliteDump");
  if (dump) {
    const dir = join(scratch, `db-${randomBytes(4).toString("hex")}`);
    const client = await PGlite.create(dir, { extensions: pgliteExtensions, loadDataDir: new Blob([readFileSync(dump)]) });
    await client.close();
    return { env: { PGLITE_DIR: dir, DATABASE_URL: "" }, open: () => openDatabase({ dir }), remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const copy = await postgresCopy();
  return { env: { DATABASE_URL: copy.url }, open: () => openDatabase({ url: copy.url, poolSize: 4 }), remove: () => copy.handle.close() };
}

async function postgresCopy(): Promise<{ handle: DatabaseHandle; url: string }> {
  const adminUrl = inject("postgresAdminUrl");
  const template = inject("postgresTemplate");
  const name = `${template}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 4 });
  return {
    url: url.toString(),
    handle: {
      ...handle,
      close: async () => {
        await handle.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    },
  };
}
