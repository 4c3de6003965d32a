import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { enqueue } from "../../platform/outbox/enqueue.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { dropMatches, matchOutboxKind } from "./compute-matches.ts";
import { addMonths } from "./content.ts";
import { findItem, readerFor } from "./find.ts";
import { changeItemStatusInput } from "./inputs.ts";
import { exchangePolicy } from "./policy.ts";
import { exchangeItems, type ItemStatus } from "./schema.ts";

/**
 * The organization closes its item, marks it matched (it found what it looked for) or reopens
 * it. A closed or matched item drops out of every list of suggestions at once.
 */
export async function changeItemStatus(ctx: ServiceContext, actor: Actor, id: string, raw: z.input<typeof changeItemStatusInput>): Promise<{ status: ItemStatus }> {
  requireSignedIn(actor);
  const input = parseOrThrow(changeItemStatusInput, raw);
  const { facts } = await findItem(ctx.db, id);
  authorize(exchangePolicy.edit(actor, facts), { visible: exchangePolicy.read(await readerFor(ctx.db, actor), facts) });
  const today = new Date().toISOString().slice(0, 10);
  return ctx.db.transaction(async (tx) => {
    const { item } = await findItem(tx, id, { forUpdate: true });
    let status: ItemStatus;
    let expiresOn = item.expiresOn;
    if (input.action === "reopen") {
      if (item.status === "open") return { status: item.status };
      expiresOn = input.expiresOn ?? (item.expiresOn >= today ? item.expiresOn : addMonths(today, 6));
      if (expiresOn < today || expiresOn > addMonths(today, 24)) throw invalid({ expiresOn: ["i18n:exchange.validation.expiresOn"] });
      status = "open";
    } else {
      if (item.status === "closed" || item.status === "expired") throw new AppError("conflict", "exchange.error.notOpen");
      status = input.action === "close" ? "closed" : "matched";
      if (item.status === status) return { status };
    }
    const revision = item.revision + 1;
    await tx.update(exchangeItems).set({ status, expiresOn, revision, expiryRemindedAt: status === "open" ? null : item.expiryRemindedAt, updatedAt: sql`now()` }).where(eq(exchangeItems.id, id));
    if (status !== "open") await dropMatches(tx, id);
    await enqueue(tx, { kind: matchOutboxKind, payload: { itemId: id, revision }, idempotencyKey: `exchange-match:${id}:${revision}` });
    return { status };
  });
}
