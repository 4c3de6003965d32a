import { and, eq } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Actor } from "../organizations/actor.ts";
import { findPractice } from "./find.ts";
import { indexPractice } from "./index-practice.ts";
import { practicePolicy } from "./policy.ts";
import { practiceEvents, practiceReports, practices } from "./schema.ts";

/**
 * A moderator takes a practice down without waiting for a report (hidden from the public and
 * from search, kept for its authors), saying why; open reports on it are upheld, as when the
 * practice is taken down from one of them. restorePractice puts it back.
 */
export async function hidePractice(ctx: ServiceContext, actor: Actor, slug: string, note?: string): Promise<{ repeated: boolean }> {
  requireSignedIn(actor);
  const userId = actor.userId;
  const comment = note?.trim().slice(0, 2000) || null;
  return ctx.db.transaction(async (tx) => {
    const { practice, facts } = await findPractice(tx, slug, { forUpdate: true });
    authorize(practicePolicy.moderate(actor, facts), { visible: practicePolicy.read(actor, facts) || practicePolicy.readWorking(actor, facts) });
    if (practice.hiddenAt) return { repeated: true };
    const now = new Date();
    await tx
      .update(practiceReports)
      .set({ status: "upheld", resolvedBy: userId, resolvedAt: now, resolution: comment })
      .where(and(eq(practiceReports.practiceId, practice.id), eq(practiceReports.status, "open")));
    await tx.update(practices).set({ hiddenAt: now, updatedAt: now }).where(eq(practices.id, practice.id));
    await tx.insert(practiceEvents).values({ practiceId: practice.id, kind: "hidden", actorUserId: userId, comment });
    await indexPractice(tx, practice.id);
    return { repeated: false };
  });
}
