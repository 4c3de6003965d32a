import { and, eq, inArray, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { findApplication } from "./find.ts";
import { callsPolicy } from "./policy.ts";
import { applications } from "./schema.ts";

/** The lead withdraws its draft or submitted application, until the call closes; the city may then lead another. */
export async function withdrawApplication(ctx: ServiceContext, actor: Actor, id: string): Promise<{ status: "withdrawn" }> {
  requireSignedIn(actor);
  const { application, call, facts } = await findApplication(ctx.db, id);
  authorize(callsPolicy.withdraw(actor, facts), { visible: callsPolicy.readApplication(actor, facts) });
  if (application.status === "withdrawn") return { status: "withdrawn" };
  const [clock] = await queryRows<{ now: Date }>(ctx.db, sql`select statement_timestamp() as now`);
  if (new Date(clock!.now).getTime() > call.closesAt.getTime()) throw new AppError("conflict", "calls.error.closed");
  const [done] = await ctx.db
    .update(applications)
    .set({ status: "withdrawn", withdrawnAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(applications.id, id), inArray(applications.status, ["draft", "submitted"])))
    .returning({ id: applications.id });
  if (!done) throw new AppError("conflict", "calls.error.notDraft");
  return { status: "withdrawn" };
}
