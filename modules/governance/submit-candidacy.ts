import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { asField } from "./assign-role.ts";
import { today } from "./dates.ts";
import { factsOf, findBody, findTerm, organizationActedFor, type TermRow } from "./find.ts";
import { submitCandidacyInput, type SubmitCandidacyInput } from "./inputs.ts";
import { governancePolicy } from "./policy.ts";
import { checkActiveMember, checkNoOverlappingCoordination, isUnit, lockNetworkRoles, RuleViolation } from "./rules.ts";
import { networkCandidacies } from "./schema.ts";

/** Whether a term receives candidacies on `day`; throws the rule it breaks otherwise. */
export function checkCandidacyWindow(term: TermRow, day: string): void {
  if (term.startsOn <= day) throw new RuleViolation("invalid", "governance.rule.termStarted", "term", { term: term.label, from: term.startsOn });
  if (!term.candidaciesOpenOn || !term.candidaciesCloseOn) throw new RuleViolation("invalid", "governance.rule.windowClosed", "term", { term: term.label, state: "none", open: "", close: "" });
  if (day < term.candidaciesOpenOn) {
    throw new RuleViolation("invalid", "governance.rule.windowClosed", "term", { term: term.label, state: "notYet", open: term.candidaciesOpenOn, close: term.candidaciesCloseOn });
  }
  if (day > term.candidaciesCloseOn) {
    throw new RuleViolation("invalid", "governance.rule.windowClosed", "term", { term: term.label, state: "closed", open: term.candidaciesOpenOn, close: term.candidaciesCloseOn });
  }
}

/**
 * A member organization's focal point applies to coordinate or sub-coordinate a unit for a term
 * not yet started, while its candidacy window is open, unless it already coordinates the unit in
 * a period overlapping the term. One live candidacy per organization, unit and term; the same
 * application sent twice is the same candidacy.
 */
export async function submitCandidacy(ctx: ServiceContext, actor: Actor, networkSlug: string, raw: SubmitCandidacyInput): Promise<{ id: string }> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  const facts = factsOf(network);
  const parsed = submitCandidacyInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const organization = await organizationActedFor(ctx.db, actor, input.organization);
  authorize(governancePolicy.submitCandidacy(actor, facts, organization.id));
  const body = await asField("body", findBody(ctx.db, network.id, input.body));
  const term = await asField("term", findTerm(ctx.db, network.id, input.term));
  if (!isUnit(body)) throw new RuleViolation("invalid", "governance.rule.notCandidateBody", "body", { body: body.names });
  if (!body.active) throw new RuleViolation("invalid", "governance.rule.bodyInactive", "body", { body: body.names });
  const day = today();
  checkCandidacyWindow(term, day);
  return ctx.db.transaction(async (tx) => {
    await lockNetworkRoles(tx, network.id);
    await checkActiveMember(tx, network.id, organization);
    const [live] = await tx
      .select()
      .from(networkCandidacies)
      .where(
        and(
          eq(networkCandidacies.bodyId, body.id),
          eq(networkCandidacies.termId, term.id),
          eq(networkCandidacies.organizationId, organization.id),
          inArray(networkCandidacies.status, ["submitted", "approved"]),
        ),
      );
    if (live) {
      if (live.status === "submitted" && live.role === input.role && live.statement === input.statement) return { id: live.id };
      throw new RuleViolation("conflict", "governance.rule.candidacyExists", "term", { organization: organization.name, status: live.status, role: live.role, term: term.label });
    }
    // Already coordinating the unit into the term: refused now, as approving it would be.
    await checkNoOverlappingCoordination(tx, body, organization.id, term, "term");
    const [candidacy] = await tx
      .insert(networkCandidacies)
      .values({
        networkId: network.id,
        bodyId: body.id,
        termId: term.id,
        organizationId: organization.id,
        role: input.role,
        statement: input.statement,
        submittedBy: actor.userId,
      })
      .returning({ id: networkCandidacies.id });
    await recordAuditEvent(tx, {
      kind: "candidacy_submitted",
      actorUserId: actor.userId,
      organizationId: organization.id,
      ipAddress: actor.ipAddress,
      details: { networkId: network.id, bodyId: body.id, termId: term.id, candidacyId: candidacy!.id, role: input.role },
    });
    return { id: candidacy!.id };
  });
}
