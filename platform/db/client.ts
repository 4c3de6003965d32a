// Opens the database: embedded PGlite in a directory (default) or a PostgreSQL server when
// DATABASE_URL is set. Everything the two engines do differently is handled here.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { type SQL, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import lockfile from "proper-lockfile";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  engine: Engine;
  /** Where the data lives, for messages: a directory or a server URL without password. */
  location: string;
  /** Throws when the database does not answer within the timeout. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export type OpenOptions =
  | { url: string; poolSize?: number }
  | { dir: string }
  | { memory: true; loadDataDir?: Blob };

export class DatabaseLockedError extends Error {
  readonly dir: string;
  constructor(dir: string) {
    super(
      `the embedded database directory ${dir} is already open in another Pares process; ` +
        `stop that process or set PGLITE_DIR to another directory`,
    );
    this.dir = dir;
  }
}

export const pgliteExtensions = { unaccent, pg_trgm, citext, btree_gist };

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if ("url" in options) return openPostgres(options.url, options.poolSize ?? 10);
  if ("dir" in options) return openPgliteDir(options.dir);
  const client = await PGlite.create({ extensions: pgliteExtensions, loadDataDir: options.loadDataDir });
  return pgliteHandle(client, "memory", async () => {});
}

async function openPgliteDir(dir: string): Promise<DatabaseHandle> {
  const absolute = resolve(dir);
  mkdirSync(dirname(absolute), { recursive: true });
  mkdirSync(absolute, { recursive: true });
  let release: () => Promise<void>;
  try {
    // PGlite does not stop two processes from opening one directory (and two writers corrupt
    // it), so a lock beside the directory is held for as long as it is open.
    release = await lockfile.lock(absolute, {
      lockfilePath: `${absolute}.lock`,
      stale: 15_000,
      update: 5_000,
      realpath: false,
      onCompromised: (err) => {
        throw err;
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ELOCKED") throw new DatabaseLockedError(dir);
    throw err;
  }
  try {
    const client = await PGlite.create(absolute, { extensions: pgliteExtensions });
    return pgliteHandle(client, dir, release);
  } catch (err) {
    await release();
    throw err;
  }
}

function pgliteHandle(client: PGlite, location: string, release: () => Promise<void>): DatabaseHandle {
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  let closed = false;
  return {
    db,
    engine: "pglite",
    location,
    ping: async (timeoutMs = 2_000) => {
      if (closed || client.closed) throw new Error("database closed");
      await withTimeout(client.query("select 1"), timeoutMs);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
      await release();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server emits 'error'; without a listener that kills the process.
  pool.on("error", () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Database;
  try {
    await pool.query("select 1");
  } catch (err) {
    await pool.end().catch(() => {});
    const cause = err as NodeJS.ErrnoException & { errors?: Error[] };
    const detail = cause.code === "ECONNREFUSED" || cause.errors ? "connection refused" : cause.message;
    throw new Error(`${redactUrl(url)}: ${detail}`, { cause: err });
  }
  let closed = false;
  return {
    db,
    engine: "postgres",
    location: redactUrl(url),
    ping: async (timeoutMs = 2_000) => {
      if (closed) throw new Error("database closed");
      await withTimeout(pool.query("select 1"), timeoutMs);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `work` in a transaction that steers the planner away from sequential scans. pg_trgm's
 * operators are costed like cheap built-ins, so on tables of ~100k rows the planner picks a
 * sequential scan that is 10–20× slower than the trigram index it has; this corrects that for
 * the queries that use them.
 */
export async function withIndexScans<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return work(tx as unknown as Database);
  });
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`, typed here once. */
export async function queryRows<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Opens the database the configuration names: DATABASE_URL, else the embedded one in PGLITE_DIR. */
export function openConfiguredDatabase(config: { DATABASE_URL?: string | undefined; PGLITE_DIR: string }): Promise<DatabaseHandle> {
  return openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dir: config.PGLITE_DIR });
}
