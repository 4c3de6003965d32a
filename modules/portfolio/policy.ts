// Who may see an organization's portfolio: everything it takes part in across networks, with the
// names of its people in technical teams (personal data). Its own members and platform
// administrators; default deny.
import { networkPolicy } from "../networks/policy.ts";
import type { Actor } from "../organizations/actor.ts";

export const portfolioPolicy = {
  /** The portfolio page, its printable copy, the CSV export and the API. */
  view: (actor: Actor, organizationId: string) => actor.memberships.has(organizationId) || actor.platformAdmin,
  /** The portfolio offers its focal point to record a network not hosted here (for this organization). */
  recordExternalNetwork: (actor: Actor, organizationId: string) =>
    networkPolicy.recordExternal(actor) && actor.memberships.get(organizationId) === "focal_point",
} as const;
