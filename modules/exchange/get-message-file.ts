import { sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { notFound } from "../../platform/errors.ts";
import { filesOf } from "../../platform/storage/file-store.ts";
import type { Actor } from "../organizations/actor.ts";
import { conversationFacts, findConversation } from "./find-contact.ts";
import { exchangePolicy } from "./policy.ts";

/** A file sent in a conversation, for the people of its two organizations only. */
export async function getMessageFile(ctx: ServiceContext, actor: Actor, conversationId: string, fileId: string): Promise<{ bytes: Uint8Array; contentType: string; name: string }> {
  requireSignedIn(actor);
  const conversation = await findConversation(ctx.db, conversationId);
  authorize(exchangePolicy.readConversation(actor, conversationFacts(conversation)), { visible: false });
  const [file] = await queryRows<{ storage_key: string; content_type: string; display_name: string }>(
    ctx.db,
    sql`select f.storage_key, f.content_type, f.display_name from exchange_message_files f join exchange_messages m on m.id = f.message_id
        where f.id = ${fileId} and m.conversation_id = ${conversationId}`,
  );
  if (!file) throw notFound("exchange.error.fileNotFound");
  const bytes = await filesOf(ctx).get(file.storage_key);
  if (!bytes) throw notFound("exchange.error.fileNotFound");
  return { bytes, contentType: file.content_type, name: file.display_name };
}
