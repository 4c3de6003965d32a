import { and, eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { findProject } from "./find.ts";
import { reviewReportInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { projectReports, type ReportKind } from "./schema.ts";

/** The secretariat accepts a submitted report, or returns it to the lead with a note (it is due again). */
export async function reviewReport(ctx: ServiceContext, actor: Actor, projectId: string, kind: ReportKind, raw: { accept: boolean; note?: string }): Promise<{ status: "accepted" | "due" }> {
  requireSignedIn(actor);
  const input = parseOrThrow(reviewReportInput, raw);
  const { projectFacts } = await findProject(ctx.db, projectId);
  authorize(callsPolicy.superviseProject(actor, projectFacts), { visible: callsPolicy.readProject(actor, projectFacts) });
  const status = input.accept ? "accepted" : "due";
  const [done] = await ctx.db
    .update(projectReports)
    .set({ status, reviewNote: input.note || null, acceptedAt: input.accept ? sql`now()` : null })
    .where(and(eq(projectReports.projectId, projectId), eq(projectReports.kind, kind), eq(projectReports.status, "submitted")))
    .returning({ id: projectReports.id });
  if (!done) throw new AppError("conflict", "calls.error.reportNotSubmitted");
  return { status };
}
