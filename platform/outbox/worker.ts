// Delivers outbox rows: claims due rows under a lease (so a worker that dies releases them when
// the lease runs out, and two workers never hold the same row), runs the handler of the row's
// kind, and records the outcome. A failure is retried with exponential backoff; after
// maxAttempts the row is marked dead and logged. Handlers must be idempotent: delivery is at
// least once.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client.ts";
import type { Logger } from "../log.ts";
import { outbox } from "./schema.ts";
import { onOutboxNotified } from "./signal.ts";

export interface OutboxRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** Delivers one row; may return a result to keep with it. Throwing means "try again later". */
export type OutboxHandler = (row: OutboxRow) => Promise<Record<string, unknown> | void>;

export interface OutboxWorkerOptions {
  db: Database;
  log: Logger;
  handlers: Record<string, OutboxHandler>;
  pollMs?: number;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** Delay before attempt n+1 after n failures: base · 2^(n−1), capped. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  workerId?: string;
}

export interface OutboxWorker {
  /** Claims and delivers one batch; returns how many rows it handled. */
  runOnce(): Promise<number>;
  start(): void;
  /** Stops polling and waits for the batch in hand to finish. */
  stop(): Promise<void>;
}

export function backoffDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const {
    db,
    log,
    handlers,
    pollMs = 2_000,
    batchSize = 10,
    leaseMs = 60_000,
    maxAttempts = 8,
    backoffBaseMs = 30_000,
    backoffMaxMs = 6 * 60 * 60_000,
    workerId = `worker-${randomUUID()}`,
  } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;
  let again = false;
  let unsubscribe: (() => void) | undefined;

  async function claim(): Promise<OutboxRow[]> {
    return queryRows<OutboxRow & Record<string, unknown>>(
      db,
      sql`update outbox set leased_until = now() + ${`${leaseMs} milliseconds`}::interval, leased_by = ${workerId}
          where id in (
            select id from outbox
            where status = 'pending' and next_attempt_at <= now() and (leased_until is null or leased_until < now())
            order by next_attempt_at, created_at
            limit ${batchSize}
            for update skip locked)
          returning id, kind, payload, attempts`,
    );
  }

  async function deliver(row: OutboxRow): Promise<void> {
    const mine = and(eq(outbox.id, row.id), eq(outbox.leasedBy, workerId));
    const handler = handlers[row.kind];
    try {
      if (!handler) throw new Error(`no handler for outbox kind "${row.kind}"`);
      const result = await handler(row);
      await db
        .update(outbox)
        .set({ status: "done", doneAt: new Date(), attempts: row.attempts + 1, leasedUntil: null, lastError: null, result: result ?? null })
        .where(mine);
    } catch (err) {
      const attempts = row.attempts + 1;
      const message = err instanceof Error ? err.message : String(err);
      const dead = attempts >= maxAttempts;
      const delay = backoffDelay(attempts, backoffBaseMs, backoffMaxMs);
      await db
        .update(outbox)
        .set({
          status: dead ? "dead" : "pending",
          attempts,
          lastError: message.slice(0, 2_000),
          leasedUntil: null,
          nextAttemptAt: new Date(Date.now() + delay),
        })
        .where(mine);
      const line = { outboxId: row.id, kind: row.kind, attempts, err: message };
      if (dead) log.error(line, "outbox delivery failed for good");
      else log.warn({ ...line, retryInMs: delay }, "outbox delivery failed; will retry");
    }
  }

  async function runBatch(): Promise<number> {
    const rows = await claim();
    for (const row of rows) await deliver(row);
    return rows.length;
  }

  function schedule(ms: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref();
  }

  async function tick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    try {
      const handled = await runOnce();
      // A full batch means more may be waiting.
      schedule(handled >= batchSize || again ? 0 : pollMs);
    } catch (err) {
      log.error({ err }, "outbox worker cycle failed");
      schedule(pollMs);
    } finally {
      again = false;
    }
  }

  function runOnce(): Promise<number> {
    if (running) return running;
    running = runBatch().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      // Enqueueing happens inside a transaction: look a moment later, once it has committed.
      unsubscribe = onOutboxNotified(() => schedule(50));
      schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe?.();
      await running?.catch(() => {});
    },
  };
}
