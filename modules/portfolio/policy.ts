// Who may see an organization's portfolio: everything it takes part in across networks, with the
// names of its people in technical teams (personal data). Its own members and platform
// administrators; default deny.
import type { Actor } from "../organizations/actor.ts";

export const portfolioPolicy = {
  /** The portfolio page, its printable copy, the CSV export and the API. */
  view: (actor: Actor, organizationId: string) => actor.memberships.has(organizationId) || actor.platformAdmin,
} as const;
