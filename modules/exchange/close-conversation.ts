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
  await ctx.db
    .update(exchangeConversations)
    .set({ outcome: input.outcome, outcomeNote: input.note || null, closedBy: actor.userId, closedAt: sql`now()` })
    .where(and(eq(exchangeConversations.id, id), isNull(exchangeConversations.closedAt)));
  return { outcome: input.outcome };
}
