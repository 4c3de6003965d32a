import { and, eq, inArray, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { findEdition } from "./find.ts";
import { selectParticipantsInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { enrolments } from "./schema.ts";

/**
 * The secretariat selects the cohort within the edition's seats, and puts others on a waiting
 * list in order; every other endorsed application is not selected. Only endorsed applications
 * count; the admission call must have closed.
 */
export async function selectParticipants(ctx: ServiceContext, actor: Actor, editionId: string, raw: { selected: string[]; waitlist?: string[] }): Promise<{ selected: number; waitlisted: number; notSelected: number }> {
  requireSignedIn(actor);
  const input = parseOrThrow(selectParticipantsInput, raw);
  const { edition, call, networkId } = await findEdition(ctx.db, editionId);
  authorize(callsPolicy.manage(actor, networkId), { visible: false });
  if (call.closesAt.getTime() > Date.now()) throw new AppError("conflict", "calls.error.notClosedYet");
  if (input.selected.length > edition.seatsMax) throw invalid({ selected: ["i18n:calls.validation.tooManySelected"] });
  const chosen = [...input.selected, ...input.waitlist];
  if (new Set(chosen).size !== chosen.length) throw invalid({ waitlist: ["i18n:calls.validation.selectedTwice"] });
  return ctx.db.transaction(async (tx) => {
    const candidates = await tx.select({ id: enrolments.id, endorsed: enrolments.endorsedAt }).from(enrolments).where(and(eq(enrolments.editionId, editionId), eq(enrolments.status, "applied")));
    const endorsed = new Set(candidates.filter((c) => c.endorsed).map((c) => c.id));
    if (chosen.some((id) => !endorsed.has(id))) throw invalid({ selected: ["i18n:calls.validation.notEndorsed"] });
    if (input.selected.length > 0) await tx.update(enrolments).set({ status: "selected", decidedAt: sql`now()` }).where(inArray(enrolments.id, input.selected));
    for (const [i, id] of input.waitlist.entries()) await tx.update(enrolments).set({ status: "waitlisted", waitlistPosition: i + 1, decidedAt: sql`now()` }).where(eq(enrolments.id, id));
    const rest = [...endorsed].filter((id) => !chosen.includes(id));
    if (rest.length > 0) await tx.update(enrolments).set({ status: "not_selected", decidedAt: sql`now()` }).where(inArray(enrolments.id, rest));
    return { selected: input.selected.length, waitlisted: input.waitlist.length, notSelected: rest.length };
  });
}
