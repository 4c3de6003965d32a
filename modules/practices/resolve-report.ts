import { and, eq } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { assertUuid } from "../organizations/find-organization.ts";
import type { Actor } from "../organizations/actor.ts";
import { parseOrThrow } from "./create-practice.ts";
import { findPractice } from "./find.ts";
import { indexPractice } from "./index-practice.ts";
import { resolveReportInput, type ResolveReportInput } from "./inputs.ts";
import { practicePolicy } from "./policy.ts";
import { practiceEvents, practiceReports, practices } from "./schema.ts";

/**
 * A moderator answers a report: dismisses it (the practice stays), or takes the practice down
 * (hidden from the public and from search, kept for its authors; every open report on it is
 * upheld). The reporter's identity is never shown to the practice's authors.
 */
export async function resolveReport(ctx: ServiceContext, actor: Actor, reportId: string, raw: ResolveReportInput): Promise<{ status: "dismissed" | "upheld" }> {
  requireSignedIn(actor);
  assertUuid(reportId, "practices.error.reportNotFound");
  const input = parseOrThrow(resolveReportInput, raw);
  const userId = actor.userId;
  const [report] = await ctx.db.select().from(practiceReports).where(eq(practiceReports.id, reportId));
  if (!report) throw notFound("practices.error.reportNotFound");
  const [owner] = await ctx.db.select({ slug: practices.slug }).from(practices).where(eq(practices.id, report.practiceId));
  return ctx.db.transaction(async (tx) => {
    const { practice, facts } = await findPractice(tx, owner!.slug, { forUpdate: true });
    authorize(practicePolicy.moderate(actor, facts), { visible: false });
    const now = new Date();
    if (input.resolution === "dismiss") {
      if (report.status !== "open") throw new AppError("conflict", "practices.error.reportClosed");
      await tx.update(practiceReports).set({ status: "dismissed", resolvedBy: userId, resolvedAt: now, resolution: input.note ?? null }).where(eq(practiceReports.id, report.id));
      await tx.insert(practiceEvents).values({ practiceId: practice.id, kind: "report_dismissed", actorUserId: userId, comment: input.note ?? null });
      return { status: "dismissed" as const };
    }
    await tx
      .update(practiceReports)
      .set({ status: "upheld", resolvedBy: userId, resolvedAt: now, resolution: input.note ?? null })
      .where(and(eq(practiceReports.practiceId, practice.id), eq(practiceReports.status, "open")));
    if (!practice.hiddenAt) {
      await tx.update(practices).set({ hiddenAt: now, updatedAt: now }).where(eq(practices.id, practice.id));
      await tx.insert(practiceEvents).values({ practiceId: practice.id, kind: "hidden", actorUserId: userId, comment: input.note ?? null });
      await indexPractice(tx, practice.id);
    }
    return { status: "upheld" as const };
  });
}
