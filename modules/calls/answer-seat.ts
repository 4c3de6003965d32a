import { and, asc, eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { findEnrolment } from "./find.ts";
import { callsPolicy } from "./policy.ts";
import { enrolments } from "./schema.ts";

/** A selected participant confirms their seat, or declines it: the first on the waiting list then gets it. */
export async function answerSeat(ctx: ServiceContext, actor: Actor, enrolmentId: string, answer: "confirm" | "decline"): Promise<{ status: "confirmed" | "declined"; promoted: string | null }> {
  requireSignedIn(actor);
  const { enrolment, enrolmentFacts } = await findEnrolment(ctx.db, enrolmentId);
  authorize(callsPolicy.participate(actor, enrolmentFacts), { visible: callsPolicy.readEnrolment(actor, enrolmentFacts) });
  const status = answer === "confirm" ? "confirmed" : "declined";
  if (enrolment.status === status) return { status, promoted: null };
  if (enrolment.status !== "selected" && !(enrolment.status === "confirmed" && status === "declined")) throw new AppError("conflict", "calls.error.notSelected");
  return ctx.db.transaction(async (tx) => {
    await tx.update(enrolments).set({ status, confirmedAt: status === "confirmed" ? sql`now()` : null }).where(eq(enrolments.id, enrolmentId));
    if (status === "confirmed") return { status, promoted: null };
    const [next] = await tx
      .select({ id: enrolments.id })
      .from(enrolments)
      .where(and(eq(enrolments.editionId, enrolment.editionId), eq(enrolments.status, "waitlisted")))
      .orderBy(asc(enrolments.waitlistPosition))
      .limit(1)
      .for("update");
    if (next) await tx.update(enrolments).set({ status: "selected", waitlistPosition: null, decidedAt: sql`now()` }).where(eq(enrolments.id, next.id));
    return { status, promoted: next?.id ?? null };
  });
}
