import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { findNetwork } from "./find-network.ts";
import { saveNetworkCategoryInput, type SaveNetworkCategoryInput } from "./inputs.ts";
import { networkPolicy } from "./policy.ts";
import { networkCategories } from "./schema.ts";

/**
 * The secretariat names a membership category of its network in each language: a new key adds
 * the category after the others, an existing key renames it (languages left empty are removed).
 */
export async function saveNetworkCategory(ctx: ServiceContext, actor: Actor, slug: string, raw: SaveNetworkCategoryInput): Promise<{ created: boolean }> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, slug);
  authorize(networkPolicy.manageMembers(actor, network), { visible: true });
  const parsed = saveNetworkCategoryInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const { key, names } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(networkCategories)
      .values({
        networkId: network.id,
        key,
        names,
        position: sql`(select coalesce(max(position) + 1, 0) from network_categories where network_id = ${network.id})`,
      })
      .onConflictDoNothing({ target: [networkCategories.networkId, networkCategories.key] })
      .returning({ id: networkCategories.id });
    if (!created) await tx.update(networkCategories).set({ names }).where(and(eq(networkCategories.networkId, network.id), eq(networkCategories.key, key)));
    await recordAuditEvent(tx, {
      kind: "network_category_saved",
      actorUserId: actor.userId,
      organizationId: network.secretariatOrganizationId,
      ipAddress: actor.ipAddress,
      details: { networkId: network.id, key, created: !!created },
    });
    return { created: !!created };
  });
}
