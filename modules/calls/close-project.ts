import { and, eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { findProject } from "./find.ts";
import { closeProjectInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { projectReports, projects } from "./schema.ts";

/** The secretariat closes a project once its final report is accepted. */
export async function closeProject(ctx: ServiceContext, actor: Actor, projectId: string, raw: { note?: string } = {}): Promise<{ status: "closed" }> {
  requireSignedIn(actor);
  const input = parseOrThrow(closeProjectInput, raw);
  const { projectFacts } = await findProject(ctx.db, projectId);
  if (!projectFacts.active) {
    authorize(callsPolicy.superviseProject(actor, { ...projectFacts, active: true }), { visible: callsPolicy.readProject(actor, projectFacts) });
    return { status: "closed" };
  }
  authorize(callsPolicy.superviseProject(actor, projectFacts), { visible: callsPolicy.readProject(actor, projectFacts) });
  const [final] = await ctx.db.select({ status: projectReports.status }).from(projectReports).where(and(eq(projectReports.projectId, projectId), eq(projectReports.kind, "final")));
  if (final?.status !== "accepted") throw new AppError("conflict", "calls.error.finalReportMissing");
  await ctx.db.update(projects).set({ status: "closed", closedAt: sql`now()`, closedBy: actor.userId, closingNote: input.note || null }).where(and(eq(projects.id, projectId), eq(projects.status, "active")));
  return { status: "closed" };
}
