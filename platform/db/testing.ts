// A database of its own for each test file, with migrations, reference data and demo data
// already in place (prepared once per run by tests/setup/database.ts).
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "./client.ts";

export async function createTestDatabase(): Promise<DatabaseHandle> {
  const dump = inject("pgliteDump");
  if (dump) return openDatabase({ memory: true, loadDataDir: new Blob([readFileSync(dump)]) });
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
    ...handle,
    close: async () => {
      await handle.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
