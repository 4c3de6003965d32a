import { eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { findEdition } from "./find.ts";
import { attendanceInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { attendance, enrolments, trainingSessions } from "./schema.ts";

/** The secretariat records who attended a session: every confirmed participant is marked present or absent (recording again replaces it). */
export async function recordAttendance(ctx: ServiceContext, actor: Actor, sessionId: string, raw: { present: string[] }): Promise<{ present: number; absent: number }> {
  requireSignedIn(actor);
  const input = parseOrThrow(attendanceInput, raw);
  const [session] = await ctx.db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
  if (!session) throw new AppError("not_found", "error.notFound.detail");
  const { networkId, call } = await findEdition(ctx.db, session.editionId);
  authorize(callsPolicy.manage(actor, networkId), { visible: call.status !== "draft" });
  const cohort = (await ctx.db.select({ id: enrolments.id, status: enrolments.status }).from(enrolments).where(eq(enrolments.editionId, session.editionId))).filter(
    (e) => e.status === "confirmed" || e.status === "completed",
  );
  const ids = new Set(cohort.map((e) => e.id));
  if (input.present.some((id) => !ids.has(id))) throw invalid({ present: ["i18n:calls.validation.notInCohort"] });
  const present = new Set(input.present);
  if (cohort.length > 0) {
    await ctx.db
      .insert(attendance)
      .values(cohort.map((e) => ({ sessionId, enrolmentId: e.id, present: present.has(e.id) })))
      .onConflictDoUpdate({ target: [attendance.sessionId, attendance.enrolmentId], set: { present: sql`excluded.present` } });
  }
  return { present: present.size, absent: cohort.length - present.size };
}
