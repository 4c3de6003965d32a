import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { today } from "./dates.ts";
import { factsOf, findRole } from "./find.ts";
import { endRoleInput, type EndRoleInput } from "./inputs.ts";
import { governancePolicy } from "./policy.ts";
import { lockNetworkRoles, RuleViolation } from "./rules.ts";
import { networkRoles } from "./schema.ts";

/**
 * Ends a role on a day (today unless given; the day itself is still held). The role stays, with
 * its dates, in the body's history. Ending it again on the same day changes nothing. Who may: as
 * for assigning it (in an external network only the organization holding it, or an administrator).
 */
export async function endRole(ctx: ServiceContext, actor: Actor, networkSlug: string, roleId: string, raw: EndRoleInput = {}): Promise<void> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  const role = await findRole(ctx.db, network.id, roleId);
  const facts = factsOf(network);
  authorize(governancePolicy.writeRole(actor, facts, role.organizationId));
  const parsed = endRoleInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const endsOn = parsed.data.endsOn ?? today();
  await ctx.db.transaction(async (tx) => {
    await lockNetworkRoles(tx, network.id);
    const [current] = await tx.select().from(networkRoles).where(eq(networkRoles.id, role.id)).for("update");
    if (current!.endsOn === endsOn) return;
    if (current!.endsOn !== null && current!.endsOn < endsOn) throw new RuleViolation("conflict", "governance.rule.alreadyEnded", "endsOn", { date: current!.endsOn });
    if (endsOn < current!.startsOn) throw new RuleViolation("invalid", "governance.rule.endBeforeStart", "endsOn", { start: current!.startsOn });
    await tx.update(networkRoles).set({ endsOn }).where(eq(networkRoles.id, role.id));
    await recordAuditEvent(tx, {
      kind: "network_role_ended",
      actorUserId: actor.userId,
      organizationId: role.organizationId,
      ipAddress: actor.ipAddress,
      details: { networkId: network.id, bodyId: role.bodyId, roleId: role.id, role: role.role, endsOn, previousEndsOn: current!.endsOn },
    });
  });
}
