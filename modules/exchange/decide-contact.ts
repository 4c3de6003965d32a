import { eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import { notify } from "../notifications/notify.ts";
import type { Actor } from "../organizations/actor.ts";
import { findContact, itemSummary, organizationName } from "./find-contact.ts";
import { decideContactInput } from "./inputs.ts";
import { exchangePolicy } from "./policy.ts";
import { exchangeContacts, exchangeConversations, exchangeItems, exchangeMessages } from "./schema.ts";

/**
 * The organization asked accepts (a private conversation opens between the two organizations'
 * people, starting with the request's message; the items concerned are "in conversation") or
 * declines with a reason. The requester's organization is notified. Answering twice changes
 * nothing: the first answer stands.
 */
export async function decideContact(ctx: ServiceContext, actor: Actor, id: string, raw: z.input<typeof decideContactInput>): Promise<{ status: "accepted" | "declined"; conversationId: string | null }> {
  requireSignedIn(actor);
  const input = parseOrThrow(decideContactInput, raw);
  const contact = await findContact(ctx.db, id);
  authorize(exchangePolicy.decideContact(actor, contact), { visible: exchangePolicy.readContact(actor, contact) });
  const summary = await itemSummary(ctx.db, contact.itemId);
  const deciderName = await organizationName(ctx.db, contact.toOrganizationId);
  return ctx.db.transaction(async (tx) => {
    const current = await findContact(tx, id, { forUpdate: true });
    if (current.status !== "requested") {
      const decided = current.status === "accepted" || current.status === "declined" ? current.status : null;
      if (decided === (input.decision === "accept" ? "accepted" : "declined")) {
        const [conversation] = await tx.select({ id: exchangeConversations.id }).from(exchangeConversations).where(eq(exchangeConversations.contactId, id));
        return { status: decided, conversationId: conversation?.id ?? null };
      }
      throw new AppError("conflict", "exchange.error.contactDecided");
    }
    const status = input.decision === "accept" ? "accepted" : "declined";
    await tx
      .update(exchangeContacts)
      .set({ status, decidedBy: actor.userId, decidedAt: sql`now()`, declineReason: status === "declined" ? input.reason || null : null })
      .where(eq(exchangeContacts.id, id));
    let conversationId: string | null = null;
    if (status === "accepted") {
      const [conversation] = await tx
        .insert(exchangeConversations)
        .values({ contactId: id, organizationA: current.fromOrganizationId, organizationB: current.toOrganizationId })
        .returning({ id: exchangeConversations.id });
      conversationId = conversation!.id;
      await tx.insert(exchangeMessages).values({ conversationId, authorUserId: current.requestedBy, authorOrganizationId: current.fromOrganizationId, body: current.message, createdAt: current.createdAt });
      const items = [current.itemId, ...(current.fromItemId ? [current.fromItemId] : [])];
      await tx
        .update(exchangeItems)
        .set({ status: "in_conversation", updatedAt: sql`now()` })
        .where(sql`${inArray(exchangeItems.id, items)} and ${exchangeItems.status} = 'open'`);
    }
    await notify(tx, {
      kind: "exchange.contact_decided",
      key: `exchange.contact_decided:${id}`,
      data: {
        path: conversationId ? `/exchange/conversations/${conversationId}` : `/exchange/contacts/${id}`,
        titles: summary.titles,
        originalLanguage: summary.originalLanguage,
        itemKind: summary.itemKind,
        organization: deciderName,
        decision: status,
        ...(status === "declined" && input.reason ? { excerpt: input.reason.slice(0, 300) } : {}),
      },
      audience: { type: "organizations", organizationIds: [current.fromOrganizationId] },
      actorUserId: actor.userId,
    });
    return { status, conversationId };
  });
}
