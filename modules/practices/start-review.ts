import { eq } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { findPractice } from "./find.ts";
import { practicePolicy } from "./policy.ts";
import { practiceEvents, practices, practiceVersions } from "./schema.ts";

/** A moderator takes a submitted version into review (the authors can no longer take it back). */
export async function startReview(ctx: ServiceContext, actor: Actor, slug: string): Promise<{ repeated: boolean }> {
  requireSignedIn(actor);
  const userId = actor.userId;
  return ctx.db.transaction(async (tx) => {
    const { practice, current, facts } = await findPractice(tx, slug, { forUpdate: true });
    authorize(practicePolicy.moderate(actor, facts), { visible: practicePolicy.readWorking(actor, facts) || practicePolicy.read(actor, facts) });
    if (current.status === "in_review") return { repeated: true };
    if (current.status !== "submitted") throw new AppError("conflict", "practices.error.notSubmitted");
    await tx.update(practiceVersions).set({ status: "in_review", reviewerId: userId }).where(eq(practiceVersions.id, current.id));
    await tx.update(practices).set({ status: "in_review", updatedAt: new Date() }).where(eq(practices.id, practice.id));
    await tx.insert(practiceEvents).values({ practiceId: practice.id, versionId: current.id, kind: "review_started", actorUserId: userId });
    return { repeated: false };
  });
}
