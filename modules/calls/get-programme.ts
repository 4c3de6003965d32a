import { desc, eq, inArray } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { findProgramme } from "./find.ts";
import { programmeStatistics, type ProgrammeStatistics } from "./get-programme-statistics.ts";
import { callsPolicy } from "./policy.ts";
import { type CallKind, type CallStatus, calls, type ProgrammeText, trainingEditions, trainings } from "./schema.ts";
import { pickText } from "./texts.ts";

export interface ProgrammeView {
  network: { slug: string; name: string };
  slug: string;
  text: ProgrammeText;
  language: Locale;
  calls: { id: string; slug: string; kind: CallKind; status: CallStatus; title: string; language: Locale; opensAt: string; closesAt: string; timeZone: string; projectCapCents: number; currency: string; resultsPublished: boolean }[];
  trainings: { name: string; description: string; covered: string; language: Locale; editions: { id: string; label: string; startsOn: string; endsOn: string; mode: string; place: string; seatsMin: number; seatsMax: number; valuePerParticipantCents: number; currency: string; callId: string }[] }[];
  statistics: ProgrammeStatistics;
  canManage: boolean;
}

/** A programme's public page: what it is, its calls (drafts for its secretariat only), its trainings and its figures. */
export async function getProgramme(ctx: ServiceContext, actor: Actor, networkSlug: string, slug: string, locale: Locale): Promise<ProgrammeView> {
  const network = await findNetwork(ctx.db, networkSlug);
  const programme = await findProgramme(ctx.db, networkSlug, slug);
  const text = pickText(programme.texts, locale, programme.originalLanguage)!;
  const rows = await ctx.db.select().from(calls).where(eq(calls.programmeId, programme.id)).orderBy(desc(calls.opensAt));
  const visible = rows.filter((c) => callsPolicy.readCall(actor, { networkId: programme.networkId, status: c.status }));
  const trainingRows = await ctx.db.select().from(trainings).where(eq(trainings.programmeId, programme.id));
  const editions = trainingRows.length === 0 ? [] : await ctx.db.select().from(trainingEditions).where(inArray(trainingEditions.trainingId, trainingRows.map((t) => t.id))).orderBy(desc(trainingEditions.startsOn));
  return {
    network: { slug: network.slug, name: network.name },
    slug: programme.slug,
    text: text.value,
    language: text.language,
    calls: visible.map((c) => {
      const title = pickText(c.texts, locale, c.originalLanguage);
      return {
        id: c.id,
        slug: c.slug,
        kind: c.kind,
        status: c.status,
        title: title?.value.title ?? c.slug,
        language: title?.language ?? "es",
        opensAt: c.opensAt.toISOString(),
        closesAt: c.closesAt.toISOString(),
        timeZone: c.timeZone,
        projectCapCents: c.projectCapCents,
        currency: c.currency,
        resultsPublished: c.resultsPublishedAt !== null,
      };
    }),
    trainings: trainingRows.map((t) => {
      const tt = pickText(t.texts, locale, t.originalLanguage)!;
      return {
        ...tt.value,
        language: tt.language,
        editions: editions
          .filter((e) => e.trainingId === t.id)
          .map((e) => ({ id: e.id, label: e.label, startsOn: e.startsOn, endsOn: e.endsOn, mode: e.mode, place: e.place, seatsMin: e.seatsMin, seatsMax: e.seatsMax, valuePerParticipantCents: e.valuePerParticipantCents, currency: e.currency, callId: e.callId })),
      };
    }),
    statistics: await programmeStatistics(ctx.db, programme.id),
    canManage: callsPolicy.manage(actor, programme.networkId),
  };
}
