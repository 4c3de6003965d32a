import { eq, inArray } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import { networks } from "../networks/schema.ts";
import type { Actor } from "../organizations/actor.ts";
import { findCall } from "./find.ts";
import { cents, saveEditionInput, type SaveEditionInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { programmes, trainingEditions, trainingSessions, trainings } from "./schema.ts";

/**
 * The secretariat sets up an edition of a training with its admission call (of kind training
 * admission, in the same programme): dates, mode, place, seats, the value per participant, the
 * partner networks whose members may apply, the sessions. Saving the same call's edition again updates it.
 */
export async function saveEdition(ctx: ServiceContext, actor: Actor, raw: SaveEditionInput): Promise<{ id: string }> {
  requireSignedIn(actor);
  const input = parseOrThrow(saveEditionInput, raw);
  const [training] = await ctx.db.select({ id: trainings.id, programmeId: trainings.programmeId, networkId: programmes.networkId }).from(trainings).innerJoin(programmes, eq(programmes.id, trainings.programmeId)).where(eq(trainings.id, input.training));
  if (!training) throw new AppError("not_found", "error.notFound.detail");
  authorize(callsPolicy.manage(actor, training.networkId), { visible: false });
  const { call } = await findCall(ctx.db, input.call);
  if (call.programmeId !== training.programmeId || call.kind !== "training_admission") throw invalid({ call: ["i18n:calls.validation.admissionCall"] });
  const partners = input.partnerNetworks.length > 0 ? await ctx.db.select({ id: networks.id, slug: networks.slug }).from(networks).where(inArray(networks.slug, input.partnerNetworks)) : [];
  if (partners.length !== input.partnerNetworks.length) throw invalid({ partnerNetworks: ["i18n:calls.validation.network"] });
  const values = {
    trainingId: training.id,
    callId: call.id,
    label: input.label,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    mode: input.mode,
    place: input.place,
    seatsMin: input.seatsMin,
    seatsMax: input.seatsMax,
    valuePerParticipantCents: cents(input.valuePerParticipant),
    currency: input.currency,
    partnerNetworkIds: partners.map((p) => p.id),
    mentoringMonths: input.mentoringMonths,
    attendanceRequiredPercent: input.attendanceRequiredPercent,
  };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(trainingEditions).values(values).onConflictDoUpdate({ target: trainingEditions.callId, set: values }).returning({ id: trainingEditions.id });
    if (input.sessions.length > 0) {
      await tx.delete(trainingSessions).where(eq(trainingSessions.editionId, row!.id));
      await tx.insert(trainingSessions).values(input.sessions.map((s, position) => ({ editionId: row!.id, position, title: s.title, startsAt: new Date(s.startsAt) })));
    }
    return { id: row!.id };
  });
}
