// Who may do what with good practices. Default deny: every rule names who is allowed.
// A practice belongs to its organization (any of its members writes it) and to a network's bank,
// whose moderators are the network's secretariat, the coordinators of the units whose themes the
// practice carries and, for the city–university observatory, the co-moderating university
// association. The public reads what is published and not taken down.
import type { Actor } from "../organizations/actor.ts";
import { canWrite } from "../organizations/actor.ts";
import type { VersionStatus } from "./schema.ts";

export interface PracticeFacts {
  networkId: string | null;
  organizationId: string | null;
  /** The current version's status. */
  status: VersionStatus;
  /** A version is published and the practice is not taken down. */
  public: boolean;
  /**
   * Units of the network (bodies) whose themes the practice carries: their coordinators moderate
   * it. Filled by the use case from the current version's themes.
   */
  unitIds: readonly string[];
  observatory: boolean;
  /** The university association co-moderating the network's observatory. */
  observatoryPartnerId: string | null;
}

export interface BankFacts {
  networkId: string;
  hosted: boolean;
}

const isAuthor = (actor: Actor, practice: PracticeFacts) => !!practice.organizationId && actor.memberships.has(practice.organizationId);

/** Moderates the practice: secretariat, a coordinator of one of its units, the observatory's partner, or an administrator. */
export function moderates(actor: Actor, practice: PracticeFacts): boolean {
  if (actor.userId === null) return false;
  if (actor.platformAdmin) return true;
  if (practice.networkId && actor.secretariatOf.has(practice.networkId)) return true;
  if (practice.unitIds.some((id) => actor.coordinatorOf.has(id))) return true;
  return practice.observatory && !!practice.observatoryPartnerId && actor.memberships.has(practice.observatoryPartnerId);
}

export const practicePolicy = {
  /** The published version: anyone, unless a moderator took it down. */
  read: (_actor: Actor, practice: PracticeFacts) => practice.public,
  /**
   * The version being written or reviewed, the history and the moderators' comments: the
   * organization's people, and its moderators once it was submitted (a draft is the authors' own).
   */
  readWorking: (actor: Actor, practice: PracticeFacts) =>
    isAuthor(actor, practice) || (moderates(actor, practice) && practice.status !== "draft") || actor.platformAdmin,
  /** A member of an organization that is an active member of a hosted network writes for its bank. */
  create: (actor: Actor, organizationId: string, activeMember: boolean) => canWrite(actor) && actor.memberships.has(organizationId) && activeMember,
  /** The organization's people edit, except while a version is with the moderators. */
  edit: (actor: Actor, practice: PracticeFacts) => canWrite(actor) && isAuthor(actor, practice),
  submit: (actor: Actor, practice: PracticeFacts) => canWrite(actor) && isAuthor(actor, practice),
  /** Take back a submission nobody has started reviewing. */
  withdraw: (actor: Actor, practice: PracticeFacts) => canWrite(actor) && isAuthor(actor, practice),
  moderate: (actor: Actor, practice: PracticeFacts) => canWrite(actor) && moderates(actor, practice),
  /** Anyone signed in reports inappropriate content in what the public reads. */
  report: (actor: Actor, practice: PracticeFacts) => canWrite(actor) && practice.public,
  /** A contact's e-mail address is personal data: for people signed in. */
  seeContactEmail: (actor: Actor) => actor.userId !== null,
} as const;

export const bankPolicy = {
  /** The bank's axes, the observatory, calls and collections are managed by the secretariat. */
  manage: (actor: Actor, bank: BankFacts) => canWrite(actor) && bank.hosted && (actor.secretariatOf.has(bank.networkId) || actor.platformAdmin),
  /** The moderation queue: anyone who moderates something in it (the use case narrows the rows). */
  seeQueue: (actor: Actor) => actor.userId !== null,
} as const;
