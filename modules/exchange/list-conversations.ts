import { sql } from "drizzle-orm";
import { requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import type { Actor } from "../organizations/actor.ts";
import type { ContactStatus, ConversationOutcome } from "./schema.ts";

export interface ConversationSummary {
  id: string;
  itemTitle: string;
  otherOrganization: string;
  lastMessageAt: string;
  unread: number;
  open: boolean;
  outcome: ConversationOutcome | null;
}

export interface ContactSummary {
  id: string;
  direction: "incoming" | "outgoing";
  itemId: string;
  itemTitle: string;
  otherOrganization: string;
  message: string;
  status: ContactStatus;
  declineReason: string | null;
  createdAt: string;
  conversationId: string | null;
}

const orgArray = (actor: Actor) => `{${[...actor.memberships.keys()].join(",")}}`;
type Texts = Record<string, { title?: string }>;
const titleOf = (texts: Texts, original: string, locale: Locale) =>
  localizedText(Object.fromEntries(Object.entries(texts).flatMap(([l, t]) => (t?.title ? [[l, t.title]] : []))) as Translated, locale, original);

/** The conversations of the person's organizations, the latest first, with their unread messages. */
export async function listConversations(ctx: ServiceContext, actor: Actor, locale: Locale): Promise<ConversationSummary[]> {
  requireSignedIn(actor);
  if (actor.memberships.size === 0) return [];
  const rows = await queryRows<{ id: string; texts: Texts; original_language: string; other: string; last_message_at: Date | string; unread: number; closed_at: Date | null; outcome: ConversationOutcome | null }>(
    ctx.db,
    sql`select c.id, i.texts, i.original_language, o.name as other, c.last_message_at, c.closed_at, c.outcome,
               (select count(*) from exchange_messages m where m.conversation_id = c.id and m.author_user_id is distinct from ${actor.userId}
                  and m.created_at > coalesce((select r.last_read_at from exchange_conversation_reads r where r.conversation_id = c.id and r.user_id = ${actor.userId}), '-infinity'))::int as unread
        from exchange_conversations c
        join exchange_contacts k on k.id = c.contact_id
        join exchange_items i on i.id = k.item_id
        join organizations o on o.id = case when c.organization_a = any(${orgArray(actor)}::uuid[]) then c.organization_b else c.organization_a end
        where c.organization_a = any(${orgArray(actor)}::uuid[]) or c.organization_b = any(${orgArray(actor)}::uuid[])
        order by c.last_message_at desc limit 200`,
  );
  return rows.map((r) => ({
    id: r.id,
    itemTitle: titleOf(r.texts, r.original_language, locale),
    otherOrganization: r.other,
    lastMessageAt: new Date(r.last_message_at).toISOString(),
    unread: Number(r.unread),
    open: r.closed_at === null,
    outcome: r.outcome,
  }));
}

/** Contact requests the person's organizations made or received, the latest first. */
export async function listContacts(ctx: ServiceContext, actor: Actor, locale: Locale, only?: string): Promise<ContactSummary[]> {
  requireSignedIn(actor);
  if (actor.memberships.size === 0) return [];
  const rows = await queryRows<{
    id: string;
    incoming: boolean;
    item_id: string;
    texts: Texts;
    original_language: string;
    other: string;
    message: string;
    status: ContactStatus;
    decline_reason: string | null;
    created_at: Date | string;
    conversation_id: string | null;
  }>(
    ctx.db,
    sql`select k.id, k.to_organization_id = any(${orgArray(actor)}::uuid[]) as incoming, k.item_id, i.texts, i.original_language,
               o.name as other, k.message, k.status, k.decline_reason, k.created_at, c.id as conversation_id
        from exchange_contacts k
        join exchange_items i on i.id = k.item_id
        join organizations o on o.id = case when k.to_organization_id = any(${orgArray(actor)}::uuid[]) then k.from_organization_id else k.to_organization_id end
        left join exchange_conversations c on c.contact_id = k.id
        where (k.from_organization_id = any(${orgArray(actor)}::uuid[]) or k.to_organization_id = any(${orgArray(actor)}::uuid[]))
          ${only ? sql`and k.id = ${only}` : sql``}
        order by k.created_at desc limit 200`,
  );
  return rows.map((r) => ({
    id: r.id,
    direction: r.incoming ? "incoming" : "outgoing",
    itemId: r.item_id,
    itemTitle: titleOf(r.texts, r.original_language, locale),
    otherOrganization: r.other,
    message: r.message,
    status: r.status,
    declineReason: r.decline_reason,
    createdAt: new Date(r.created_at).toISOString(),
    conversationId: r.conversation_id,
  }));
}
