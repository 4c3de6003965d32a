// Finding an offer or a need with the facts its policy decides from, and the networks whose
// items a person reads.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { notFound } from "../../platform/errors.ts";
import { networkMemberships } from "../networks/schema.ts";
import type { Actor } from "../organizations/actor.ts";
import type { ItemFacts, Reader } from "./policy.ts";
import { exchangeItemNetworks, exchangeItems } from "./schema.ts";

export type ItemRow = typeof exchangeItems.$inferSelect;

export interface ItemRecord {
  item: ItemRow;
  networkIds: string[];
  facts: ItemFacts;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The item with this id and its networks, or "not found". */
export async function findItem(db: Database, id: string, options: { forUpdate?: boolean } = {}): Promise<ItemRecord> {
  if (!uuidPattern.test(id)) throw notFound("exchange.error.notFound");
  const query = db.select().from(exchangeItems).where(eq(exchangeItems.id, id));
  const [item] = options.forUpdate ? await query.for("update") : await query;
  if (!item) throw notFound("exchange.error.notFound");
  const networkIds = (await db.select({ id: exchangeItemNetworks.networkId }).from(exchangeItemNetworks).where(eq(exchangeItemNetworks.itemId, id))).map((r) => r.id);
  return { item, networkIds, facts: { organizationId: item.organizationId, visibility: item.visibility, networkIds } };
}

/** The networks an organization is an active member of. */
export async function activeNetworksOf(db: Database, organizationIds: readonly string[]): Promise<Set<string>> {
  if (organizationIds.length === 0) return new Set();
  const rows = await db
    .select({ id: networkMemberships.networkId })
    .from(networkMemberships)
    .where(and(inArray(networkMemberships.organizationId, [...organizationIds]), eq(networkMemberships.status, "active")));
  return new Set(rows.map((r) => r.id));
}

/** The actor with the networks whose members' items they read. */
export async function readerFor(db: Database, actor: Actor): Promise<Reader> {
  const networkIds = await activeNetworksOf(db, [...actor.memberships.keys()]);
  for (const id of actor.secretariatOf) networkIds.add(id);
  return { actor, networkIds };
}
