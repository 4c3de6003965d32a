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
  /** A handler still running after this long counts as failed (its lease must outlast it). */
  handlerTimeoutMs?: number;
  workerId?: string;
}

export interface OutboxWorker {
  /** Claims and delivers one batch; returns how many rows it handled. */
  runOnce(): Promise<number>;
  start(): void;
  /** Stops polling and waits (at most timeoutMs) for the batch in hand to finish. */
  stop(timeoutMs?: number): Promise<void>;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
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
    maxAttempts = 8,
    backoffBaseMs = 30_000,
    backoffMaxMs = 6 * 60 * 60_000,
    handlerTimeoutMs = 30_000,
    workerId = `worker-${randomUUID()}`,
  } = options;
  // Rows of a batch are delivered one after another: the lease covers them all.
  const leaseMs = options.leaseMs ?? batchSize * handlerTimeoutMs + 30_000;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  let running: Promise<number> | undefined;
  let stopped = true;
  let again = false;
  let unsubscribe: (() => void) | undefined;

  /**
   * Claims due rows under a lease and counts the attempt now, so a message that crashes or hangs
   * its worker still runs out of attempts. MATERIALIZED keeps PostgreSQL from re-running the
   * locking sub-select and claiming more than a batch.
   */
  async function claim(): Promise<OutboxRow[]> {
    await db.execute(sql`update outbox set status = 'dead', last_error = coalesce(last_error, 'gave up: no attempt finished')
        where status = 'pending' and attempts >= ${maxAttempts} and (leased_until is null or leased_until < now())`);
    return queryRows<OutboxRow & Record<string, unknown>>(
      db,
      sql`with due as materialized (
            select id from outbox
            where status = 'pending' and attempts < ${maxAttempts} and next_attempt_at <= now()
              and (leased_until is null or leased_until < now())
            order by next_attempt_at, created_at
            limit ${batchSize}
            for update skip locked)
          update outbox set leased_until = now() + ${`${leaseMs} milliseconds`}::interval, leased_by = ${workerId},
                            attempts = attempts + 1
          where id in (select id from due)
          returning id, kind, payload, attempts`,
    );
  }

  async function deliver(row: OutboxRow): Promise<void> {
    const mine = and(eq(outbox.id, row.id), eq(outbox.leasedBy, workerId));
    const handler = handlers[row.kind];
    let result: Record<string, unknown> | void = undefined;
    let failure: string | undefined;
    try {
      if (!handler) throw new Error(`no handler for outbox kind "${row.kind}"`);
      result = await withTimeout(handler(row), handlerTimeoutMs);
    } catch (err) {
      failure = err instanceof Error ? err.message : String(err);
    }
    // The outcome is recorded apart from the delivery: a database error here must not count as
    // a failed delivery (and send the message again).
    if (failure === undefined) {
      const done = await db
        .update(outbox)
        .set({ status: "done", doneAt: new Date(), leasedUntil: null, lastError: null, result: result ?? null })
        .where(mine)
        .returning({ id: outbox.id });
      if (done.length === 0) log.warn({ outboxId: row.id, kind: row.kind }, "outbox row delivered after its lease passed to another worker");
      return;
    }
    const dead = row.attempts >= maxAttempts;
    const delay = backoffDelay(row.attempts, backoffBaseMs, backoffMaxMs);
    await db
      .update(outbox)
      .set({
        status: dead ? "dead" : "pending",
        lastError: failure.slice(0, 2_000),
        leasedUntil: null,
        nextAttemptAt: new Date(Date.now() + delay),
      })
      .where(mine);
    const line = { outboxId: row.id, kind: row.kind, attempts: row.attempts, err: failure };
    if (dead) log.error(line, "outbox delivery failed for good");
    else log.warn({ ...line, retryInMs: delay }, "outbox delivery failed; will retry");
  }

  async function runBatch(): Promise<number> {
    const rows = await claim();
    for (const row of rows) await deliver(row);
    return rows.length;
  }

  /** Runs a cycle in `ms`, unless one is already due sooner (a wake-up never delays another). */
  function schedule(ms: number) {
    if (stopped) return;
    const at = Date.now() + ms;
    if (timer && timerAt <= at) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      timerAt = Number.POSITIVE_INFINITY;
      void tick();
    }, ms);
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
    async stop(timeoutMs = 5_000) {
      stopped = true;
      clearTimeout(timer);
      unsubscribe?.();
      // Rows still in hand after this are taken over by the next worker when their lease ends.
      await withTimeout(running ?? Promise.resolve(0), timeoutMs).catch(() => {});
    },
  };
}
