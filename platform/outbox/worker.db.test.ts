import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.ts";
import { createTestDatabase } from "../db/testing.ts";
import { createLogger } from "../log.ts";
import { enqueue } from "./enqueue.ts";
import { outbox } from "./schema.ts";
import { backoffDelay, createOutboxWorker, type OutboxRow } from "./worker.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const log = createLogger("silent");
const rowOf = async (id: string) => (await handle.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;

describe("outbox", () => {
  it("is written with the transaction that causes it: a rolled-back change sends nothing", async () => {
    let id = "";
    await expect(
      handle.db.transaction(async (tx) => {
        id = await enqueue(tx as never, { kind: "test.rollback", payload: { n: 1 } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await handle.db.select().from(outbox).where(eq(outbox.id, id))).toEqual([]);
  });

  it("ignores a repeated idempotency key", async () => {
    const a = await enqueue(handle.db, { kind: "test.idem", payload: { n: 1 }, idempotencyKey: "same-request" });
    const b = await enqueue(handle.db, { kind: "test.idem", payload: { n: 2 }, idempotencyKey: "same-request" });
    expect(b).toBe(a);
    expect((await rowOf(a)).payload).toEqual({ n: 1 });
  });

  it("retries a failed delivery with exponential backoff, then marks it dead", async () => {
    const id = await enqueue(handle.db, { kind: "test.flaky", payload: {} });
    let calls = 0;
    const worker = createOutboxWorker({
      db: handle.db,
      log,
      maxAttempts: 3,
      backoffBaseMs: 0,
      handlers: {
        "test.flaky": async () => {
          calls++;
          throw new Error(`refused ${calls}`);
        },
      },
    });
    await worker.runOnce();
    expect(await rowOf(id)).toMatchObject({ status: "pending", attempts: 1, lastError: "refused 1" });
    await worker.runOnce();
    await worker.runOnce();
    expect(await rowOf(id)).toMatchObject({ status: "dead", attempts: 3, lastError: "refused 3" });
    await worker.runOnce();
    expect(calls).toBe(3);
    expect([1, 2, 3, 4, 30].map((n) => backoffDelay(n, 1000, 10_000))).toEqual([1000, 2000, 4000, 8000, 10_000]);
  });

  it("waits for the backoff before trying again", async () => {
    const id = await enqueue(handle.db, { kind: "test.later", payload: {} });
    let ok = false;
    const worker = createOutboxWorker({
      db: handle.db,
      log,
      backoffBaseMs: 60_000,
      handlers: {
        "test.later": async () => {
          if (!ok) throw new Error("not yet");
        },
      },
    });
    await worker.runOnce();
    ok = true;
    await worker.runOnce();
    expect(await rowOf(id)).toMatchObject({ status: "pending", attempts: 1 });
    await handle.db.update(outbox).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(outbox.id, id));
    await worker.runOnce();
    expect(await rowOf(id)).toMatchObject({ status: "done", attempts: 2, lastError: null });
  });

  it("takes over a message whose worker died once its lease runs out, and delivers it once", async () => {
    const id = await enqueue(handle.db, { kind: "test.crash", payload: {} });
    // A worker claims the row and dies before finishing (its lease is left behind).
    await handle.db.update(outbox).set({ leasedBy: "dead-worker", leasedUntil: sql`now() + interval '1 hour'` }).where(eq(outbox.id, id));
    const delivered: string[] = [];
    const worker = createOutboxWorker({ db: handle.db, log, handlers: { "test.crash": async (row) => void delivered.push(row.id) } });
    await worker.runOnce();
    expect(delivered).toEqual([]);
    await handle.db.update(outbox).set({ leasedUntil: sql`now() - interval '1 second'` }).where(eq(outbox.id, id));
    await worker.runOnce();
    await worker.runOnce();
    expect(delivered).toEqual([id]);
    expect((await rowOf(id)).status).toBe("done");
  });

  it("counts a hanging delivery as failed, and gives up on a message whose attempts never finish", async () => {
    const hung = await enqueue(handle.db, { kind: "test.hang", payload: {} });
    const worker = createOutboxWorker({
      db: handle.db,
      log,
      handlerTimeoutMs: 50,
      backoffBaseMs: 0,
      maxAttempts: 2,
      handlers: { "test.hang": () => new Promise(() => {}) },
    });
    await worker.runOnce();
    expect(await rowOf(hung)).toMatchObject({ status: "pending", attempts: 1, lastError: "no answer within 50 ms" });
    // A message whose worker dies mid-delivery each time (the lease left behind, never finished).
    const poison = await enqueue(handle.db, { kind: "test.poison", payload: {} });
    await handle.db.update(outbox).set({ attempts: 2, leasedBy: "crashed", leasedUntil: sql`now() - interval '1 second'` }).where(eq(outbox.id, poison));
    await worker.runOnce();
    expect(await rowOf(poison)).toMatchObject({ status: "dead", lastError: "gave up: no attempt finished" });
  });

  it("delivers each message once when several workers run at the same time", async () => {
    const ids = await Promise.all(Array.from({ length: 25 }, (_, n) => enqueue(handle.db, { kind: "test.many", payload: { n } })));
    const seen: string[] = [];
    const handler = async (row: OutboxRow) => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      seen.push(row.id);
    };
    const workers = [1, 2, 3].map((n) => createOutboxWorker({ db: handle.db, log, batchSize: 4, workerId: `w${n}`, handlers: { "test.many": handler } }));
    for (let round = 0; round < 10; round++) await Promise.all(workers.map((w) => w.runOnce()));
    expect(seen.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
  });

  it("runs in the background after start, woken by new messages, and stops cleanly", async () => {
    const delivered: string[] = [];
    const worker = createOutboxWorker({ db: handle.db, log, pollMs: 60_000, handlers: { "test.bg": async (row) => void delivered.push(row.id) } });
    worker.start();
    const id = await enqueue(handle.db, { kind: "test.bg", payload: {} });
    await expect.poll(() => delivered, { timeout: 5_000 }).toEqual([id]);
    await worker.stop();
  });
});
