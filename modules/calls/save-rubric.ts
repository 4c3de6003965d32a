import { eq, inArray, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { findCall } from "./find.ts";
import { saveRubricInput, type SaveRubricInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { applications, callCriteria, reviews } from "./schema.ts";

/** The secretariat sets the call's rubric (criteria, weights, scale, guidance); it no longer changes once a review was submitted. */
export async function saveRubric(ctx: ServiceContext, actor: Actor, callId: string, raw: SaveRubricInput): Promise<{ criteria: number }> {
  requireSignedIn(actor);
  const input = parseOrThrow(saveRubricInput, raw);
  const { facts } = await findCall(ctx.db, callId);
  authorize(callsPolicy.evaluate(actor, facts), { visible: callsPolicy.readCall(actor, facts) });
  return ctx.db.transaction(async (tx) => {
    const [scored] = await tx
      .select({ id: reviews.id })
      .from(reviews)
      .innerJoin(applications, eq(applications.id, reviews.applicationId))
      .where(sql`${applications.callId} = ${callId} and ${inArray(reviews.status, ["submitted"])}`)
      .limit(1);
    if (scored) throw new AppError("conflict", "calls.error.rubricFrozen");
    await tx.delete(callCriteria).where(eq(callCriteria.callId, callId));
    await tx.insert(callCriteria).values(input.criteria.map((c, position) => ({ callId, position, texts: c.texts, weight: c.weight, scaleMax: c.scaleMax })));
    return { criteria: input.criteria.length };
  });
}
