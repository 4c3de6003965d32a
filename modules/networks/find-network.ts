import { getTableColumns, eq } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { notFound } from "../../platform/errors.ts";
import { networks } from "./schema.ts";

const { logo: _logo, ...columns } = getTableColumns(networks);

/** A network's row without its logo bytes. */
export type NetworkRow = Omit<typeof networks.$inferSelect, "logo">;

/** The network with this slug, or "not found". Use cases check their policy on what it returns. */
export async function findNetwork(db: Database, slug: string): Promise<NetworkRow> {
  const [network] = await db.select(columns).from(networks).where(eq(networks.slug, slug));
  if (!network) throw notFound("error.network.notFound");
  return network;
}
