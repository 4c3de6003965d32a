import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../platform/db/client.ts";
import { notify } from "../notifications/notify.ts";

/** Days before a report's due day when the lead's people are reminded (once). */
export const REPORT_REMINDER_DAYS = 14;

/** Scheduled: reminds the lead of each active project whose report is due within two weeks and not yet submitted, once. */
export async function remindReports(db: Database, today = new Date().toISOString().slice(0, 10)): Promise<{ reportReminders: number }> {
  return db.transaction(async (tx) => {
    const due = await queryRows<{ id: string; project: string; kind: string; due_on: string; title: string; language: string; lead: string }>(
      tx,
      sql`update project_reports r set reminded_at = now()
          from projects p join applications a on a.id = p.application_id
          where r.project_id = p.id and p.status = 'active' and r.status = 'due' and r.reminded_at is null
            and r.due_on <= ${today}::date + ${REPORT_REMINDER_DAYS}::int
          returning r.id, p.id as project, r.kind, to_char(r.due_on, 'YYYY-MM-DD') as due_on, a.title, a.language, a.lead_organization_id as lead`,
    );
    for (const r of due) {
      await notify(tx, {
        kind: "calls.report_due",
        key: `calls.report_due:${r.id}`,
        data: { path: `/projects/${r.project}`, titles: { [r.language]: r.title }, originalLanguage: r.language, date: r.due_on, decision: r.kind },
        audience: { type: "organizations", organizationIds: [r.lead] },
        actorUserId: null,
      });
    }
    return { reportReminders: due.length };
  });
}
