// One-click unsubscribe (RFC 8058): the token in an e-mail's link turns that kind of e-mail off
// for that person — without signing in, and for nothing else. A GET only shows what it would do
// (mail scanners follow links); the POST (the mail client's one click, or the page's button) does it.
import { sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { notFound } from "../../platform/errors.ts";
import { eventKindNames, eventKinds } from "./kinds.ts";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function tokenOwner(ctx: ServiceContext, token: string): Promise<{ userId: string; kind: string }> {
  if (!uuidPattern.test(token)) throw notFound("notifications.error.unsubscribeLink");
  const [row] = await queryRows<{ user_id: string; event_kind: string }>(ctx.db, sql`select user_id, event_kind from notification_unsubscribe_tokens where token = ${token}::uuid`);
  if (!row) throw notFound("notifications.error.unsubscribeLink");
  return { userId: row.user_id, kind: row.event_kind };
}

/** What the link would turn off (the kind of e-mail), for the confirmation page. */
export async function describeUnsubscribe(ctx: ServiceContext, token: string): Promise<{ kind: string }> {
  return { kind: (await tokenOwner(ctx, token)).kind };
}

/** Turns the kind off for the token's person (a digest's link: every kind that goes to that digest). */
export async function unsubscribe(ctx: ServiceContext, token: string): Promise<{ kind: string; kinds: string[] }> {
  const { userId, kind } = await tokenOwner(ctx, token);
  let kinds: string[];
  if (kind.startsWith("digest.")) {
    const period = kind.slice("digest.".length);
    const prefs = await queryRows<{ event_kind: string; channel: string }>(ctx.db, sql`select event_kind, channel from notification_preferences where user_id = ${userId}`);
    kinds = eventKindNames.filter((k) => (prefs.find((p) => p.event_kind === k)?.channel ?? eventKinds[k].channel) === period);
  } else kinds = [kind];
  await ctx.db.transaction(async (tx) => {
    for (const k of kinds) {
      await tx.execute(sql`insert into notification_preferences (user_id, event_kind, channel, unsubscribed_at) values (${userId}, ${k}, 'off', now())
                           on conflict (user_id, event_kind) do update set channel = 'off', unsubscribed_at = now(), updated_at = now()`);
    }
    // Waiting digest entries of those kinds will not be mailed either.
    if (kinds.length) await tx.execute(sql`update notifications set email_state = 'none' where user_id = ${userId} and email_state = 'pending' and event_kind = any(${`{${kinds.join(",")}}`}::text[])`);
  });
  return { kind, kinds };
}
