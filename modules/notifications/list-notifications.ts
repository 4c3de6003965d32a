import { sql } from "drizzle-orm";
import type { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { type EventData, notificationLine } from "./describe.ts";
import { listNotificationsInput } from "./inputs.ts";
import { notificationPolicy } from "./policy.ts";

export interface NotificationView {
  id: string;
  kind: string;
  /** What happened, in the reader's language. */
  text: string;
  /** Where to look (after /<lang>). */
  path: string;
  createdAt: string;
  read: boolean;
}

/** The person's inbox, newest first, with how many are unread. */
export async function listNotifications(ctx: ServiceContext, actor: Actor, raw: z.input<typeof listNotificationsInput>, locale: Locale): Promise<{ items: NotificationView[]; total: number; unread: number }> {
  requireSignedIn(actor);
  authorize(notificationPolicy.readOwn(actor));
  const input = parseOrThrow(listNotificationsInput, raw);
  const t = createTranslator(locale, catalogs[locale]);
  const rows = await queryRows<{ id: string; event_kind: string; data: EventData; created_at: Date | string; read_at: Date | string | null; total: number }>(
    ctx.db,
    sql`select id, event_kind, data, created_at, read_at, count(*) over () as total from notifications
        where user_id = ${actor.userId} ${input.unread ? sql`and read_at is null` : sql``}
        order by created_at desc, id limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.event_kind,
      text: notificationLine(t, locale, r.event_kind, r.data),
      path: r.data.path,
      createdAt: new Date(r.created_at).toISOString(),
      read: r.read_at !== null,
    })),
    total: rows.length ? Number(rows[0]!.total) : 0,
    unread: await countUnread(ctx, actor),
  };
}

/** The number in the header: unread notifications (0 for nobody). */
export async function countUnread(ctx: ServiceContext, actor: Actor): Promise<number> {
  if (actor.userId === null) return 0;
  const [row] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from notifications where user_id = ${actor.userId} and read_at is null`);
  return Number(row?.n ?? 0);
}
