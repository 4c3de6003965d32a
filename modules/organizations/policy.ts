// Who may do what with organizations. Default deny: every rule names who is allowed; a person
// who may not even see a resource gets "not found" (see authorize in platform/authz.ts).
import type { Actor } from "./actor.ts";
import { canWrite } from "./actor.ts";

export interface OrganizationFacts {
  id: string;
  mergedIntoId?: string | null;
}

const roleIn = (actor: Actor, org: OrganizationFacts) => actor.memberships.get(org.id);
const isFocalPoint = (actor: Actor, org: OrganizationFacts) => roleIn(actor, org) === "focal_point";

export const organizationPolicy = {
  /** The public page: name, kind, city, description, member count. */
  view: (_actor: Actor, _org: OrganizationFacts) => true,
  create: (actor: Actor) => canWrite(actor),
  update: (actor: Actor, org: OrganizationFacts) => canWrite(actor) && (isFocalPoint(actor, org) || actor.platformAdmin),
  /** Members' names and roles are personal data: the organization's members and administrators. */
  listMembers: (actor: Actor, org: OrganizationFacts) => roleIn(actor, org) !== undefined || actor.platformAdmin,
  /** Invitations, join requests, roles: the focal points (and administrators). */
  manageMembers: (actor: Actor, org: OrganizationFacts) => canWrite(actor) && (isFocalPoint(actor, org) || actor.platformAdmin),
  seeMemberAdministration: (actor: Actor, org: OrganizationFacts) => isFocalPoint(actor, org) || actor.platformAdmin,
  requestToJoin: (actor: Actor, org: OrganizationFacts) => canWrite(actor) && !org.mergedIntoId && roleIn(actor, org) === undefined,
  leave: (actor: Actor, org: OrganizationFacts) => canWrite(actor) && roleIn(actor, org) !== undefined,
  actFor: (actor: Actor, org: OrganizationFacts) => canWrite(actor) && roleIn(actor, org) !== undefined,
  verify: (actor: Actor) => canWrite(actor) && actor.platformAdmin,
  merge: (actor: Actor) => canWrite(actor) && actor.platformAdmin,
} as const;
