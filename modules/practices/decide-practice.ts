import { eq } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { parseOrThrow } from "./create-practice.ts";
import { effectiveThemes, findPractice, isObservatory } from "./find.ts";
import { indexPractice } from "./index-practice.ts";
import { decidePracticeInput, type DecidePracticeInput } from "./inputs.ts";
import { notifyDecision, notifyNewPractice } from "./notify.ts";
import { practicePolicy } from "./policy.ts";
import { practiceEvents, practices, practiceVersions } from "./schema.ts";

const outcome = { publish: "published", request_changes: "changes_requested", decline: "declined" } as const;

/**
 * A moderator answers a submitted version: publishes it (it becomes what the public reads and is
 * indexed for search; an earlier published version is kept in the history), asks for changes with
 * comments, or declines it with a reason. The organization is told by e-mail. Deciding again what
 * was already decided the same way changes nothing; a version already answered otherwise is a conflict.
 */
export async function decidePractice(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  raw: DecidePracticeInput,
): Promise<{ status: "published" | "changes_requested" | "declined"; repeated: boolean }> {
  requireSignedIn(actor);
  const input = parseOrThrow(decidePracticeInput, raw);
  const userId = actor.userId;
  return ctx.db.transaction(async (tx) => {
    const { practice, current, facts } = await findPractice(tx, slug, { forUpdate: true });
    authorize(practicePolicy.moderate(actor, facts), { visible: practicePolicy.readWorking(actor, facts) || practicePolicy.read(actor, facts) });
    const status = outcome[input.decision];
    if (current.status === status) return { status, repeated: true };
    if (current.status !== "submitted" && current.status !== "in_review") throw new AppError("conflict", "practices.error.notSubmitted");
    const now = new Date();
    const comment = input.comment ?? null;
    await tx
      .update(practiceVersions)
      .set({ status, decidedBy: userId, decidedAt: now, decisionComment: comment, reviewerId: current.reviewerId ?? userId })
      .where(eq(practiceVersions.id, current.id));
    await tx
      .update(practices)
      .set({
        status,
        updatedAt: now,
        ...(status === "published"
          ? { publishedVersionId: current.id, lastPublishedAt: now, firstPublishedAt: practice.firstPublishedAt ?? now, observatory: isObservatory(current.content) }
          : {}),
      })
      .where(eq(practices.id, practice.id));
    await tx.insert(practiceEvents).values({ practiceId: practice.id, versionId: current.id, kind: status, actorUserId: userId, comment });
    if (status === "published") await indexPractice(tx, practice.id);
    await notifyDecision(tx, practice, current, input.decision, comment, userId);
    if (status === "published") await notifyNewPractice(tx, practice, current, await effectiveThemes(tx, practice.networkId, current.content), userId);
    return { status, repeated: false };
  });
}
