import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import { checkUpload } from "../../platform/storage/check-upload.ts";
import { filesOf, newStorageKey } from "../../platform/storage/file-store.ts";
import { notify } from "../notifications/notify.ts";
import type { Actor } from "../organizations/actor.ts";
import { conversationFacts, findConversation, organizationName } from "./find-contact.ts";
import { postMessageInput } from "./inputs.ts";
import { exchangePolicy } from "./policy.ts";
import { exchangeConversationReads, exchangeConversations, exchangeMessageFiles, exchangeMessages } from "./schema.ts";

export const maxMessageFileBytes = 10 * 1024 * 1024;
export const maxMessageFiles = 5;

/**
 * A person of either organization writes in the conversation, with attachments checked by content
 * (images and documents, 10 MB each). The other organization's people are notified. A retried
 * post with the same idempotency key adds nothing.
 */
export async function postMessage(
  ctx: ServiceContext,
  actor: Actor,
  conversationId: string,
  raw: z.input<typeof postMessageInput>,
  files: { bytes: Uint8Array; name: string }[] = [],
): Promise<{ id: string; repeated: boolean }> {
  requireSignedIn(actor);
  const input = parseOrThrow(postMessageInput, raw);
  const conversation = await findConversation(ctx.db, conversationId);
  const facts = conversationFacts(conversation);
  authorize(exchangePolicy.writeConversation(actor, facts), { visible: exchangePolicy.readConversation(actor, facts) });
  const userId = actor.userId;
  if (input.idempotencyKey) {
    const [first] = await ctx.db.select({ id: exchangeMessages.id }).from(exchangeMessages).where(and(eq(exchangeMessages.authorUserId, userId), eq(exchangeMessages.creationKey, input.idempotencyKey)));
    if (first) return { id: first.id, repeated: true };
  }
  if (files.length > maxMessageFiles) throw invalid({ files: ["i18n:exchange.validation.tooManyFiles"] });
  const authorOrganizationId = actor.memberships.has(conversation.organizationA) ? conversation.organizationA : conversation.organizationB;
  const otherOrganizationId = authorOrganizationId === conversation.organizationA ? conversation.organizationB : conversation.organizationA;
  // Files are checked and stored first: a refused file loses nothing of the conversation.
  const stored: (typeof exchangeMessageFiles.$inferInsert)[] = [];
  for (const file of files) {
    const checked = await checkUpload(file.bytes, file.name, { kinds: ["image", "document"], maxBytes: maxMessageFileBytes }, "files");
    const storageKey = newStorageKey(checked.extension);
    await filesOf(ctx).put(storageKey, checked.bytes, checked.contentType);
    stored.push({ messageId: "", storageKey, contentType: checked.contentType, bytes: checked.bytes.length, displayName: checked.displayName });
  }
  const from = await organizationName(ctx.db, authorOrganizationId);
  return ctx.db.transaction(async (tx) => {
    const [message] = await tx
      .insert(exchangeMessages)
      .values({ conversationId, authorUserId: userId, authorOrganizationId, body: input.body, creationKey: input.idempotencyKey ?? null })
      .onConflictDoNothing()
      .returning({ id: exchangeMessages.id, createdAt: exchangeMessages.createdAt });
    if (!message) {
      const [first] = await tx.select({ id: exchangeMessages.id }).from(exchangeMessages).where(and(eq(exchangeMessages.authorUserId, userId), eq(exchangeMessages.creationKey, input.idempotencyKey!)));
      return { id: first!.id, repeated: true };
    }
    if (stored.length) await tx.insert(exchangeMessageFiles).values(stored.map((f) => ({ ...f, messageId: message.id })));
    await tx.update(exchangeConversations).set({ lastMessageAt: message.createdAt }).where(eq(exchangeConversations.id, conversationId));
    // The author has read what they wrote.
    await tx
      .insert(exchangeConversationReads)
      .values({ conversationId, userId, lastReadAt: message.createdAt })
      .onConflictDoUpdate({ target: [exchangeConversationReads.conversationId, exchangeConversationReads.userId], set: { lastReadAt: sql`greatest(${exchangeConversationReads.lastReadAt}, excluded.last_read_at)` } });
    await notify(tx, {
      kind: "exchange.message",
      key: `exchange.message:${message.id}`,
      data: { path: `/exchange/conversations/${conversationId}`, organization: from, excerpt: input.body.slice(0, 300) },
      audience: { type: "organizations", organizationIds: [otherOrganizationId] },
      actorUserId: userId,
    });
    return { id: message.id, repeated: false };
  });
}
