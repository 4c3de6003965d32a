import { and, eq, max } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { findNetwork } from "../networks/find-network.ts";
import { assertUuid } from "../organizations/find-organization.ts";
import type { Actor } from "../organizations/actor.ts";
import { findCall } from "./calls.ts";
import { parseOrThrow } from "./create-practice.ts";
import { decideEntryInput, type DecideEntryInput } from "./inputs.ts";
import { bankPolicy } from "./policy.ts";
import { practiceCallEntries, practiceCollectionItems, practices } from "./schema.ts";

/**
 * The secretariat selects an entry of a call (it joins the call's collection, at the end) or
 * leaves it out (it leaves the collection). Only published practices can be selected: the
 * collection is public. Deciding the same way again changes nothing.
 */
export async function decideCallEntry(
  ctx: ServiceContext,
  actor: Actor,
  networkSlug: string,
  callSlug: string,
  entryId: string,
  raw: DecideEntryInput,
): Promise<{ status: "selected" | "not_selected"; repeated: boolean }> {
  requireSignedIn(actor);
  assertUuid(entryId, "practices.error.entryNotFound");
  const network = await findNetwork(ctx.db, networkSlug);
  authorize(bankPolicy.manage(actor, { networkId: network.id, hosted: network.hosted }));
  const input = parseOrThrow(decideEntryInput, raw);
  const call = await findCall(ctx.db, network.id, callSlug);
  return ctx.db.transaction(async (tx) => {
    const [entry] = await tx
      .select({ id: practiceCallEntries.id, status: practiceCallEntries.status, practiceId: practiceCallEntries.practiceId, published: practices.publishedVersionId })
      .from(practiceCallEntries)
      .innerJoin(practices, eq(practices.id, practiceCallEntries.practiceId))
      .where(and(eq(practiceCallEntries.id, entryId), eq(practiceCallEntries.callId, call.id)))
      .for("update");
    if (!entry) throw notFound("practices.error.entryNotFound");
    if (entry.status === input.status) return { status: input.status, repeated: true };
    if (entry.status === "withdrawn") throw new AppError("conflict", "practices.error.entryWithdrawn");
    if (input.status === "selected" && !entry.published) throw new AppError("conflict", "practices.error.selectUnpublished");
    await tx
      .update(practiceCallEntries)
      .set({ status: input.status, decidedBy: actor.userId, decidedAt: new Date(), note: input.note ?? null })
      .where(eq(practiceCallEntries.id, entry.id));
    if (call.collectionId) {
      if (input.status === "selected") {
        const [last] = await tx
          .select({ position: max(practiceCollectionItems.position) })
          .from(practiceCollectionItems)
          .where(eq(practiceCollectionItems.collectionId, call.collectionId));
        await tx
          .insert(practiceCollectionItems)
          .values({ collectionId: call.collectionId, practiceId: entry.practiceId, position: (last?.position ?? -1) + 1 })
          .onConflictDoNothing();
      } else {
        await tx
          .delete(practiceCollectionItems)
          .where(and(eq(practiceCollectionItems.collectionId, call.collectionId), eq(practiceCollectionItems.practiceId, entry.practiceId)));
      }
    }
    return { status: input.status, repeated: false };
  });
}
