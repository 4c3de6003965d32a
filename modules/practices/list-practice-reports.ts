import { desc, eq } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { users } from "../accounts/schema.ts";
import type { Actor } from "../organizations/actor.ts";
import { findPractice } from "./find.ts";
import { practicePolicy } from "./policy.ts";
import { type ReportReason, practiceReports, type ReportStatus } from "./schema.ts";

/** The reports on a practice, for its moderators (never for its authors). */
export async function listPracticeReports(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
): Promise<{ id: string; reason: ReportReason; comment: string | null; status: ReportStatus; reporterName: string; createdAt: Date; resolution: string | null }[]> {
  requireSignedIn(actor);
  const { practice, facts } = await findPractice(ctx.db, slug);
  authorize(practicePolicy.moderate(actor, facts), { visible: practicePolicy.read(actor, facts) || practicePolicy.readWorking(actor, facts) });
  return ctx.db
    .select({
      id: practiceReports.id,
      reason: practiceReports.reason,
      comment: practiceReports.comment,
      status: practiceReports.status,
      reporterName: users.name,
      createdAt: practiceReports.createdAt,
      resolution: practiceReports.resolution,
    })
    .from(practiceReports)
    .innerJoin(users, eq(users.id, practiceReports.reporterUserId))
    .where(eq(practiceReports.practiceId, practice.id))
    .orderBy(desc(practiceReports.createdAt));
}
