import { eq } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { networks } from "./schema.ts";

export interface NetworkLogo {
  bytes: Uint8Array;
  type: string;
  updatedAt: Date;
}

/** A network's logo (public, like the network's page), or not found when it has none. */
export async function getNetworkLogo(ctx: ServiceContext, slug: string): Promise<NetworkLogo> {
  const [row] = await ctx.db
    .select({ bytes: networks.logo, type: networks.logoType, updatedAt: networks.logoUpdatedAt })
    .from(networks)
    .where(eq(networks.slug, slug));
  if (!row?.bytes || !row.type || !row.updatedAt) throw notFound("error.network.noLogo");
  return { bytes: row.bytes, type: row.type, updatedAt: row.updatedAt };
}
