import { and, asc, eq, exists, or } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { networkMemberships, networks } from "../networks/schema.ts";
import type { Actor } from "../organizations/actor.ts";

/**
 * The banks the actor may write a practice for: hosted networks the organization they act for is
 * an active member of (or runs as secretariat). Empty for anyone acting for no organization.
 */
export async function listPracticeBanks(ctx: ServiceContext, actor: Actor, locale: Locale): Promise<{ slug: string; name: string }[]> {
  const organizationId = actor.actingOrganizationId;
  if (actor.userId === null || !organizationId) return [];
  const rows = await ctx.db
    .select({ slug: networks.slug, name: networks.name, names: networks.names })
    .from(networks)
    .where(
      and(
        eq(networks.hosted, true),
        or(
          eq(networks.secretariatOrganizationId, organizationId),
          exists(
            ctx.db
              .select({ id: networkMemberships.networkId })
              .from(networkMemberships)
              .where(and(eq(networkMemberships.networkId, networks.id), eq(networkMemberships.organizationId, organizationId), eq(networkMemberships.status, "active"))),
          ),
        ),
      ),
    )
    .orderBy(asc(networks.name));
  return rows.map((r) => ({ slug: r.slug, name: r.names[locale] ?? r.name }));
}
