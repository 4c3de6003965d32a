// The matches of one item, computed again after it was posted or edited (the outbox delivers
// "exchange.match" within seconds of the change) or by the full recompute. The item's concepts
// are indexed first; candidates are the items of the other kind that share its strongest concepts
// or one of its themes and that each side may see; each is scored by scoreMatch and the best
// MATCHES_PER_ITEM pairs are written (previous pairs are scored again and kept while still
// eligible: the other side may have found them). A closed, matched or expired item
// loses its pairs: it drops out of every list. Idempotent: delivering twice gives the same rows.
import { eq, or, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../platform/db/client.ts";
import { notify } from "../notifications/notify.ts";
import { itemSummary } from "./find-contact.ts";
import { conceptStats, indexItem } from "./index-item.ts";
import { loadFeatures, MATCHES_PER_ITEM, scoreMatch } from "./matching.ts";
import { exchangeItems, exchangeMatches } from "./schema.ts";

export const matchOutboxKind = "exchange.match";

/** Concepts of the item used to look for candidates, and how common a concept may be to count. */
export const QUERY_CONCEPTS = 24;
export const COMMON_SHARE = 0.15;
/** Of each concept, only the items where it weighs most are read: a word shared by thousands says little about any one of them. */
export const POSTINGS_PER_CONCEPT = 1_000;
export const TEXT_CANDIDATES = 60;
export const THEME_CANDIDATES = 30;

type Row = typeof exchangeItems.$inferSelect;
type ItemRow = Row;

export function isMatchable(item: Pick<Row, "status" | "expiresOn">, today = new Date().toISOString().slice(0, 10)): boolean {
  return (item.status === "open" || item.status === "in_conversation") && item.expiresOn >= today;
}

const uuidArray = (ids: readonly string[]) => `{${ids.join(",")}}`;

/** The networks whose items an organization's people read: active memberships and secretariats. */
export async function networksSeenBy(db: Database, organizationId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select network_id as id from network_memberships where organization_id = ${organizationId} and status = 'active'
        union select id from networks where secretariat_organization_id = ${organizationId}`,
  );
  return rows.map((r) => r.id);
}

/**
 * Items of the other kind that are open, not the organization's own, visible to the item's
 * organization, and whose organization may see the item.
 */
function candidateFilter(item: ItemRow, itemNetworks: string[], seen: string[]) {
  const other = item.kind === "need" ? "offer" : "need";
  return sql`y.kind = ${other} and y.status in ('open', 'in_conversation') and y.expires_on >= current_date
    and y.organization_id <> ${item.organizationId}
    and (y.visibility = 'platform' or exists (select 1 from exchange_item_networks yn where yn.item_id = y.id and yn.network_id = any(${uuidArray(seen)}::uuid[])))
    and (${item.visibility === "platform"}
         or exists (select 1 from network_memberships m where m.organization_id = y.organization_id and m.status = 'active' and m.network_id = any(${uuidArray(itemNetworks)}::uuid[]))
         or exists (select 1 from networks n where n.secretariat_organization_id = y.organization_id and n.id = any(${uuidArray(itemNetworks)}::uuid[])))`;
}

export interface ComputeResult {
  matches: number;
  /** The items newly paired with this one (for notifications). */
  added: string[];
}

export async function computeMatches(db: Database, itemId: string): Promise<ComputeResult> {
  return db.transaction(async (tx) => {
    const [item] = await tx.select().from(exchangeItems).where(eq(exchangeItems.id, itemId)).for("update");
    if (!item) return { matches: 0, added: [] };
    const concepts = await indexItem(tx, itemId, item.texts);
    const side = item.kind === "need" ? exchangeMatches.needId : exchangeMatches.offerId;
    const otherSide = item.kind === "need" ? exchangeMatches.offerId : exchangeMatches.needId;
    const before = new Set((await tx.select({ id: otherSide }).from(exchangeMatches).where(eq(side, itemId))).map((r) => r.id));
    await tx.delete(exchangeMatches).where(eq(side, itemId));
    if (!isMatchable(item)) {
      await tx.update(exchangeItems).set({ matchedRevision: item.revision }).where(eq(exchangeItems.id, itemId));
      return { matches: 0, added: [] };
    }
    const itemNetworks = (await queryRows<{ id: string }>(tx, sql`select network_id as id from exchange_item_networks where item_id = ${itemId}`)).map((r) => r.id);
    const seen = await networksSeenBy(tx, item.organizationId);
    const filter = candidateFilter(item, itemNetworks, seen);
    const stats = await conceptStats(tx, concepts.map((c) => c.key));
    const common = Math.max(50, stats.items * COMMON_SHARE);
    const query = concepts.filter((c) => (stats.frequency.get(c.key) ?? 0) <= common).slice(0, QUERY_CONCEPTS);
    const candidates = new Set<string>();
    if (query.length > 0) {
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`select c.item_id as id
            from unnest(${`{${query.map((c) => `"${c.key}"`).join(",")}}`}::text[], ${`{${query.map((c) => c.weight).join(",")}}`}::real[]) as q(key, weight)
            cross join lateral (select p.item_id, p.weight from exchange_item_concepts p where p.key = q.key order by p.weight desc limit ${POSTINGS_PER_CONCEPT}) c
            join exchange_items y on y.id = c.item_id
            where ${filter}
            group by c.item_id
            order by sum(q.weight * c.weight) desc
            limit ${TEXT_CANDIDATES}`,
      );
      for (const r of rows) candidates.add(r.id);
    }
    if (item.themeIds.length > 0) {
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`select y.id from exchange_items y
            where y.theme_ids && ${`{${item.themeIds.join(",")}}`}::text[] and ${filter}
            order by y.created_at desc limit ${THEME_CANDIDATES}`,
      );
      for (const r of rows) candidates.add(r.id);
    }
    // The item's previous pairs are scored again and kept while both may still be paired and the
    // score still counts: many were found from the other side (this item is among that item's best,
    // not necessarily the reverse), and an edit here must not empty the other item's list.
    const kept = new Set(
      before.size === 0 ? [] : (await queryRows<{ id: string }>(tx, sql`select y.id from exchange_items y where y.id = any(${uuidArray([...before])}::uuid[]) and ${filter}`)).map((r) => r.id),
    );
    const features = await loadFeatures(tx, [itemId, ...candidates, ...kept]);
    const self = features.get(itemId)!;
    const ranked = [...new Set([...candidates, ...kept])]
      .map((id) => scoreMatch(self, features.get(id)!))
      .filter((m) => m !== null)
      .sort((a, b) => b.score - a.score);
    const otherOf = (m: { needId: string; offerId: string }) => (item.kind === "need" ? m.offerId : m.needId);
    const scored = [...ranked.slice(0, MATCHES_PER_ITEM), ...ranked.slice(MATCHES_PER_ITEM).filter((m) => kept.has(otherOf(m)))];
    if (scored.length > 0) {
      await tx
        .insert(exchangeMatches)
        .values(scored.map((m) => ({ needId: m.needId, offerId: m.offerId, score: m.score, explanation: m.explanation })))
        .onConflictDoUpdate({
          target: [exchangeMatches.needId, exchangeMatches.offerId],
          set: { score: sql`excluded.score`, explanation: sql`excluded.explanation`, computedAt: sql`now()` },
        });
    }
    await tx.update(exchangeItems).set({ matchedRevision: item.revision }).where(eq(exchangeItems.id, itemId));
    const others = scored.map((m) => (item.kind === "need" ? m.offerId : m.needId));
    const added = others.filter((id) => !before.has(id));
    await notifyNewMatches(tx, item, added);
    return { matches: scored.length, added };
  });
}

/**
 * The organizations of the items newly paired with this one hear of it ("a new need matches your
 * offer"): each pair once, whichever side was computed first.
 */
async function notifyNewMatches(tx: Database, item: ItemRow, added: string[]): Promise<void> {
  if (added.length === 0) return;
  const summary = await itemSummary(tx, item.id);
  const owners = await queryRows<{ id: string; organization_id: string; texts: Record<string, { title?: string }>; original_language: string }>(
    tx,
    sql`select id, organization_id, texts, original_language from exchange_items where id = any(${uuidArray(added)}::uuid[])`,
  );
  for (const other of owners) {
    const [needId, offerId] = item.kind === "need" ? [item.id, other.id] : [other.id, item.id];
    await notify(tx, {
      kind: "exchange.match",
      key: `exchange.match:${needId}:${offerId}`,
      data: {
        path: `/exchange/${other.id}`,
        titles: summary.titles,
        originalLanguage: summary.originalLanguage,
        itemKind: item.kind,
        organization: summary.organization,
        otherTitles: Object.fromEntries(Object.entries(other.texts).flatMap(([l, t]) => (t?.title ? [[l, t.title]] : []))),
        otherOriginalLanguage: other.original_language,
      },
      audience: { type: "organizations", organizationIds: [other.organization_id] },
      actorUserId: item.createdBy,
      demo: item.demo,
    });
  }
}

/** Drops every pair of an item at once (it was closed or deleted); its recompute follows through the outbox. */
export async function dropMatches(tx: Database, itemId: string): Promise<void> {
  await tx.delete(exchangeMatches).where(or(eq(exchangeMatches.needId, itemId), eq(exchangeMatches.offerId, itemId)));
}
