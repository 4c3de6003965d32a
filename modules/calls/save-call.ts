import { and, eq, inArray, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { cents, instantIn, saveCallInput, type SaveCallInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { applications, calls, programmes } from "./schema.ts";

/**
 * The secretariat writes a call of its programme (a draft until published); saving the same slug
 * again updates it. Once an application was submitted, what decides eligibility (cap, funded
 * share, currency, rules) and the opening date no longer change: only the texts, the budget and a
 * later deadline.
 */
export async function saveCall(ctx: ServiceContext, actor: Actor, raw: SaveCallInput): Promise<{ id: string; created: boolean }> {
  requireSignedIn(actor);
  const input = parseOrThrow(saveCallInput, raw);
  const [programme] = await ctx.db.select().from(programmes).where(eq(programmes.id, input.programme));
  if (!programme) throw new AppError("not_found", "error.notFound.detail");
  authorize(callsPolicy.manage(actor, programme.networkId), { visible: false });
  const values = {
    kind: input.kind,
    originalLanguage: input.originalLanguage ?? locales.find((l) => input.texts[l])!,
    texts: input.texts,
    themeIds: input.themeIds,
    opensAt: instantIn(input.opensAt, input.timeZone),
    closesAt: instantIn(input.closesAt, input.timeZone),
    timeZone: input.timeZone,
    currency: input.currency,
    totalBudgetCents: cents(input.totalBudget),
    projectCapCents: cents(input.projectCap),
    maxFundedSharePercent: input.maxFundedSharePercent,
    executionMonths: input.executionMonths,
    extensionMonths: input.extensionMonths,
    modalities: input.modalities,
    rules: input.rules,
    feedbackToApplicants: input.feedbackToApplicants,
  };
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(calls).where(and(eq(calls.programmeId, programme.id), eq(calls.slug, input.slug))).for("update");
    if (!existing) {
      const [row] = await tx
        .insert(calls)
        .values({ ...values, programmeId: programme.id, slug: input.slug, createdBy: actor.userId })
        .returning({ id: calls.id });
      return { id: row!.id, created: true };
    }
    const [submitted] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.callId, existing.id), inArray(applications.status, ["submitted", "awarded", "not_awarded"])))
      .limit(1);
    if (submitted) {
      const frozen =
        existing.kind !== values.kind ||
        existing.currency !== values.currency ||
        existing.projectCapCents !== values.projectCapCents ||
        existing.maxFundedSharePercent !== values.maxFundedSharePercent ||
        JSON.stringify(existing.rules) !== JSON.stringify(values.rules) ||
        existing.opensAt.getTime() !== values.opensAt.getTime() ||
        values.closesAt.getTime() < existing.closesAt.getTime();
      if (frozen) throw new AppError("conflict", "calls.error.rulesFrozen");
    }
    await tx.update(calls).set({ ...values, updatedAt: sql`now()` }).where(eq(calls.id, existing.id));
    return { id: existing.id, created: false };
  });
}
