import { eq } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { findEnrolment } from "./find.ts";
import { feedbackInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { enrolments } from "./schema.ts";

/** A participant of the cohort answers the edition's feedback form (again: replaces the answer). */
export async function giveFeedback(ctx: ServiceContext, actor: Actor, enrolmentId: string, raw: { overall: number; usefulness: number; comments?: string }): Promise<{ saved: true }> {
  requireSignedIn(actor);
  const input = parseOrThrow(feedbackInput, raw);
  const { enrolment, enrolmentFacts } = await findEnrolment(ctx.db, enrolmentId);
  authorize(callsPolicy.participate(actor, enrolmentFacts), { visible: callsPolicy.readEnrolment(actor, enrolmentFacts) });
  if (enrolment.status !== "confirmed" && enrolment.status !== "completed") throw new AppError("conflict", "calls.error.notInCohort");
  await ctx.db.update(enrolments).set({ feedback: input }).where(eq(enrolments.id, enrolmentId));
  return { saved: true };
}
