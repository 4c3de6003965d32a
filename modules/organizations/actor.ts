// Who is acting on a request, and the facts every policy decides from: the platform role, the
// organizations the person belongs to (with their role in each), the one they act for, and the
// scoped roles that follow from those memberships (the secretariat of a network is the members
// of the network's secretariat organization).
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { queryRows } from "../../platform/db/client.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { TokenScope } from "../accounts/schema.ts";
import { users } from "../accounts/schema.ts";
import { networks } from "../networks/schema.ts";
import { type MemberRole, organizationMembers, organizations } from "./schema.ts";

export interface Actor {
  /** null: nobody is signed in. */
  userId: string | null;
  platformAdmin: boolean;
  /** organization id → the person's role in it. */
  memberships: ReadonlyMap<string, MemberRole>;
  /** The organization the person acts for (one of their memberships), if any. */
  actingOrganizationId: string | null;
  /** Ids of the networks whose secretariat the person belongs to. */
  secretariatOf: ReadonlySet<string>;
  /**
   * Ids of the network bodies (thematic units…) the person coordinates: their organization holds
   * a current coordinator or sub-coordinator role there, in a hosted network it is an active
   * member of, and they are its focal point or in its technical team for that body. Later modules scope powers on it (moderating, calling meetings).
   */
  coordinatorOf: ReadonlySet<string>;
  /**
   * The person holds a role that requires two-factor sign-in but has not set it up: the role's
   * powers are withheld (platformAdmin false, secretariatOf empty) until they do.
   */
  mustEnableTwoFactor: boolean;
  /** Where the request came from, for the audit log. */
  ipAddress?: string | null;
  /** How the request was authenticated; a read-scoped token may not change anything. */
  via: "session" | "token" | "none";
  tokenScope?: TokenScope;
}

export const anonymousActor: Actor = Object.freeze({
  userId: null,
  platformAdmin: false,
  memberships: new Map(),
  actingOrganizationId: null,
  secretariatOf: new Set(),
  coordinatorOf: new Set(),
  mustEnableTwoFactor: false,
  via: "none",
}) as Actor;

/** Roles whose holders must sign in with a second factor. */
export function holdsTwoFactorRole(facts: { platformRole: string; secretariatOf: ReadonlySet<string> }): boolean {
  return facts.platformRole === "admin" || facts.secretariatOf.size > 0;
}

/** Loads the actor for a signed-in person (null when the account is gone or disabled). */
export async function loadActor(
  ctx: ServiceContext,
  userId: string,
  via: { kind: "session" } | { kind: "token"; scope: TokenScope } = { kind: "session" },
): Promise<Actor | null> {
  const [user] = await ctx.db
    .select({
      role: users.role,
      banned: users.banned,
      twoFactorEnabled: users.twoFactorEnabled,
      actingOrganizationId: users.actingOrganizationId,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.banned) return null;
  const rows = await ctx.db
    .select({ organizationId: organizationMembers.organizationId, role: organizationMembers.role })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(and(eq(organizationMembers.userId, userId), isNull(organizations.mergedIntoId)));
  const memberships = new Map(rows.map((r) => [r.organizationId, r.role]));
  const secretariatOf = new Set<string>();
  if (memberships.size > 0) {
    const led = await ctx.db
      .select({ id: networks.id })
      .from(networks)
      .where(inArray(networks.secretariatOrganizationId, [...memberships.keys()]));
    for (const n of led) secretariatOf.add(n.id);
  }
  const coordinatorOf = memberships.size > 0 ? await coordinatedBodies(ctx, userId) : new Set<string>();
  const mustEnableTwoFactor = holdsTwoFactorRole({ platformRole: user.role, secretariatOf }) && !user.twoFactorEnabled;
  const acting =
    user.actingOrganizationId && memberships.has(user.actingOrganizationId)
      ? user.actingOrganizationId
      : memberships.size === 1
        ? [...memberships.keys()][0]!
        : null;
  return {
    userId,
    platformAdmin: user.role === "admin" && !mustEnableTwoFactor,
    memberships,
    actingOrganizationId: acting,
    secretariatOf: mustEnableTwoFactor ? new Set() : secretariatOf,
    coordinatorOf,
    mustEnableTwoFactor,
    via: via.kind,
    tokenScope: via.kind === "token" ? via.scope : undefined,
  };
}

/**
 * Bodies coordinated today by one of the person's organizations, where the person is its focal
 * point or in its team there. Only in networks hosted here (an external network's roles are
 * self-declared) and while the organization is an active member of the network.
 */
async function coordinatedBodies(ctx: ServiceContext, userId: string): Promise<Set<string>> {
  const rows = await queryRows<{ body_id: string }>(
    ctx.db,
    sql`select distinct r.body_id
        from network_roles r
        join organization_members m on m.organization_id = r.organization_id and m.user_id = ${userId}
        join networks n on n.id = r.network_id and n.hosted
        join network_memberships nm on nm.network_id = r.network_id and nm.organization_id = r.organization_id and nm.status = 'active'
        where r.role in ('coordinator', 'sub_coordinator')
          and r.starts_on <= current_date and (r.ends_on is null or r.ends_on >= current_date)
          and (m.role = 'focal_point'
               or exists (select 1 from network_body_participants p
                          where p.body_id = r.body_id and p.organization_id = r.organization_id and p.user_id = ${userId}))`,
  );
  return new Set(rows.map((r) => r.body_id));
}

/** Whether the actor may change things (a read-scoped token may not). */
export function canWrite(actor: Actor): boolean {
  return actor.userId !== null && (actor.via !== "token" || actor.tokenScope === "write");
}

/** The same actor with facts read again (after a change to their own memberships). */
export async function reloadActor(ctx: ServiceContext, actor: Actor): Promise<Actor> {
  if (actor.userId === null) return actor;
  const via = actor.via === "token" && actor.tokenScope ? ({ kind: "token", scope: actor.tokenScope } as const) : ({ kind: "session" } as const);
  const fresh = await loadActor(ctx, actor.userId, via);
  return fresh ? { ...fresh, ipAddress: actor.ipAddress } : actor;
}
