// Scheduled: offers and needs whose expiry date has passed while open become "expired" and drop
// out of every list of suggestions; a week before, their organization is reminded (once).
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../platform/db/client.ts";
import { notify } from "../notifications/notify.ts";
import { dropMatches } from "./compute-matches.ts";

export const REMINDER_DAYS = 7;

export async function expireItems(db: Database, today = new Date().toISOString().slice(0, 10)): Promise<{ expired: number; reminded: number }> {
  const expired = await db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`update exchange_items set status = 'expired', revision = revision + 1, matched_revision = revision + 1, updated_at = now()
          where status in ('open', 'in_conversation') and expires_on < ${today}::date returning id`,
    );
    for (const r of rows) await dropMatches(tx, r.id);
    return rows.length;
  });
  const reminded = await db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string; organization_id: string; texts: Record<string, { title?: string }>; original_language: string; kind: string; expires_on: string; demo: boolean }>(
      tx,
      sql`update exchange_items set expiry_reminded_at = now()
          where status in ('open', 'in_conversation') and expiry_reminded_at is null and expires_on <= ${today}::date + ${REMINDER_DAYS}::int
          returning id, organization_id, texts, original_language, kind, to_char(expires_on, 'YYYY-MM-DD') as expires_on, demo`,
    );
    for (const r of rows) {
      await notify(tx, {
        kind: "exchange.expiring",
        key: `exchange.expiring:${r.id}:${r.expires_on}`,
        data: {
          path: `/exchange/${r.id}`,
          titles: Object.fromEntries(Object.entries(r.texts).flatMap(([l, t]) => (t?.title ? [[l, t.title]] : []))),
          originalLanguage: r.original_language,
          itemKind: r.kind,
          date: r.expires_on,
        },
        audience: { type: "organizations", organizationIds: [r.organization_id] },
        actorUserId: null,
        demo: r.demo,
      });
    }
    return rows.length;
  });
  return { expired, reminded };
}
