import { eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { userThemes } from "../accounts/schema.ts";
import type { Actor } from "../organizations/actor.ts";
import { type EventKind, eventKindNames, eventKinds } from "./kinds.ts";
import { notificationPolicy } from "./policy.ts";
import { type Channel, type InterestKind, interestKinds, notificationInterests, notificationPreferences } from "./schema.ts";

export interface NotificationSettings {
  /** False while the defaults apply (the profile's themes, the organizations' networks, every kind). */
  customized: boolean;
  themeIds: string[];
  sdgGoals: number[];
  countryCodes: string[];
  networks: string[];
  kinds: InterestKind[];
  channels: Record<EventKind, Channel>;
}

/** The person's interests and e-mail channels, with the defaults filled in. */
export async function getNotificationSettings(ctx: ServiceContext, actor: Actor): Promise<NotificationSettings> {
  requireSignedIn(actor);
  authorize(notificationPolicy.readOwn(actor));
  const [own] = await ctx.db.select().from(notificationInterests).where(eq(notificationInterests.userId, actor.userId));
  const prefs = await ctx.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, actor.userId));
  const channels = Object.fromEntries(eventKindNames.map((k) => [k, prefs.find((p) => p.eventKind === k)?.channel ?? eventKinds[k].channel])) as Record<EventKind, Channel>;
  if (own) {
    const networks = own.networkIds.length
      ? (await queryRows<{ slug: string }>(ctx.db, sql`select slug from networks where id = any(${`{${own.networkIds.join(",")}}`}::uuid[]) order by name`)).map((n) => n.slug)
      : [];
    return { customized: true, themeIds: own.themeIds, sdgGoals: own.sdgGoals, countryCodes: own.countryCodes, networks, kinds: own.kinds as InterestKind[], channels };
  }
  const themes = (await ctx.db.select({ id: userThemes.themeId }).from(userThemes).where(eq(userThemes.userId, actor.userId))).map((t) => t.id);
  const networks = (
    await queryRows<{ slug: string }>(
      ctx.db,
      sql`select distinct n.slug, n.name from organization_members om join network_memberships nm on nm.organization_id = om.organization_id and nm.status = 'active'
          join networks n on n.id = nm.network_id where om.user_id = ${actor.userId} order by n.name`,
    )
  ).map((n) => n.slug);
  return { customized: false, themeIds: themes, sdgGoals: [], countryCodes: [], networks, kinds: [...interestKinds], channels };
}
