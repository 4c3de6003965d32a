import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { callState, findCall } from "./calls.ts";
import { parseOrThrow } from "./create-practice.ts";
import { findPractice } from "./find.ts";
import { practiceSlug } from "./inputs.ts";
import { practicePolicy } from "./policy.ts";
import { practiceCallEntries } from "./schema.ts";
import { submitPractice } from "./submit-practice.ts";

export const submitToCallInput = z.object({ practice: practiceSlug.describe("The practice entered in the call (one of the caller's organization)") });
export type SubmitToCallInput = z.input<typeof submitToCallInput>;

/**
 * The practice's authors enter it in an open call of its network; a draft is sent to the
 * moderators at the same time (the selection needs it published). Only before the deadline, by
 * the server's clock; entering it again changes nothing.
 */
export async function submitToCall(
  ctx: ServiceContext,
  actor: Actor,
  networkSlug: string,
  callSlug: string,
  raw: SubmitToCallInput,
  now = new Date(),
): Promise<{ id: string; repeated: boolean }> {
  requireSignedIn(actor);
  const input = parseOrThrow(submitToCallInput, raw);
  const network = await findNetwork(ctx.db, networkSlug);
  const call = await findCall(ctx.db, network.id, callSlug);
  const { practice, current, facts } = await findPractice(ctx.db, input.practice);
  authorize(practicePolicy.submit(actor, facts), { visible: practicePolicy.readWorking(actor, facts) || practicePolicy.read(actor, facts) });
  if (practice.networkId !== network.id) throw new AppError("invalid", "error.invalid.detail", { practice: ["i18n:practices.validation.otherNetwork"] });
  const [existing] = await ctx.db
    .select({ id: practiceCallEntries.id })
    .from(practiceCallEntries)
    .where(and(eq(practiceCallEntries.callId, call.id), eq(practiceCallEntries.practiceId, practice.id)));
  if (existing) return { id: existing.id, repeated: true };
  const state = callState(call, now);
  if (state !== "open") throw new AppError("conflict", state === "upcoming" ? "practices.error.callNotOpen" : "practices.error.callClosed");
  if (current.status === "changes_requested" || current.status === "declined") throw new AppError("conflict", "practices.error.editFirst");
  if (current.status === "draft") await submitPractice(ctx, actor, practice.slug);
  return ctx.db.transaction(async (tx) => {
    // The deadline is checked again with the database's clock, in the transaction that records the entry.
    const [open] = await queryRows<{ open: boolean }>(tx, sql`select now() <= ${call.closesAt} as open`);
    if (!open?.open) throw new AppError("conflict", "practices.error.callClosed");
    const [created] = await tx
      .insert(practiceCallEntries)
      .values({ callId: call.id, practiceId: practice.id, submittedBy: actor.userId })
      .onConflictDoNothing({ target: [practiceCallEntries.callId, practiceCallEntries.practiceId] })
      .returning({ id: practiceCallEntries.id });
    if (created) return { id: created.id, repeated: false };
    const [first] = await tx
      .select({ id: practiceCallEntries.id })
      .from(practiceCallEntries)
      .where(and(eq(practiceCallEntries.callId, call.id), eq(practiceCallEntries.practiceId, practice.id)));
    return { id: first!.id, repeated: true };
  });
}
