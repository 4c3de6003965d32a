import { and, eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { findReview } from "./find.ts";
import { declareInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { reviews } from "./schema.ts";

/** The reviewer declares, before scoring, whether they have a conflict of interest; with one they are excused. */
export async function declareConflict(ctx: ServiceContext, actor: Actor, reviewId: string, raw: { conflict: boolean; note?: string }): Promise<{ status: "declared" | "excused" }> {
  requireSignedIn(actor);
  const input = parseOrThrow(declareInput, raw);
  const { review, reviewFacts } = await findReview(ctx.db, reviewId);
  authorize(callsPolicy.review(actor, reviewFacts), { visible: callsPolicy.readReview(actor, reviewFacts) });
  const status = input.conflict ? "excused" : "declared";
  if (review.status === status) return { status };
  if (review.status !== "assigned") throw new AppError("conflict", "calls.error.reviewDone");
  await ctx.db
    .update(reviews)
    .set({ status, declaredAt: sql`now()`, comment: input.conflict ? input.note || null : review.comment })
    .where(and(eq(reviews.id, reviewId), eq(reviews.status, "assigned")));
  return { status };
}
