import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { users } from "../accounts/schema.ts";
import type { Actor } from "./actor.ts";
import { findOrganization } from "./find-organization.ts";
import { organizationPolicy } from "./policy.ts";
import { invitations, joinRequests, type MemberRole, organizationMembers } from "./schema.ts";

export interface MemberList {
  organization: { id: string; slug: string; name: string };
  members: { userId: string; name: string; position: string | null; role: MemberRole; email: string | null; since: Date }[];
  /** Only for those who manage members: open invitations and pending requests. */
  invitations: { id: string; email: string; role: MemberRole; expiresAt: Date }[];
  joinRequests: { id: string; userId: string; name: string; email: string; message: string | null; createdAt: Date }[];
  canManage: boolean;
}

/**
 * The members of an organization, for its members and administrators; addresses, invitations
 * and join requests only for its focal points and administrators.
 */
export async function listMembers(ctx: ServiceContext, actor: Actor, slug: string): Promise<MemberList> {
  requireSignedIn(actor);
  const org = await findOrganization(ctx.db, slug);
  authorize(organizationPolicy.listMembers(actor, org), { visible: false });
  const administers = organizationPolicy.seeMemberAdministration(actor, org);
  const members = await ctx.db
    .select({
      userId: organizationMembers.userId,
      name: users.name,
      position: users.position,
      role: organizationMembers.role,
      email: users.email,
      since: organizationMembers.createdAt,
    })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, org.id))
    .orderBy(asc(organizationMembers.role), asc(users.name));
  const open = administers
    ? await ctx.db
        .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
        .from(invitations)
        .where(
          and(
            eq(invitations.organizationId, org.id),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            gt(invitations.expiresAt, new Date()),
          ),
        )
        .orderBy(asc(invitations.createdAt))
    : [];
  const requests = administers
    ? await ctx.db
        .select({
          id: joinRequests.id,
          userId: joinRequests.userId,
          name: users.name,
          email: users.email,
          message: joinRequests.message,
          createdAt: joinRequests.createdAt,
        })
        .from(joinRequests)
        .innerJoin(users, eq(users.id, joinRequests.userId))
        .where(and(eq(joinRequests.organizationId, org.id), eq(joinRequests.status, "pending")))
        .orderBy(asc(joinRequests.createdAt))
    : [];
  return {
    organization: { id: org.id, slug: org.slug, name: org.name },
    members: members.map((m) => ({ ...m, email: administers || m.userId === actor.userId ? m.email : null })),
    invitations: open,
    joinRequests: requests,
    canManage: organizationPolicy.manageMembers(actor, org),
  };
}
