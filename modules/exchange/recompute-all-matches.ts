// Every item's concepts and matches computed again: after an import, or after the matching
// itself changed. Concepts first (so every item is weighed with the same rarities), then the
// matches of each open item, a batch at a time; the outbox's own deliveries may run alongside
// (both are idempotent).
import { asc, gt } from "drizzle-orm";
import { authorize } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Database } from "../../platform/db/client.ts";
import type { Actor } from "../organizations/actor.ts";
import { computeMatches } from "./compute-matches.ts";
import { indexItem } from "./index-item.ts";
import { exchangeItems } from "./schema.ts";
import { exchangePolicy } from "./policy.ts";

export interface RecomputeReport {
  items: number;
  matched: number;
  pairs: number;
  seconds: number;
}

const BATCH = 500;

/** The whole recompute, for the command line and benchmarks (no actor: the operator). */
export async function recomputeEverything(db: Database, onProgress?: (done: number) => void): Promise<RecomputeReport> {
  const started = performance.now();
  let items = 0;
  for (let after = ""; ; ) {
    const batch = await db
      .select({ id: exchangeItems.id, texts: exchangeItems.texts })
      .from(exchangeItems)
      .where(after ? gt(exchangeItems.id, after) : undefined)
      .orderBy(asc(exchangeItems.id))
      .limit(BATCH);
    if (batch.length === 0) break;
    await db.transaction(async (tx) => {
      for (const item of batch) await indexItem(tx, item.id, item.texts);
    });
    items += batch.length;
    after = batch[batch.length - 1]!.id;
  }
  let matched = 0;
  let pairs = 0;
  for (let after = ""; ; ) {
    const batch = await db
      .select({ id: exchangeItems.id })
      .from(exchangeItems)
      .where(after ? gt(exchangeItems.id, after) : undefined)
      .orderBy(asc(exchangeItems.id))
      .limit(BATCH);
    if (batch.length === 0) break;
    for (const item of batch) {
      const result = await computeMatches(db, item.id);
      matched++;
      pairs += result.matches;
    }
    onProgress?.(matched);
    after = batch[batch.length - 1]!.id;
  }
  return { items, matched, pairs, seconds: (performance.now() - started) / 1000 };
}

/** An administrator recomputes everything. */
export async function recomputeAllMatches(ctx: ServiceContext, actor: Actor): Promise<RecomputeReport> {
  authorize(exchangePolicy.recompute(actor));
  return recomputeEverything(ctx.db);
}
