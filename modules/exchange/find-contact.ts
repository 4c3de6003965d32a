// Finding a contact request or a conversation with the facts their policy decides from, and what
// notifications say about an item.
import { eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../platform/db/client.ts";
import { notFound } from "../../platform/errors.ts";
import type { Translated } from "../../platform/i18n/locales.ts";
import { exchangeContacts, exchangeConversations } from "./schema.ts";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ContactRow = typeof exchangeContacts.$inferSelect;
export type ConversationRow = typeof exchangeConversations.$inferSelect;

export async function findContact(db: Database, id: string, options: { forUpdate?: boolean } = {}): Promise<ContactRow> {
  if (!uuidPattern.test(id)) throw notFound("exchange.error.contactNotFound");
  const query = db.select().from(exchangeContacts).where(eq(exchangeContacts.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound("exchange.error.contactNotFound");
  return row;
}

export async function findConversation(db: Database, id: string): Promise<ConversationRow> {
  if (!uuidPattern.test(id)) throw notFound("exchange.error.conversationNotFound");
  const [row] = await db.select().from(exchangeConversations).where(eq(exchangeConversations.id, id));
  if (!row) throw notFound("exchange.error.conversationNotFound");
  return row;
}

export const conversationFacts = (c: ConversationRow) => ({ organizationA: c.organizationA, organizationB: c.organizationB, open: c.closedAt === null });

/** An item's titles per language, original language, kind and organization: what notifications carry. */
export async function itemSummary(db: Database, itemId: string): Promise<{ titles: Translated; originalLanguage: string; itemKind: string; organization: string }> {
  const [row] = await queryRows<{ texts: Record<string, { title?: string }>; original_language: string; kind: string; name: string }>(
    db,
    sql`select i.texts, i.original_language, i.kind, o.name from exchange_items i join organizations o on o.id = i.organization_id where i.id = ${itemId}`,
  );
  if (!row) throw notFound("exchange.error.notFound");
  const titles = Object.fromEntries(Object.entries(row.texts).flatMap(([l, t]) => (t?.title ? [[l, t.title]] : []))) as Translated;
  return { titles, originalLanguage: row.original_language, itemKind: row.kind, organization: row.name };
}

export async function organizationName(db: Database, id: string): Promise<string> {
  const [row] = await queryRows<{ name: string }>(db, sql`select name from organizations where id = ${id}`);
  return row?.name ?? "";
}
