import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { writeRole } from "./assign-role.ts";
import { today } from "./dates.ts";
import { roleOrder } from "./display.ts";
import { findBody, organizationActedFor } from "./find.ts";
import { participationInput, type ParticipationInput } from "./inputs.ts";
import { governancePolicy } from "./policy.ts";
import { checkActiveMember, isUnit, lockNetworkRoles, RuleViolation } from "./rules.ts";
import { networkRoles, type RoleKind } from "./schema.ts";

/** What joining did: `joined` false when the organization already took part (nothing changed); `roles`, what it holds there today. */
export interface JoinOutcome {
  joined: boolean;
  roles: RoleKind[];
}

/**
 * An organization that is an active member of the network (hosted or external) joins a unit: a member role from today, open-ended.
 * One that already takes part — a member, or holding a coordination or sub-coordination there
 * today — already belongs: nothing changes and no second role is written. Joining on the day it
 * left takes the membership up again.
 */
export async function joinUnit(ctx: ServiceContext, actor: Actor, networkSlug: string, bodySlug: string, raw: ParticipationInput = {}): Promise<JoinOutcome> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  const body = await findBody(ctx.db, network.id, bodySlug);
  const parsed = participationInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const organization = await organizationActedFor(ctx.db, actor, parsed.data.organization);
  authorize(governancePolicy.joinUnit(actor, organization.id));
  if (!isUnit(body)) throw new RuleViolation("invalid", "governance.rule.notUnit", "body", { body: body.names });
  const day = today();
  const spec = { network, body, organization, role: "member" as const, term: null, startsOn: day, endsOn: null, seatCountryCode: null, createdBy: actor.userId };
  return ctx.db.transaction(async (tx): Promise<JoinOutcome> => {
    await lockNetworkRoles(tx, network.id);
    // Hosted or external: only with the organization's own active membership (taking an
    // ended participation up again included).
    await checkActiveMember(tx, network.id, organization);
    const held = await tx
      .select({ id: networkRoles.id, role: networkRoles.role, endsOn: networkRoles.endsOn })
      .from(networkRoles)
      .where(
        and(
          eq(networkRoles.bodyId, body.id),
          eq(networkRoles.organizationId, organization.id),
          lte(networkRoles.startsOn, day),
          or(isNull(networkRoles.endsOn), gte(networkRoles.endsOn, day)),
        ),
      );
    // Taking part today, as participatingOrganizations counts it: any role, except a membership left today.
    const taking = held.filter((r) => r.role !== "member" || r.endsOn === null || r.endsOn > day);
    const roles = [...new Set(taking.map((r) => r.role))].sort((a, b) => roleOrder.indexOf(a) - roleOrder.indexOf(b));
    // A member, or holding a coordination there: it already takes part.
    if (roles.length > 0) return { joined: false, roles };
    const membership = held.find((r) => r.role === "member");
    let roleId: string;
    if (membership) {
      // A membership left today is taken up again: open-ended.
      await tx.update(networkRoles).set({ endsOn: null }).where(eq(networkRoles.id, membership.id));
      roleId = membership.id;
    } else {
      roleId = (await writeRole(tx, spec, day)).id;
    }
    await recordAuditEvent(tx, {
      kind: "unit_joined",
      actorUserId: actor.userId,
      organizationId: organization.id,
      ipAddress: actor.ipAddress,
      details: { networkId: network.id, bodyId: body.id, roleId },
    });
    return { joined: true, roles: ["member"] };
  });
}
