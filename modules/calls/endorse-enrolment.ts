import { and, eq, isNull, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Actor } from "../organizations/actor.ts";
import { findEnrolment } from "./find.ts";
import { callsPolicy } from "./policy.ts";
import { enrolments } from "./schema.ts";

/** The organization's focal point (or authority) endorses one of its people's applications; only endorsed ones can be selected. */
export async function endorseEnrolment(ctx: ServiceContext, actor: Actor, enrolmentId: string): Promise<{ endorsed: true }> {
  requireSignedIn(actor);
  const { enrolmentFacts } = await findEnrolment(ctx.db, enrolmentId);
  authorize(callsPolicy.endorse(actor, enrolmentFacts), { visible: callsPolicy.readEnrolment(actor, enrolmentFacts) });
  await ctx.db.update(enrolments).set({ endorsedBy: actor.userId, endorsedAt: sql`now()` }).where(and(eq(enrolments.id, enrolmentId), isNull(enrolments.endorsedAt)));
  return { endorsed: true };
}
