import { and, eq, ne, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import type { Actor } from "../organizations/actor.ts";
import { findReview } from "./find.ts";
import { callsPolicy } from "./policy.ts";
import { pickText } from "./texts.ts";
import { callCriteria, type ReviewStatus, reviews } from "./schema.ts";

export interface ReviewView {
  id: string;
  status: ReviewStatus;
  application: { id: string; title: string; submittedContent: unknown; submissionHash: string | null };
  call: { id: string; slug: string; closesAt: string; timeZone: string };
  criteria: { id: string; name: string; guidance: string; weight: number; scaleMax: number }[];
  mine: { scores: { criterion: string; score: number; comment: string }[]; comment: string | null; feedback: string | null; total: number | null };
  /** The other reviewers' totals, without names, once this review is submitted (empty before). */
  others: { reviewer: number; total: number }[];
}

/** A reviewer's assignment: the submitted application, the rubric, their own scores; the others' only after submitting theirs. */
export async function getReview(ctx: ServiceContext, actor: Actor, reviewId: string, locale: Locale): Promise<ReviewView> {
  requireSignedIn(actor);
  const { review, application, call, reviewFacts } = await findReview(ctx.db, reviewId);
  authorize(callsPolicy.readReview(actor, reviewFacts), { visible: false });
  const criteria = await ctx.db.select().from(callCriteria).where(eq(callCriteria.callId, call.id)).orderBy(callCriteria.position);
  const scores = await queryRows<{ criterion: string; score: number; comment: string }>(
    ctx.db,
    sql`select criterion_id as criterion, score, comment from review_scores where review_id = ${reviewId}`,
  );
  const others =
    review.status === "submitted"
      ? (
          await ctx.db
            .select({ total: reviews.total })
            .from(reviews)
            .where(and(eq(reviews.applicationId, application.id), ne(reviews.id, reviewId), eq(reviews.status, "submitted")))
            .orderBy(reviews.submittedAt)
        ).map((r, i) => ({ reviewer: i + 1, total: r.total ?? 0 }))
      : [];
  return {
    id: review.id,
    status: review.status,
    application: { id: application.id, title: application.title, submittedContent: application.submittedContent, submissionHash: application.submissionHash },
    call: { id: call.id, slug: call.slug, closesAt: call.closesAt.toISOString(), timeZone: call.timeZone },
    criteria: criteria.map((c) => {
      const text = pickText(c.texts, locale)?.value;
      return { id: c.id, name: text?.name ?? "", guidance: text?.guidance ?? "", weight: c.weight, scaleMax: c.scaleMax };
    }),
    mine: { scores, comment: review.comment, feedback: review.feedback, total: review.total },
    others,
  };
}
