import { eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { enqueue } from "../../platform/outbox/enqueue.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { matchOutboxKind } from "./compute-matches.ts";
import { checkItemContent } from "./content.ts";
import { findItem, readerFor } from "./find.ts";
import { updateItemInput, type UpdateItemInput } from "./inputs.ts";
import { exchangePolicy } from "./policy.ts";
import { exchangeItemNetworks, exchangeItems } from "./schema.ts";

/**
 * The organization edits its item. An edit made from an older revision is refused (409): two
 * people editing at once never overwrite each other silently. Its matches follow through the outbox.
 */
export async function updateItem(ctx: ServiceContext, actor: Actor, id: string, raw: UpdateItemInput): Promise<{ revision: number }> {
  requireSignedIn(actor);
  const input = parseOrThrow(updateItemInput, raw);
  const { facts, item: before } = await findItem(ctx.db, id);
  authorize(exchangePolicy.edit(actor, facts), { visible: exchangePolicy.read(await readerFor(ctx.db, actor), facts) });
  const values = await checkItemContent(ctx.db, before.organizationId, input, before.contactUserId ?? actor.userId);
  return ctx.db.transaction(async (tx) => {
    const { item } = await findItem(tx, id, { forUpdate: true });
    if (item.revision !== input.revision) throw new AppError("conflict", "exchange.error.staleRevision");
    const { networkIds, ...columns } = values;
    const revision = item.revision + 1;
    // A new expiry date deserves its own reminder.
    const reminded = columns.expiresOn === item.expiresOn ? {} : { expiryRemindedAt: null };
    await tx.update(exchangeItems).set({ ...columns, ...reminded, revision, updatedAt: sql`now()` }).where(eq(exchangeItems.id, id));
    await tx.delete(exchangeItemNetworks).where(eq(exchangeItemNetworks.itemId, id));
    if (networkIds.length > 0) await tx.insert(exchangeItemNetworks).values(networkIds.map((networkId) => ({ itemId: id, networkId })));
    await enqueue(tx, { kind: matchOutboxKind, payload: { itemId: id, revision }, idempotencyKey: `exchange-match:${id}:${revision}` });
    return { revision };
  });
}
