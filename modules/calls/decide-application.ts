import { eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { findApplication } from "./find.ts";
import { cents, decideInput, type DecideInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { applicationDecisions, calls } from "./schema.ts";

/**
 * The secretariat records its decision on a submitted application, with the reasons: awarded
 * (at most the amount requested, and within what is left of the call's budget) or not. It may
 * change its mind until the results are published.
 */
export async function decideApplication(ctx: ServiceContext, actor: Actor, applicationId: string, raw: DecideInput): Promise<{ decision: string; remainingCents: number }> {
  requireSignedIn(actor);
  const input = parseOrThrow(decideInput, raw);
  const { application, call, facts } = await findApplication(ctx.db, applicationId);
  authorize(callsPolicy.evaluate(actor, facts.call), { visible: callsPolicy.readApplication(actor, facts) });
  if (application.status !== "submitted") throw new AppError("conflict", "calls.error.notSubmitted");
  if (call.resultsPublishedAt) throw new AppError("conflict", "calls.error.resultsPublished");
  const amount = input.decision === "awarded" ? cents(input.amount) : 0;
  return ctx.db.transaction(async (tx) => {
    // Decisions on one call are taken one at a time, so two awards never overspend its budget together.
    await tx.select({ id: calls.id }).from(calls).where(eq(calls.id, call.id)).for("update");
    const [totals] = await queryRows<{ requested: number; others: number }>(
      tx,
      sql`select coalesce((select sum(requested_cents) from application_budget_lines where application_id = ${applicationId}), 0)::float8 as requested,
                 coalesce((select sum(d.awarded_cents) from application_decisions d join applications a on a.id = d.application_id
                           where a.call_id = ${call.id} and d.application_id <> ${applicationId}), 0)::float8 as others`,
    );
    if (amount > totals!.requested) throw invalid({ amount: ["i18n:calls.validation.awardOverRequested"] });
    if (totals!.others + amount > call.totalBudgetCents) throw invalid({ amount: ["i18n:calls.validation.awardOverBudget"] });
    await tx
      .insert(applicationDecisions)
      .values({ applicationId, decision: input.decision, awardedCents: amount, reasons: input.reasons, decidedBy: actor.userId })
      .onConflictDoUpdate({ target: applicationDecisions.applicationId, set: { decision: input.decision, awardedCents: amount, reasons: input.reasons, decidedBy: actor.userId, decidedAt: sql`now()` } });
    return { decision: input.decision, remainingCents: call.totalBudgetCents - totals!.others - amount };
  });
}
