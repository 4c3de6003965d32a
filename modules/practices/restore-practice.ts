import { eq } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Actor } from "../organizations/actor.ts";
import { findPractice } from "./find.ts";
import { indexPractice } from "./index-practice.ts";
import { practicePolicy } from "./policy.ts";
import { practiceEvents, practices } from "./schema.ts";

/** A moderator puts back a practice taken down: public and searchable again. */
export async function restorePractice(ctx: ServiceContext, actor: Actor, slug: string, note?: string): Promise<void> {
  requireSignedIn(actor);
  const userId = actor.userId;
  await ctx.db.transaction(async (tx) => {
    const { practice, facts } = await findPractice(tx, slug, { forUpdate: true });
    authorize(practicePolicy.moderate(actor, facts), { visible: practicePolicy.readWorking(actor, facts) });
    if (!practice.hiddenAt) return;
    await tx.update(practices).set({ hiddenAt: null, updatedAt: new Date() }).where(eq(practices.id, practice.id));
    await tx.insert(practiceEvents).values({ practiceId: practice.id, kind: "restored", actorUserId: userId, comment: note?.trim().slice(0, 2000) || null });
    await indexPractice(tx, practice.id);
  });
}
