import { and, eq, inArray, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { findProject } from "./find.ts";
import { cents, submitReportInput, type SubmitReportInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { projectReports, type ReportKind } from "./schema.ts";

/** The lead submits the interim or final report: what was done and the expenses against the budget (programme funds and counterpart, per organization). */
export async function submitReport(ctx: ServiceContext, actor: Actor, projectId: string, kind: ReportKind, raw: SubmitReportInput): Promise<{ status: "submitted" }> {
  requireSignedIn(actor);
  const input = parseOrThrow(submitReportInput, raw);
  const { project, application, projectFacts } = await findProject(ctx.db, projectId);
  authorize(callsPolicy.reportProject(actor, projectFacts), { visible: callsPolicy.readProject(actor, projectFacts) });
  const spenders = new Set([application.leadOrganizationId, ...projectFacts.partnerOrganizationIds]);
  const wrong = input.expenses.flatMap((e, i) => (spenders.has(e.organization) ? [] : [[`expenses.${i}.organization`, ["i18n:calls.validation.budgetOrganization"]]]));
  if (wrong.length > 0) throw invalid(Object.fromEntries(wrong));
  const [done] = await ctx.db
    .update(projectReports)
    .set({
      status: "submitted",
      narrative: input.narrative,
      expenses: input.expenses.map((e) => ({ organization: e.organization, description: e.description, fundedCents: cents(e.funded), counterpartCashCents: cents(e.counterpartCash), counterpartInKindCents: cents(e.counterpartInKind) })),
      submittedAt: sql`now()`,
      submittedBy: actor.userId,
    })
    .where(and(eq(projectReports.projectId, project.id), eq(projectReports.kind, kind), inArray(projectReports.status, ["due"])))
    .returning({ id: projectReports.id });
  if (!done) throw new AppError("conflict", "calls.error.reportNotDue");
  return { status: "submitted" };
}
