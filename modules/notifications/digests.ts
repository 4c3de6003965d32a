// Daily and weekly digests: every scheduled tick finds the people with notifications waiting for
// a digest whose time has come in their own time zone (from DIGEST_HOUR; weekly ones on Monday)
// and puts one "notifications.digest" row per person and day in the outbox; its delivery sends one
// e-mail with every waiting notification and marks them, in one transaction.
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../platform/db/client.ts";
import { sendEmail } from "../../platform/mail/send-email.ts";
import { enqueue } from "../../platform/outbox/enqueue.ts";
import { notificationDigestEmail } from "./emails.ts";

export const digestOutboxKind = "notifications.digest";
/** Most notifications listed in one digest; the rest wait in the inbox (marked as in this digest). */
const DIGEST_ITEMS = 40;

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Whether a digest of `period` is due on the person's local day and hour. */
export function digestDue(period: "daily" | "weekly", local: { day: string; hour: number; isoDow: number }, lastDay: string | null, digestHour: number): boolean {
  if (local.hour < digestHour) return false;
  if (lastDay !== null && lastDay >= local.day) return false;
  if (period === "daily") return true;
  if (lastDay === null) return local.isoDow === 1;
  const since = daysBetween(lastDay, local.day);
  return since >= 7 && (local.isoDow === 1 || since >= 8);
}

export async function enqueueDueDigests(db: Database, options: { now?: Date; digestHour: number }): Promise<number> {
  const now = (options.now ?? new Date()).toISOString();
  const rows = await queryRows<{ user_id: string; period: "daily" | "weekly"; local_day: string; local_hour: number; iso_dow: number; last_day: string | null }>(
    db,
    sql`select w.user_id, w.channel as period,
               to_char(${now}::timestamptz at time zone coalesce(u.time_zone, 'UTC'), 'YYYY-MM-DD') as local_day,
               extract(hour from ${now}::timestamptz at time zone coalesce(u.time_zone, 'UTC'))::int as local_hour,
               extract(isodow from ${now}::timestamptz at time zone coalesce(u.time_zone, 'UTC'))::int as iso_dow,
               d.last_day
        from (select distinct user_id, channel from notifications where email_state = 'pending' and channel in ('daily', 'weekly')) w
        join users u on u.id = w.user_id
        left join notification_digests d on d.user_id = w.user_id and d.period = w.channel`,
  );
  let queued = 0;
  for (const r of rows) {
    if (!digestDue(r.period, { day: r.local_day, hour: Number(r.local_hour), isoDow: Number(r.iso_dow) }, r.last_day, options.digestHour)) continue;
    await enqueue(db, { kind: digestOutboxKind, payload: { userId: r.user_id, period: r.period, day: r.local_day }, idempotencyKey: `digest:${r.user_id}:${r.period}:${r.local_day}` });
    queued++;
  }
  return queued;
}

/** Sends one person's digest: every notification waiting for it, in one e-mail; idempotent. */
export async function sendDigest(db: Database, payload: { userId: string; period: "daily" | "weekly"; day: string }): Promise<{ items: number }> {
  return db.transaction(async (tx) => {
    const waiting = await queryRows<{ id: string; event_kind: string; data: Record<string, unknown> & { path: string } }>(
      tx,
      sql`select id, event_kind, data from notifications
          where user_id = ${payload.userId} and channel = ${payload.period} and email_state = 'pending'
          order by created_at, id for update`,
    );
    if (waiting.length > 0) {
      const [user] = await queryRows<{ email: string; name: string; locale: string }>(tx, sql`select email, name, locale from users where id = ${payload.userId}`);
      if (user) {
        const kind = `digest.${payload.period}`;
        await tx.execute(sql`insert into notification_unsubscribe_tokens (user_id, event_kind) values (${payload.userId}, ${kind}) on conflict do nothing`);
        const [token] = await queryRows<{ token: string }>(tx, sql`select token::text as token from notification_unsubscribe_tokens where user_id = ${payload.userId} and event_kind = ${kind}`);
        await sendEmail(
          tx,
          {
            to: user.email,
            locale: user.locale as "es" | "pt" | "en",
            template: notificationDigestEmail.name,
            data: { name: user.name, period: payload.period, items: waiting.slice(0, DIGEST_ITEMS).map((w) => ({ kind: w.event_kind, event: w.data })), unsubscribeToken: token!.token },
          },
          `digest-email:${payload.userId}:${payload.period}:${payload.day}`,
        );
      }
      await tx.execute(sql`update notifications set email_state = 'digested', emailed_at = now() where id = any(${`{${waiting.map((w) => w.id).join(",")}}`}::uuid[])`);
    }
    await tx.execute(sql`insert into notification_digests (user_id, period, last_day) values (${payload.userId}, ${payload.period}, ${payload.day})
                         on conflict (user_id, period) do update set last_day = greatest(notification_digests.last_day, excluded.last_day), sent_at = now()`);
    return { items: waiting.length };
  });
}
