// Prepares one migrated database with reference and demo data per test run; every test file
// then gets its own copy (platform/db/testing.ts). On PGlite the copy is a data-directory dump;
// with DATABASE_URL it is a throwaway PostgreSQL database created from a template database,
// and all of them are dropped at the end.
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { drainOutbox } from "../../modules/notifications/testing.ts";
import { type DatabaseHandle, openDatabase } from "../../platform/db/client.ts";
import { prepareDatabase } from "../../platform/db/setup.ts";
import { newestMtime } from "./freshness.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDump: string;
    postgresAdminUrl: string;
    postgresTemplate: string;
    runId: string;
  }
}

const root = new URL("../..", import.meta.url).pathname;

/**
 * What the demo seed put in the outbox (matches, notifications, e-mails) delivered, as a server
 * would within its first minute: every test starts from a database with nothing pending, so a
 * test's worker handles only the test's own rows.
 */
async function deliverEverything(handle: DatabaseHandle): Promise<void> {
  while ((await drainOutbox(handle.db)) > 0);
}

export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  project.provide("runId", runId);
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dump = join(root, ".cache/test-db.tar");
    const inputs = ["db/migrations", "data/reference", "modules", "platform/db"].map((p) => join(root, p));
    if (!existsSync(dump) || statSync(dump).mtimeMs < newestMtime(inputs)) {
      mkdirSync(join(root, ".cache"), { recursive: true });
      const handle = await openDatabase({ memory: true });
      await prepareDatabase(handle, { demo: true });
      await deliverEverything(handle);
      const client = (handle.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
      // Written aside and renamed, so a test run starting meanwhile never reads half a dump.
      const partial = `${dump}.${process.pid}`;
      writeFileSync(partial, Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
      renameSync(partial, dump);
      await handle.close();
    }
    project.provide("pgliteDump", dump);
    project.provide("postgresAdminUrl", "");
    project.provide("postgresTemplate", "");
    return;
  }
  const template = `pares_test_${runId}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${template}`;
  const handle = await openDatabase({ url: templateUrl.toString(), poolSize: 2 });
  await prepareDatabase(handle, { demo: true });
  await deliverEverything(handle);
  await handle.close();
  project.provide("pgliteDump", "");
  project.provide("postgresAdminUrl", url);
  project.provide("postgresTemplate", template);
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`pares_test_${runId}%`],
    );
    for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}
