// Who may do what in the exchange. Default deny: every rule names who is allowed.
// An offer or a need belongs to its organization (any of its people writes it); it is read by the
// people of the organizations that are active members of a network it names, by everyone signed
// in when it is open to the whole platform, and never by nobody. Its matches are the
// organization's own working list.
import type { Actor } from "../organizations/actor.ts";
import { canWrite } from "../organizations/actor.ts";
import type { Visibility } from "./schema.ts";

export interface ItemFacts {
  organizationId: string;
  visibility: Visibility;
  networkIds: readonly string[];
}

export interface ContactFacts {
  fromOrganizationId: string;
  toOrganizationId: string;
}

export interface ConversationFacts {
  organizationA: string;
  organizationB: string;
  open: boolean;
}

/** The networks whose items the actor reads: those an organization of theirs is an active member of, or whose secretariat they are. */
export interface Reader {
  actor: Actor;
  networkIds: ReadonlySet<string>;
}

const isOwner = (actor: Actor, item: ItemFacts) => actor.memberships.has(item.organizationId);

export const exchangePolicy = {
  read: ({ actor, networkIds }: Reader, item: ItemFacts) =>
    actor.userId !== null &&
    (isOwner(actor, item) || actor.platformAdmin || item.visibility === "platform" || item.networkIds.some((id) => networkIds.has(id))),
  /** A person posts for an organization they belong to. */
  post: (actor: Actor, organizationId: string) => canWrite(actor) && actor.memberships.has(organizationId),
  edit: (actor: Actor, item: ItemFacts) => canWrite(actor) && isOwner(actor, item),
  /** The ranked suggestions and the dismissals: the organization's working list, its own only. */
  seeMatches: (actor: Actor, item: ItemFacts) => actor.userId !== null && isOwner(actor, item),
  dismiss: (actor: Actor, item: ItemFacts) => canWrite(actor) && isOwner(actor, item),
  /** Anyone who reads another organization's item may ask to talk about it, for an organization of theirs. */
  requestContact: (reader: Reader, item: ItemFacts, fromOrganizationId: string) =>
    canWrite(reader.actor) && reader.actor.memberships.has(fromOrganizationId) && fromOrganizationId !== item.organizationId && exchangePolicy.read(reader, item),
  /** The organization asked answers. */
  decideContact: (actor: Actor, contact: ContactFacts) => canWrite(actor) && actor.memberships.has(contact.toOrganizationId),
  /** A request is seen by the people of both organizations. */
  readContact: (actor: Actor, contact: ContactFacts) => actor.memberships.has(contact.fromOrganizationId) || actor.memberships.has(contact.toOrganizationId),
  /** The requester may take back a request not yet answered. */
  withdrawContact: (actor: Actor, contact: ContactFacts) => canWrite(actor) && actor.memberships.has(contact.fromOrganizationId),
  /** A conversation is its two organizations' only: nobody else, administrators included. */
  readConversation: (actor: Actor, conversation: ConversationFacts) =>
    actor.userId !== null && (actor.memberships.has(conversation.organizationA) || actor.memberships.has(conversation.organizationB)),
  writeConversation: (actor: Actor, conversation: ConversationFacts) =>
    canWrite(actor) && conversation.open && (actor.memberships.has(conversation.organizationA) || actor.memberships.has(conversation.organizationB)),
  /** Recomputing every match after an import: administrators. */
  recompute: (actor: Actor) => canWrite(actor) && actor.platformAdmin,
  /** The directory of local expertise is for people signed in. */
  readDirectory: (actor: Actor) => actor.userId !== null,
  /** A person lists themselves, for an organization they belong to. */
  saveOwnProfile: (actor: Actor, organizationId: string) => canWrite(actor) && actor.memberships.has(organizationId),
} as const;
