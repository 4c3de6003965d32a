import { eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { findCall } from "./find.ts";
import { callsPolicy } from "./policy.ts";
import { calls } from "./schema.ts";

/** The secretariat publishes a draft call: it becomes public and takes applications between its dates. */
export async function publishCall(ctx: ServiceContext, actor: Actor, id: string): Promise<{ status: "published" }> {
  requireSignedIn(actor);
  const { call, facts } = await findCall(ctx.db, id);
  authorize(callsPolicy.manage(actor, facts.networkId), { visible: callsPolicy.readCall(actor, facts) });
  if (call.status === "published") return { status: "published" };
  if (call.status !== "draft") throw new AppError("conflict", "calls.error.notDraft");
  await ctx.db.update(calls).set({ status: "published", updatedAt: sql`now()` }).where(eq(calls.id, id));
  return { status: "published" };
}
