import { eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { notify } from "../notifications/notify.ts";
import type { Actor } from "../organizations/actor.ts";
import { findCall } from "./find.ts";
import { createProjects } from "./create-projects.ts";
import { callsPolicy } from "./policy.ts";
import { calls } from "./schema.ts";

/**
 * The secretariat publishes the call's results once every submitted application has a decision:
 * applications become awarded or not (an awarded one becomes a project), the results appear on
 * the programme's page, and each application's people are told. Publishing twice changes nothing.
 */
export async function publishResults(ctx: ServiceContext, actor: Actor, callId: string): Promise<{ awarded: number; notAwarded: number }> {
  requireSignedIn(actor);
  const { call, facts } = await findCall(ctx.db, callId);
  authorize(callsPolicy.evaluate(actor, facts), { visible: callsPolicy.readCall(actor, facts) });
  return ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select({ published: calls.resultsPublishedAt }).from(calls).where(eq(calls.id, callId)).for("update");
    const count = async () => {
      const [c] = await queryRows<{ awarded: number; notAwarded: number }>(
        tx,
        sql`select count(*) filter (where status = 'awarded')::int as awarded, count(*) filter (where status = 'not_awarded')::int as "notAwarded" from applications where call_id = ${callId}`,
      );
      return c!;
    };
    if (locked!.published) return count();
    if (call.closesAt.getTime() > Date.now()) throw new AppError("conflict", "calls.error.notClosedYet");
    const [undecided] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from applications a where a.call_id = ${callId} and a.status = 'submitted'
          and not exists (select 1 from application_decisions d where d.application_id = a.id)`,
    );
    if (undecided!.n > 0) throw new AppError("conflict", "calls.error.undecided");
    const decided = await queryRows<{ id: string; title: string; language: string; decision: string; organizations: string[] }>(
      tx,
      sql`update applications a set status = d.decision, updated_at = now()
          from application_decisions d where d.application_id = a.id and a.call_id = ${callId} and a.status = 'submitted'
          returning a.id, a.title, a.language, d.decision,
            array(select a.lead_organization_id union select p.organization_id from application_partners p where p.application_id = a.id and p.status = 'confirmed')::text[] as organizations`,
    );
    await tx.update(calls).set({ status: "decided", resultsPublishedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(calls.id, callId));
    await createProjects(tx, call);
    for (const a of decided) {
      await notify(tx, {
        kind: "calls.decided",
        key: `calls.decided:${a.id}`,
        data: { path: `/applications/${a.id}`, titles: { [a.language]: a.title }, originalLanguage: a.language, decision: a.decision },
        audience: { type: "organizations", organizationIds: a.organizations },
        actorUserId: actor.userId,
      });
    }
    return count();
  });
}
