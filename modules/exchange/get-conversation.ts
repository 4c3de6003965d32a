import { sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { authorLabel } from "../organizations/author-label.ts";
import type { Actor } from "../organizations/actor.ts";
import { conversationFacts, findConversation, itemSummary } from "./find-contact.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import { exchangePolicy } from "./policy.ts";
import type { ConversationOutcome } from "./schema.ts";

export interface ConversationView {
  id: string;
  item: { id: string; title: string; kind: string };
  organizations: { slug: string; name: string; own: boolean }[];
  messages: { id: string; author: string; organization: string; own: boolean; body: string; createdAt: string; files: { id: string; name: string; bytes: number; contentType: string }[]; unread: boolean }[];
  open: boolean;
  outcome: ConversationOutcome | null;
  outcomeNote: string | null;
  closedAt: string | null;
}

/** A conversation with its messages, for its two organizations' people only; reading it marks it read. */
export async function getConversation(ctx: ServiceContext, actor: Actor, id: string, locale: Locale): Promise<ConversationView> {
  requireSignedIn(actor);
  const t = createTranslator(locale, catalogs[locale]);
  const conversation = await findConversation(ctx.db, id);
  authorize(exchangePolicy.readConversation(actor, conversationFacts(conversation)), { visible: false });
  const [contact] = await queryRows<{ item_id: string }>(ctx.db, sql`select item_id from exchange_contacts where id = ${conversation.contactId}`);
  const summary = await itemSummary(ctx.db, contact!.item_id);
  const orgs = await queryRows<{ id: string; slug: string; name: string }>(
    ctx.db,
    sql`select id, slug, name from organizations where id in (${conversation.organizationA}, ${conversation.organizationB})`,
  );
  const [read] = await queryRows<{ last_read_at: Date | string }>(ctx.db, sql`select last_read_at from exchange_conversation_reads where conversation_id = ${id} and user_id = ${actor.userId}`);
  const lastRead = read ? new Date(read.last_read_at).getTime() : 0;
  const messages = await queryRows<{ id: string; author_user_id: string | null; author_name: string | null; author_organization_id: string; org_name: string; body: string; created_at: Date | string }>(
    ctx.db,
    sql`select m.id, m.author_user_id, u.name as author_name, m.author_organization_id, o.name as org_name, m.body, m.created_at
        from exchange_messages m left join users u on u.id = m.author_user_id join organizations o on o.id = m.author_organization_id
        where m.conversation_id = ${id} order by m.created_at, m.id`,
  );
  const files = messages.length
    ? await queryRows<{ id: string; message_id: string; display_name: string; bytes: number; content_type: string }>(
        ctx.db,
        sql`select id, message_id, display_name, bytes, content_type from exchange_message_files where message_id = any(${`{${messages.map((m) => m.id).join(",")}}`}::uuid[]) order by display_name`,
      )
    : [];
  // Read up to the newest message shown (one written meanwhile stays unread).
  // (Taken from the row itself: a JavaScript date would lose PostgreSQL's microseconds.)
  const newest = messages[messages.length - 1];
  if (newest) {
    await ctx.db.execute(sql`insert into exchange_conversation_reads (conversation_id, user_id, last_read_at)
                             select ${id}, ${actor.userId}, created_at from exchange_messages where id = ${newest.id}
                             on conflict (conversation_id, user_id) do update set last_read_at = greatest(exchange_conversation_reads.last_read_at, excluded.last_read_at)`);
  }
  return {
    id,
    item: { id: contact!.item_id, title: localizedText(summary.titles, locale, summary.originalLanguage), kind: summary.itemKind },
    organizations: orgs.map((o) => ({ slug: o.slug, name: o.name, own: actor.memberships.has(o.id) })),
    messages: messages.map((m) => ({
      id: m.id,
      author: authorLabel({ authorName: m.author_name, organizationName: m.org_name }, t),
      organization: m.org_name,
      own: actor.memberships.has(m.author_organization_id),
      body: m.body,
      createdAt: new Date(m.created_at).toISOString(),
      files: files.filter((f) => f.message_id === m.id).map((f) => ({ id: f.id, name: f.display_name, bytes: Number(f.bytes), contentType: f.content_type })),
      unread: new Date(m.created_at).getTime() > lastRead && m.author_user_id !== actor.userId,
    })),
    open: conversation.closedAt === null,
    outcome: conversation.outcome,
    outcomeNote: conversation.outcomeNote,
    closedAt: conversation.closedAt ? conversation.closedAt.toISOString() : null,
  };
}
