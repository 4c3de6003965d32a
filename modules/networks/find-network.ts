import { eq, getTableColumns, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { notFound } from "../../platform/errors.ts";
import { networks } from "./schema.ts";

const { logo: _logo, ...columns } = getTableColumns(networks);

/**
 * A network's row without its logo bytes, and whether organizations other than the one that
 * recorded it (external networks) are active members of it too.
 */
export type NetworkRow = Omit<typeof networks.$inferSelect, "logo"> & { sharedWithOthers: boolean };

/** The network with this slug, or "not found". Use cases check their policy on what it returns. */
export async function findNetwork(db: Database, slug: string): Promise<NetworkRow> {
  const [network] = await db
    .select({
      ...columns,
      sharedWithOthers: sql<boolean>`exists (select 1 from network_memberships m
        where m.network_id = "networks"."id" and m.status = 'active'
          and m.organization_id is distinct from "networks"."recorded_by_organization_id")`,
    })
    .from(networks)
    .where(eq(networks.slug, slug));
  if (!network) throw notFound("error.network.notFound");
  return network;
}
