import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { findItem, readerFor } from "./find.ts";
import { dismissMatchInput } from "./inputs.ts";
import { exchangePolicy } from "./policy.ts";
import { exchangeDismissals, exchangeMatches } from "./schema.ts";

/** "Not relevant": the suggestion leaves this person's list for good (undo brings it back). */
export async function dismissMatch(ctx: ServiceContext, actor: Actor, id: string, raw: z.input<typeof dismissMatchInput>, options: { undo?: boolean } = {}): Promise<{ status: "dismissed" | "restored" }> {
  requireSignedIn(actor);
  const input = parseOrThrow(dismissMatchInput, raw);
  const { item, facts } = await findItem(ctx.db, id);
  authorize(exchangePolicy.dismiss(actor, facts), { visible: exchangePolicy.read(await readerFor(ctx.db, actor), facts) });
  if (options.undo) {
    await ctx.db.delete(exchangeDismissals).where(and(eq(exchangeDismissals.userId, actor.userId), eq(exchangeDismissals.itemId, id), eq(exchangeDismissals.otherId, input.other)));
    return { status: "restored" };
  }
  const [need, offer] = item.kind === "need" ? [id, input.other] : [input.other, id];
  const [pair] = await ctx.db.select({ score: exchangeMatches.score }).from(exchangeMatches).where(and(eq(exchangeMatches.needId, need), eq(exchangeMatches.offerId, offer)));
  if (!pair) throw notFound("exchange.error.matchNotFound");
  await ctx.db.insert(exchangeDismissals).values({ userId: actor.userId, itemId: id, otherId: input.other }).onConflictDoNothing();
  return { status: "dismissed" };
}
