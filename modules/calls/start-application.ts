import { and, eq, ne } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import { actingOrganizationFor } from "../networks/join-external-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { findCall } from "./find.ts";
import { startApplicationInput, type StartApplicationInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { applications } from "./schema.ts";

/**
 * A person starts their organization's application to a published call, as its lead, before the
 * call closes. A city leads one proposal per call: starting a second is refused (the first is
 * named); the same idempotency key sent again gives the first draft.
 */
export async function startApplication(ctx: ServiceContext, actor: Actor, raw: StartApplicationInput): Promise<{ id: string; repeated: boolean }> {
  requireSignedIn(actor);
  const input = parseOrThrow(startApplicationInput, raw);
  const { call, facts } = await findCall(ctx.db, input.call);
  const organizationId = await actingOrganizationFor(ctx.db, actor, input.organization);
  authorize(callsPolicy.apply(actor, organizationId, facts), { visible: callsPolicy.readCall(actor, facts) });
  const userId = actor.userId;
  const byKey = async () =>
    input.idempotencyKey
      ? (await ctx.db.select({ id: applications.id }).from(applications).where(and(eq(applications.createdBy, userId), eq(applications.creationKey, input.idempotencyKey))))[0]
      : undefined;
  const first = await byKey();
  if (first) return { id: first.id, repeated: true };
  if (call.closesAt.getTime() <= Date.now()) throw new AppError("conflict", "calls.error.closed");
  return ctx.db.transaction(async (tx) => {
    const [leading] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.callId, call.id), eq(applications.leadOrganizationId, organizationId), ne(applications.status, "withdrawn")));
    if (leading) throw new AppError("conflict", "calls.error.alreadyLeads");
    const [row] = await tx
      .insert(applications)
      .values({
        callId: call.id,
        leadOrganizationId: organizationId,
        language: input.language,
        title: input.title,
        content: { summary: "", objectives: "", activities: [], expectedResults: "", indicators: [] },
        creationKey: input.idempotencyKey ?? null,
        createdBy: userId,
        updatedBy: userId,
      })
      .onConflictDoNothing()
      .returning({ id: applications.id });
    if (!row) {
      const again = await tx.select({ id: applications.id }).from(applications).where(and(eq(applications.createdBy, userId), eq(applications.creationKey, input.idempotencyKey ?? "")));
      if (again[0]) return { id: again[0].id, repeated: true };
      throw new AppError("conflict", "calls.error.alreadyLeads");
    }
    return { id: row.id, repeated: false };
  });
}
