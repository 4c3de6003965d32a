import { and, desc, eq } from "drizzle-orm";
import { authorize } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { factsOf } from "./find.ts";
import { holdingCondition, type RoleView, selectRoles } from "./list-roles.ts";
import { governancePolicy } from "./policy.ts";
import { networkBodies, networkRoles } from "./schema.ts";

export interface HistoryEntry extends RoleView {
  /** For the sentence "Coordinated Culture 2022–2023" (governance.history.*). */
  fromYear: number;
  toYear: number;
}

/** Past roles as the history sentences show them: the years a role was held. */
export function asHistory(roles: readonly RoleView[]): HistoryEntry[] {
  return roles.map((r) => ({ ...r, fromYear: Number(r.startsOn.slice(0, 4)), toYear: Number((r.endsOn ?? r.startsOn).slice(0, 4)) }));
}

/**
 * The roles that ended, most recent first: of a body, of an organization, or of both in the
 * network. Public, like the bodies and their holders.
 */
export async function listRoleHistory(
  ctx: ServiceContext,
  actor: Actor,
  networkSlug: string,
  filter: { body?: string; organization?: string },
  locale: Locale,
): Promise<HistoryEntry[]> {
  const network = await findNetwork(ctx.db, networkSlug);
  authorize(governancePolicy.view(actor, factsOf(network)), { visible: false });
  const roles = await selectRoles(
    ctx.db,
    and(
      eq(networkRoles.networkId, network.id),
      holdingCondition("past"),
      filter.body ? eq(networkBodies.slug, filter.body) : undefined,
      filter.organization ? eq(organizations.slug, filter.organization) : undefined,
    ),
    locale,
    [desc(networkRoles.endsOn), desc(networkRoles.startsOn)],
  );
  return asHistory(roles);
}
