// Who may do what with a network's bodies, terms, roles, candidacies and technical teams.
// Default deny. In a hosted network the secretariat keeps the bodies and terms and records the
// decisions of the assembly or council. In an external network the recording organization keeps
// the bodies and terms only: each member organization records and ends its own roles (a platform
// administrator may correct them), and nobody but a hosted network's secretariat or an
// administrator documents a role with a source (that marks real data).
import type { Actor } from "../organizations/actor.ts";
import { canWrite } from "../organizations/actor.ts";
import type { NetworkFacts } from "../networks/policy.ts";

const isFocalPointOf = (actor: Actor, organizationId: string) => actor.memberships.get(organizationId) === "focal_point";
const keeps = (actor: Actor, network: NetworkFacts) =>
  actor.platformAdmin ||
  (network.hosted ? actor.secretariatOf.has(network.id) : !!network.recordedByOrganizationId && isFocalPointOf(actor, network.recordedByOrganizationId));

export const governancePolicy = {
  /** Bodies, their current holders and the history of roles are public. */
  view: (_actor: Actor, _network: NetworkFacts) => true,
  /** Create and edit bodies, seats and terms (in a hosted network, also assign and end roles: see writeRole). */
  manage: (actor: Actor, network: NetworkFacts) => canWrite(actor) && keeps(actor, network),
  /**
   * Record or end an organization's role: in a hosted network its secretariat; in an external one
   * only the organization itself (its focal point) — never the recording organization for another.
   * A platform administrator in both.
   */
  writeRole: (actor: Actor, network: NetworkFacts, organizationId: string) =>
    canWrite(actor) && (actor.platformAdmin || (network.hosted ? actor.secretariatOf.has(network.id) : isFocalPointOf(actor, organizationId))),
  /** Record or end any organization's roles (a hosted network's secretariat, an administrator). */
  writeAnyRole: (actor: Actor, network: NetworkFacts) => canWrite(actor) && (actor.platformAdmin || (network.hosted && actor.secretariatOf.has(network.id))),
  /** Give where a role is documented (a source link marks it as real data). */
  documentRole: (actor: Actor, network: NetworkFacts) => canWrite(actor) && (actor.platformAdmin || (network.hosted && actor.secretariatOf.has(network.id))),
  /** A unit's coordinators edit its description (in any language); the keepers edit everything. */
  editDescription: (actor: Actor, network: NetworkFacts, body: { id: string }) =>
    canWrite(actor) && (keeps(actor, network) || actor.coordinatorOf.has(body.id)),
  /** Submitted candidacies are seen by the secretariat and by the candidate organization. */
  seeCandidacies: (actor: Actor, network: NetworkFacts) => actor.platformAdmin || actor.secretariatOf.has(network.id),
  seeOwnCandidacy: (actor: Actor, organizationId: string) => actor.memberships.has(organizationId) || actor.platformAdmin,
  /**
   * The candidacies to coordinate a unit next: the secretariat's (the unit's coordinators may be
   * candidates themselves, so they do not see the others').
   */
  seeUnitCandidacies: (actor: Actor, network: NetworkFacts) => actor.platformAdmin || actor.secretariatOf.has(network.id),
  /** A member organization's focal point applies to coordinate a unit (hosted networks only). */
  submitCandidacy: (actor: Actor, network: NetworkFacts, organizationId: string) =>
    canWrite(actor) && network.hosted && isFocalPointOf(actor, organizationId),
  withdrawCandidacy: (actor: Actor, organizationId: string) => canWrite(actor) && isFocalPointOf(actor, organizationId),
  /** The secretariat records the assembly's or council's decision. */
  decideCandidacy: (actor: Actor, network: NetworkFacts) => canWrite(actor) && network.hosted && (actor.secretariatOf.has(network.id) || actor.platformAdmin),
  /** A member organization's focal point takes part in a unit (its organization joins it as a member; an active membership is checked in the use case). */
  joinUnit: (actor: Actor, organizationId: string) => canWrite(actor) && isFocalPointOf(actor, organizationId),
  /**
   * Who is in a unit's technical teams: personal data for the unit's people, coordinators,
   * secretariat. `participatingOrganizationIds`: organizations taking part today that are active
   * members of the network.
   */
  seeTeam: (actor: Actor, network: NetworkFacts, body: { id: string }, participatingOrganizationIds: readonly string[]) =>
    actor.platformAdmin ||
    actor.secretariatOf.has(network.id) ||
    actor.coordinatorOf.has(body.id) ||
    participatingOrganizationIds.some((id) => actor.memberships.has(id)),
  /** A person joins their own organization's team in a unit; a focal point adds or removes any of its people. */
  manageTeam: (actor: Actor, organizationId: string, userId: string) =>
    canWrite(actor) && (isFocalPointOf(actor, organizationId) || (actor.userId === userId && actor.memberships.has(organizationId))),
  /** Scoped permission of a unit's coordinators (moderating its practices, calling its meetings). */
  coordinate: (actor: Actor, body: { id: string }) => actor.coordinatorOf.has(body.id),
} as const;
