import { and, eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Actor } from "../organizations/actor.ts";
import { parseOrThrow } from "./create-practice.ts";
import { findPractice } from "./find.ts";
import { reportPracticeInput, type ReportPracticeInput } from "./inputs.ts";
import { practicePolicy } from "./policy.ts";
import { practiceEvents, practiceReports } from "./schema.ts";

/**
 * Anyone signed in reports inappropriate content in a published practice, with a reason; the
 * moderators see it in their queue. A second report by the same person while the first is open
 * finds the first.
 */
export async function reportPractice(ctx: ServiceContext, actor: Actor, slug: string, raw: ReportPracticeInput): Promise<{ id: string; repeated: boolean }> {
  requireSignedIn(actor);
  const input = parseOrThrow(reportPracticeInput, raw);
  const { practice, facts } = await findPractice(ctx.db, slug);
  authorize(practicePolicy.report(actor, facts), { visible: practicePolicy.read(actor, facts) || practicePolicy.readWorking(actor, facts) });
  const userId = actor.userId;
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(practiceReports)
      .values({ practiceId: practice.id, reporterUserId: userId, reason: input.reason, comment: input.comment ?? null })
      .onConflictDoNothing({ target: [practiceReports.practiceId, practiceReports.reporterUserId], where: sql`status = 'open'` })
      .returning({ id: practiceReports.id });
    if (!created) {
      const [open] = await tx
        .select({ id: practiceReports.id })
        .from(practiceReports)
        .where(and(eq(practiceReports.practiceId, practice.id), eq(practiceReports.reporterUserId, userId), eq(practiceReports.status, "open")));
      return { id: open!.id, repeated: true };
    }
    await tx.insert(practiceEvents).values({ practiceId: practice.id, kind: "reported", actorUserId: userId, comment: input.reason });
    return { id: created.id, repeated: false };
  });
}
