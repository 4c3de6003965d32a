import { eq, isNull, and, sql } from "drizzle-orm";
import type { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { conversationFacts, findConversation } from "./find-contact.ts";
import { closeConversationInput } from "./inputs.ts";
import { exchangePolicy } from "./policy.ts";
import { exchangeConversations } from "./schema.ts";

/** Either organization closes the conversation with its outcome (counted on the networks' pages). */
export async function closeConversation(ctx: ServiceContext, actor: Actor, id: string, raw: z.input<typeof closeConversationInput>): Promise<{ outcome: string }> {
  requireSignedIn(actor);
  const input = parseOrThrow(closeConversationInput, raw);
  const conversation = await findConversation(ctx.db, id);
  const facts = conversationFacts(conversation);
  authorize(exchangePolicy.readConversation(actor, facts), { visible: false });
  if (!facts.open) {
    if (conversation.outcome === input.outcome) return { outcome: input.outcome };
    throw new AppError("conflict", "exchange.error.conversationClosed");
  }
  authorize(exchangePolicy.writeConversation(actor, facts));
  await ctx.db.transaction(async (tx) => {
    const [closed] = await tx
      .update(exchangeConversations)
      .set({ outcome: input.outcome, outcomeNote: input.note || null, closedBy: actor.userId, closedAt: sql`now()` })
      .where(and(eq(exchangeConversations.id, id), isNull(exchangeConversations.closedAt)))
      .returning({ contactId: exchangeConversations.contactId });
    if (!closed) return;
    // The items it was about are open again unless another open conversation is about them; marking
    // one matched or closed stays its organization's choice (an offer can serve several cities).
    await tx.execute(sql`update exchange_items i set status = 'open', updated_at = now()
      from exchange_contacts c
      where c.id = ${closed.contactId} and i.id in (c.item_id, c.from_item_id) and i.status = 'in_conversation'
        and not exists (select 1 from exchange_conversations oc join exchange_contacts occ on occ.id = oc.contact_id
                        where oc.closed_at is null and i.id in (occ.item_id, occ.from_item_id))`);
  });
  return { outcome: input.outcome };
}
