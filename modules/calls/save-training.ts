import { eq } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { saveTrainingInput, type SaveTrainingInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { programmes, trainings } from "./schema.ts";

/** The secretariat describes a training of its programme (what it teaches, what is covered); the same slug again updates it. */
export async function saveTraining(ctx: ServiceContext, actor: Actor, raw: SaveTrainingInput): Promise<{ id: string }> {
  requireSignedIn(actor);
  const input = parseOrThrow(saveTrainingInput, raw);
  const [programme] = await ctx.db.select().from(programmes).where(eq(programmes.id, input.programme));
  if (!programme) throw new AppError("not_found", "error.notFound.detail");
  authorize(callsPolicy.manage(actor, programme.networkId), { visible: false });
  const originalLanguage = input.originalLanguage ?? locales.find((l) => input.texts[l])!;
  const [row] = await ctx.db
    .insert(trainings)
    .values({ programmeId: programme.id, slug: input.slug, originalLanguage, texts: input.texts })
    .onConflictDoUpdate({ target: [trainings.programmeId, trainings.slug], set: { texts: input.texts, originalLanguage } })
    .returning({ id: trainings.id });
  return { id: row!.id };
}
