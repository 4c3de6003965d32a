import { and, eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { findReview } from "./find.ts";
import { submitReviewInput, type SubmitReviewInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { callCriteria, reviewScores, reviews } from "./schema.ts";

/** The weighted total of a review on 0–100: each score over its scale, weighted. */
export function weightedTotal(criteria: { id: string; weight: number; scaleMax: number }[], scores: Map<string, number>): number {
  const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
  const total = criteria.reduce((sum, c) => sum + (c.weight * (scores.get(c.id) ?? 0)) / c.scaleMax, 0);
  return Math.round((total / weights) * 100 * 100) / 100;
}

/**
 * The reviewer scores every criterion and submits, once the call has closed and after declaring
 * no conflict. Submitted, the review no longer changes (a second submission of the same scores
 * is taken as the first); only then does the reviewer see the other reviewers' scores.
 */
export async function submitReview(ctx: ServiceContext, actor: Actor, reviewId: string, raw: SubmitReviewInput): Promise<{ total: number; repeated: boolean }> {
  requireSignedIn(actor);
  const input = parseOrThrow(submitReviewInput, raw);
  const { review, call, reviewFacts } = await findReview(ctx.db, reviewId);
  authorize(callsPolicy.review(actor, reviewFacts), { visible: callsPolicy.readReview(actor, reviewFacts) });
  if (review.status === "submitted") return { total: review.total ?? 0, repeated: true };
  if (review.status !== "declared") throw new AppError("conflict", "calls.error.declareFirst");
  if (call.closesAt.getTime() > Date.now()) throw new AppError("conflict", "calls.error.notClosedYet");
  const criteria = await ctx.db.select().from(callCriteria).where(eq(callCriteria.callId, call.id)).orderBy(callCriteria.position);
  if (criteria.length === 0) throw new AppError("conflict", "calls.error.noRubric");
  const given = new Map(input.scores.map((s) => [s.criterion, s]));
  const errors: Record<string, string[]> = {};
  criteria.forEach((c, i) => {
    const s = given.get(c.id);
    if (!s) errors[`scores.${i}.score`] = ["i18n:validation.required"];
    else if (s.score > c.scaleMax) errors[`scores.${i}.score`] = ["i18n:calls.validation.score"];
  });
  if (input.scores.some((s) => !criteria.some((c) => c.id === s.criterion))) errors.scores = ["i18n:calls.validation.criterion"];
  if (Object.keys(errors).length > 0) throw invalid(errors);
  const total = weightedTotal(criteria, new Map(input.scores.map((s) => [s.criterion, s.score])));
  return ctx.db.transaction(async (tx) => {
    const [done] = await tx
      .update(reviews)
      .set({ status: "submitted", total, comment: input.comment || null, feedback: input.feedback || null, submittedAt: sql`now()` })
      .where(and(eq(reviews.id, reviewId), eq(reviews.status, "declared")))
      .returning({ id: reviews.id });
    if (!done) return { total: review.total ?? total, repeated: true };
    await tx.insert(reviewScores).values(input.scores.map((s) => ({ reviewId, criterionId: s.criterion, score: s.score, comment: s.comment })));
    return { total, repeated: false };
  });
}
