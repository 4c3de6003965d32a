import { and, eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import { actingOrganizationFor } from "../networks/join-external-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { findEdition } from "./find.ts";
import { applyToTrainingInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { enrolments } from "./schema.ts";

/**
 * A person applies to an edition for themself, for their organization, while its admission call
 * is open: the organization must be an active member of the programme's network or of one of the
 * edition's partner networks. Its focal point then endorses. Applying twice gives the first.
 */
export async function applyToTraining(ctx: ServiceContext, actor: Actor, editionId: string, raw: { organization?: string; motivation: string }): Promise<{ id: string; repeated: boolean }> {
  requireSignedIn(actor);
  const input = parseOrThrow(applyToTrainingInput, raw);
  const { edition, call, networkId } = await findEdition(ctx.db, editionId);
  const organizationId = await actingOrganizationFor(ctx.db, actor, input.organization);
  authorize(callsPolicy.applyToTraining(actor, organizationId) && call.status !== "draft", { visible: call.status !== "draft" });
  const userId = actor.userId;
  const [existing] = await ctx.db.select({ id: enrolments.id }).from(enrolments).where(and(eq(enrolments.editionId, editionId), eq(enrolments.userId, userId)));
  if (existing) return { id: existing.id, repeated: true };
  const [clock] = await queryRows<{ now: Date }>(ctx.db, sql`select statement_timestamp() as now`);
  const now = new Date(clock!.now).getTime();
  if (now < call.opensAt.getTime()) throw new AppError("conflict", "calls.error.notOpenYet");
  if (now > call.closesAt.getTime()) throw new AppError("conflict", "calls.error.closed");
  const eligible = [networkId, ...edition.partnerNetworkIds];
  const [member] = await queryRows<{ one: number }>(
    ctx.db,
    sql`select 1 as one from network_memberships where organization_id = ${organizationId} and status = 'active' and network_id = any(${`{${eligible.join(",")}}`}::uuid[]) limit 1`,
  );
  if (!member) throw new AppError("forbidden", "calls.error.notEligibleForTraining");
  const [row] = await ctx.db.insert(enrolments).values({ editionId, userId, organizationId, motivation: input.motivation }).onConflictDoNothing().returning({ id: enrolments.id });
  if (!row) {
    const [again] = await ctx.db.select({ id: enrolments.id }).from(enrolments).where(and(eq(enrolments.editionId, editionId), eq(enrolments.userId, userId)));
    return { id: again!.id, repeated: true };
  }
  return { id: row.id, repeated: false };
}
