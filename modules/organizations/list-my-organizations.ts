import { and, asc, eq, isNull } from "drizzle-orm";
import { requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { users } from "../accounts/schema.ts";
import type { Actor } from "./actor.ts";
import { openInvitation } from "./invite-member.ts";
import { invitations, joinRequests, type MemberRole, type OrganizationKind, organizationMembers, organizations } from "./schema.ts";

export interface MyOrganizations {
  memberships: { slug: string; name: string; kind: OrganizationKind; role: MemberRole; actingFor: boolean }[];
  pendingRequests: { slug: string; name: string; since: Date }[];
  /** Open invitations sent to the person's address (accepted from their link). */
  invitations: { id: string; organizationName: string; role: MemberRole; expiresAt: Date }[];
}

/** The organizations the person belongs to, which one they act for, and what is pending. */
export async function listMyOrganizations(ctx: ServiceContext, actor: Actor): Promise<MyOrganizations> {
  requireSignedIn(actor);
  const memberships = await ctx.db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, kind: organizations.kind, role: organizationMembers.role })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(and(eq(organizationMembers.userId, actor.userId), isNull(organizations.mergedIntoId)))
    .orderBy(asc(organizations.name));
  const pendingRequests = await ctx.db
    .select({ slug: organizations.slug, name: organizations.name, since: joinRequests.createdAt })
    .from(joinRequests)
    .innerJoin(organizations, eq(organizations.id, joinRequests.organizationId))
    .where(and(eq(joinRequests.userId, actor.userId), eq(joinRequests.status, "pending")));
  const open = await ctx.db
    .select({ id: invitations.id, organizationName: organizations.name, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .innerJoin(users, eq(users.email, invitations.email))
    .where(and(eq(users.id, actor.userId), openInvitation()));
  return {
    memberships: memberships.map(({ id, ...m }) => ({ ...m, actingFor: id === actor.actingOrganizationId })),
    pendingRequests,
    invitations: open,
  };
}
