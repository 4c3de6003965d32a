import { sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { invalid } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { notificationSettingsInput, type NotificationSettingsInput } from "./inputs.ts";
import { notificationPolicy } from "./policy.ts";
import { notificationInterests, notificationPreferences } from "./schema.ts";

/** The person chooses what they hear about and how; saving makes the choice their own (no more defaults). */
export async function saveNotificationSettings(ctx: ServiceContext, actor: Actor, raw: NotificationSettingsInput): Promise<void> {
  requireSignedIn(actor);
  authorize(notificationPolicy.changeOwn(actor));
  const input = parseOrThrow(notificationSettingsInput, raw);
  const errors: Record<string, string[]> = {};
  if (input.themeIds.length) {
    const found = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from themes where id = any(${`{${input.themeIds.join(",")}}`}::text[])`);
    if (Number(found[0]?.n) < input.themeIds.length) errors.themeIds = ["i18n:notifications.validation.theme"];
  }
  if (input.countryCodes.length) {
    const found = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from countries where code = any(${`{${input.countryCodes.join(",")}}`}::text[])`);
    if (Number(found[0]?.n) < input.countryCodes.length) errors.countryCodes = ["i18n:notifications.validation.country"];
  }
  const networks = input.networks.length
    ? await queryRows<{ id: string }>(ctx.db, sql`select id from networks where slug = any(${`{${input.networks.map((n) => `"${n.replace(/["\\]/g, "")}"`).join(",")}}`}::text[])`)
    : [];
  if (networks.length < input.networks.length) errors.networks = ["i18n:notifications.validation.network"];
  if (Object.keys(errors).length) throw invalid(errors);
  const userId = actor.userId;
  await ctx.db.transaction(async (tx) => {
    const values = { themeIds: input.themeIds, sdgGoals: input.sdgGoals, countryCodes: input.countryCodes, networkIds: networks.map((n) => n.id), kinds: input.kinds, updatedAt: sql`now()` };
    await tx.insert(notificationInterests).values({ userId, ...values }).onConflictDoUpdate({ target: notificationInterests.userId, set: values });
    for (const [eventKind, channel] of Object.entries(input.channels)) {
      if (!channel) continue;
      await tx
        .insert(notificationPreferences)
        .values({ userId, eventKind, channel })
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.eventKind], set: { channel, unsubscribedAt: null, updatedAt: sql`now()` } });
    }
  });
}
