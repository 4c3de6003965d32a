import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { factsOf, findTerm } from "./find.ts";
import { createTermInput, updateTermInput, type UpdateTermInput } from "./inputs.ts";
import { governancePolicy } from "./policy.ts";
import { checkTermRules, lockNetworkRoles, RuleViolation } from "./rules.ts";
import { networkRoles, networkTerms } from "./schema.ts";

/**
 * Changes a term's label, dates or candidacy window. The dates are checked together with the
 * ones kept, and may not leave a role of the term outside them.
 */
export async function updateTerm(ctx: ServiceContext, actor: Actor, networkSlug: string, termId: string, raw: UpdateTermInput): Promise<void> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  const term = await findTerm(ctx.db, network.id, termId);
  authorize(governancePolicy.manage(actor, factsOf(network)));
  const parsed = updateTermInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const merged = createTermInput.safeParse({
    label: input.label ?? term.label,
    startsOn: input.startsOn ?? term.startsOn,
    endsOn: input.endsOn ?? term.endsOn,
    candidaciesOpenOn: input.candidaciesOpenOn === undefined ? (term.candidaciesOpenOn ?? undefined) : (input.candidaciesOpenOn ?? undefined),
    candidaciesCloseOn: input.candidaciesCloseOn === undefined ? (term.candidaciesCloseOn ?? undefined) : (input.candidaciesCloseOn ?? undefined),
  });
  if (!merged.success) throw invalid(z.flattenError(merged.error).fieldErrors as Record<string, string[]>);
  const next = merged.data;
  await ctx.db.transaction(async (tx) => {
    await lockNetworkRoles(tx, network.id);
    await checkTermRules(tx, network.id, { id: term.id, startsOn: next.startsOn, endsOn: next.endsOn });
    const [outside] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(networkRoles)
      .where(
        and(
          eq(networkRoles.termId, term.id),
          or(lt(networkRoles.startsOn, next.startsOn), gt(networkRoles.startsOn, next.endsOn), isNull(networkRoles.endsOn), gt(networkRoles.endsOn, next.endsOn)),
        ),
      );
    if (outside && outside.count > 0) throw new RuleViolation("conflict", "governance.rule.termRolesOutside", "startsOn", { count: outside.count });
    await tx
      .update(networkTerms)
      .set({
        label: next.label,
        startsOn: next.startsOn,
        endsOn: next.endsOn,
        candidaciesOpenOn: next.candidaciesOpenOn ?? null,
        candidaciesCloseOn: next.candidaciesCloseOn ?? null,
      })
      .where(eq(networkTerms.id, term.id));
    await recordAuditEvent(tx, {
      kind: "network_term_updated",
      actorUserId: actor.userId,
      organizationId: network.secretariatOrganizationId ?? network.recordedByOrganizationId,
      ipAddress: actor.ipAddress,
      details: { networkId: network.id, termId: term.id, fields: Object.keys(raw).filter((k) => (raw as Record<string, unknown>)[k] !== undefined) },
    });
  });
}
