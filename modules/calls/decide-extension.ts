import { and, eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { addMonths } from "./dates.ts";
import { findProject } from "./find.ts";
import { decideExtensionInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { projectExtensions, projectReports, projects } from "./schema.ts";

/** The secretariat approves or declines an extension; approved, the end and the final report's due day move by its months. */
export async function decideExtension(ctx: ServiceContext, actor: Actor, projectId: string, extensionId: string, raw: { approve: boolean; note?: string }): Promise<{ status: "approved" | "declined"; endsOn: string }> {
  requireSignedIn(actor);
  const input = parseOrThrow(decideExtensionInput, raw);
  const { project, call, projectFacts } = await findProject(ctx.db, projectId);
  authorize(callsPolicy.superviseProject(actor, projectFacts), { visible: callsPolicy.readProject(actor, projectFacts) });
  return ctx.db.transaction(async (tx) => {
    const [extension] = await tx
      .update(projectExtensions)
      .set({ status: input.approve ? "approved" : "declined", decidedBy: actor.userId, decidedAt: sql`now()`, decisionNote: input.note || null })
      .where(and(eq(projectExtensions.id, extensionId), eq(projectExtensions.projectId, projectId), eq(projectExtensions.status, "requested")))
      .returning({ months: projectExtensions.months });
    if (!extension) throw new AppError("conflict", "calls.error.extensionDecided");
    if (!input.approve) return { status: "declined" as const, endsOn: project.endsOn };
    if (project.extendedMonths + extension.months > call.extensionMonths) throw invalid({ months: ["i18n:calls.validation.extensionTooLong"] });
    const endsOn = addMonths(project.endsOn, extension.months);
    await tx.update(projects).set({ endsOn, extendedMonths: project.extendedMonths + extension.months }).where(eq(projects.id, projectId));
    await tx.update(projectReports).set({ dueOn: addMonths(endsOn, 1) }).where(and(eq(projectReports.projectId, projectId), eq(projectReports.kind, "final")));
    return { status: "approved" as const, endsOn };
  });
}
