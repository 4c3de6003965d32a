import { eq } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { findPractice } from "./find.ts";
import { practicePolicy } from "./policy.ts";
import { practiceEvents, practices, practiceVersions } from "./schema.ts";

/** The authors take back a submission no moderator has started reviewing; it is a draft again. */
export async function withdrawPractice(ctx: ServiceContext, actor: Actor, slug: string): Promise<void> {
  requireSignedIn(actor);
  const userId = actor.userId;
  await ctx.db.transaction(async (tx) => {
    const { practice, current, facts } = await findPractice(tx, slug, { forUpdate: true });
    authorize(practicePolicy.withdraw(actor, facts), { visible: practicePolicy.readWorking(actor, facts) || practicePolicy.read(actor, facts) });
    if (current.status === "draft") return;
    if (current.status !== "submitted") throw new AppError("conflict", current.status === "in_review" ? "practices.error.alreadyInReview" : "practices.error.notSubmitted");
    await tx.update(practiceVersions).set({ status: "draft", submittedAt: null, submittedBy: null }).where(eq(practiceVersions.id, current.id));
    await tx.update(practices).set({ status: "draft", updatedAt: new Date() }).where(eq(practices.id, practice.id));
    await tx.insert(practiceEvents).values({ practiceId: practice.id, versionId: current.id, kind: "withdrawn", actorUserId: userId });
  });
}
