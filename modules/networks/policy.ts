// Who may do what with networks and their memberships. Default deny: every rule names who is
// allowed. A hosted network is run by its secretariat (the members of its secretariat
// organization); an external one is kept by the organization that recorded it.
import type { Actor } from "../organizations/actor.ts";
import { canWrite } from "../organizations/actor.ts";

export interface NetworkFacts {
  id: string;
  hosted: boolean;
  recordedByOrganizationId?: string | null;
  /** An external network other organizations have recorded their membership of too. */
  sharedWithOthers?: boolean;
}

const isFocalPointOf = (actor: Actor, organizationId: string | null | undefined) =>
  !!organizationId && actor.memberships.get(organizationId) === "focal_point";
/**
 * The secretariat runs a hosted network. An external one is kept by the organization that
 * recorded it only while no other organization relies on the record: its name, website and logo
 * are then shown in other cities' portfolios, so from then on only administrators edit them.
 */
const runs = (actor: Actor, network: NetworkFacts) =>
  network.hosted
    ? actor.secretariatOf.has(network.id)
    : isFocalPointOf(actor, network.recordedByOrganizationId) && network.sharedWithOthers !== true;

export const networkPolicy = {
  /** The public page, its figures, bodies and current holders; the directory of active members. */
  view: (_actor: Actor, _network: NetworkFacts) => true,
  /** A hosted network is set up by a platform administrator, who names its secretariat. */
  create: (actor: Actor) => canWrite(actor) && actor.platformAdmin,
  /** Any organization's focal point may record a network not hosted here. */
  recordExternal: (actor: Actor) => canWrite(actor) && [...actor.memberships.values()].includes("focal_point"),
  update: (actor: Actor, network: NetworkFacts) => canWrite(actor) && (runs(actor, network) || actor.platformAdmin),
  /**
   * Applicants and members in every status (inactive, suspended, withdrawn, declined), the status
   * history with its reasons. Everyone else sees active members only, with their category.
   */
  seeMembership: (actor: Actor, network: NetworkFacts) => network.hosted && (actor.secretariatOf.has(network.id) || actor.platformAdmin),
  /** Decide applications, change statuses and categories, import members. */
  manageMembers: (actor: Actor, network: NetworkFacts) =>
    canWrite(actor) && network.hosted && (actor.secretariatOf.has(network.id) || actor.platformAdmin),
  /** An organization's focal point applies to a hosted network, or records its membership of an external one. */
  joinFor: (actor: Actor, network: NetworkFacts, organizationId: string) => canWrite(actor) && isFocalPointOf(actor, organizationId),
  /** An organization's own membership (status, history) is seen by its members. */
  seeOwnMembership: (actor: Actor, organizationId: string) => actor.memberships.has(organizationId) || actor.platformAdmin,
  /** The organization leaves (withdraws) or cancels its application. */
  withdrawFor: (actor: Actor, organizationId: string) => canWrite(actor) && isFocalPointOf(actor, organizationId),
} as const;
