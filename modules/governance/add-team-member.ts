import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Database } from "../../platform/db/client.ts";
import { invalid } from "../../platform/errors.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizationMembers, organizations } from "../organizations/schema.ts";
import { today } from "./dates.ts";
import { findBody, findOrganizationRef } from "./find.ts";
import { participationInput, type ParticipationInput } from "./inputs.ts";
import { participatingOrganizations } from "./participation.ts";
import { governancePolicy } from "./policy.ts";
import { checkActiveMember, isUnit, RuleViolation } from "./rules.ts";
import { networkBodyParticipants } from "./schema.ts";

/**
 * The organization a team change is for: the one named, else the only one among the person's
 * organizations taking part in the unit for which the actor may change the team.
 */
export async function teamOrganization(db: Database, actor: Actor, userId: string, named: string | undefined, candidates: readonly string[]): Promise<string> {
  if (named) return (await findOrganizationRef(db, named)).id;
  const mine = (
    candidates.length
      ? await db
          .select({ organizationId: organizationMembers.organizationId })
          .from(organizationMembers)
          .where(and(eq(organizationMembers.userId, userId), inArray(organizationMembers.organizationId, [...candidates])))
      : []
  )
    .map((r) => r.organizationId)
    .filter((id) => governancePolicy.manageTeam(actor, id, userId));
  if (mine.length === 1) return mine[0]!;
  // None the actor may act for: refused; several: the caller must say which.
  authorize(mine.length > 0);
  throw invalid({ organization: ["i18n:governance.validation.chooseOrganization"] });
}

/**
 * A person joins their organization's technical team in a unit, or its focal point adds one of
 * its members. Only people of an organization taking part in the unit that is an active member of
 * the network. Adding twice changes nothing.
 */
export async function addTeamMember(ctx: ServiceContext, actor: Actor, networkSlug: string, bodySlug: string, userId: string, raw: ParticipationInput = {}): Promise<void> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  const body = await findBody(ctx.db, network.id, bodySlug);
  const parsed = participationInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const day = today();
  const participating = await participatingOrganizations(ctx.db, body.id, day);
  const candidates = parsed.data.organization ? [] : participating;
  const organizationId = await teamOrganization(ctx.db, actor, userId, parsed.data.organization, candidates.length ? candidates : [...actor.memberships.keys()]);
  authorize(governancePolicy.manageTeam(actor, organizationId, userId));
  if (!isUnit(body)) throw new RuleViolation("invalid", "governance.rule.notUnit", "body", { body: body.names });
  if (!participating.includes(organizationId)) throw new RuleViolation("invalid", "governance.rule.notParticipating", "organization", { body: body.names });
  await ctx.db.transaction(async (tx) => {
    const [organization] = await tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId));
    await checkActiveMember(tx, network.id, organization!);
    const [member] = await tx
      .select({ userId: organizationMembers.userId })
      .from(organizationMembers)
      .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)));
    if (!member) throw new RuleViolation("invalid", "governance.rule.notOrganizationMember", "userId");
    const added = await tx
      .insert(networkBodyParticipants)
      .values({ bodyId: body.id, organizationId, userId, addedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ userId: networkBodyParticipants.userId });
    if (added.length === 0) return;
    await recordAuditEvent(tx, {
      kind: "team_member_added",
      actorUserId: actor.userId,
      subjectUserId: userId,
      organizationId,
      ipAddress: actor.ipAddress,
      details: { networkId: network.id, bodyId: body.id },
    });
  });
}
