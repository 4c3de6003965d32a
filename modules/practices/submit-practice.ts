import { eq } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { checkReferences, missingForSubmission } from "./content.ts";
import { findPractice } from "./find.ts";
import { notifySubmitted } from "./notify.ts";
import { practicePolicy } from "./policy.ts";
import { practiceEvents, practices, practiceVersions } from "./schema.ts";

/**
 * The organization's people send the draft to the moderators once it is complete (title,
 * summary, problem, solution and results in its original language, a theme, the year it
 * started); the secretariat is told. Submitting again what is already with them changes nothing.
 */
export async function submitPractice(ctx: ServiceContext, actor: Actor, slug: string): Promise<{ status: "submitted" | "in_review"; repeated: boolean }> {
  requireSignedIn(actor);
  const userId = actor.userId;
  return ctx.db.transaction(async (tx) => {
    const { practice, current, facts } = await findPractice(tx, slug, { forUpdate: true });
    authorize(practicePolicy.submit(actor, facts), { visible: practicePolicy.readWorking(actor, facts) || practicePolicy.read(actor, facts) });
    if (current.status === "submitted" || current.status === "in_review") return { status: current.status, repeated: true };
    if (current.status !== "draft") throw new AppError("conflict", current.status === "changes_requested" ? "practices.error.editFirst" : "practices.error.nothingToSubmit");
    const missing = missingForSubmission(current.content, current.originalLanguage);
    if (Object.keys(missing).length > 0) throw invalid(missing, "practices.error.incomplete");
    // What it refers to may have changed since it was saved (an axis renamed, a file removed).
    await checkReferences(tx, practice.networkId, practice.id, current.content);
    const now = new Date();
    await tx.update(practiceVersions).set({ status: "submitted", submittedBy: userId, submittedAt: now }).where(eq(practiceVersions.id, current.id));
    await tx.update(practices).set({ status: "submitted", updatedAt: now }).where(eq(practices.id, practice.id));
    await tx.insert(practiceEvents).values({ practiceId: practice.id, versionId: current.id, kind: "submitted", actorUserId: userId });
    await notifySubmitted(tx, practice, current, userId);
    return { status: "submitted" as const, repeated: false };
  });
}
