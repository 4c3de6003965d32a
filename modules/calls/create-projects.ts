import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../platform/db/client.ts";
import { addMonths, todayIn } from "./dates.ts";
import type { CallRow } from "./find.ts";
import { milestones, projectReports, projects } from "./schema.ts";

/**
 * The projects of a call's awarded applications, when its results are published: the execution
 * period starts that day (in the call's time zone) and lasts the call's months; the application's
 * activities become milestones; an interim report is due half-way and the final one a month
 * after the end. Called inside publishResults' transaction; an application's project is made once.
 */
export async function createProjects(tx: Database, call: CallRow): Promise<number> {
  const awarded = await queryRows<{ id: string; activities: { title: string; endsOn: string }[] }>(
    tx,
    sql`select a.id, coalesce(a.content->'activities', '[]'::jsonb) as activities from applications a
        where a.call_id = ${call.id} and a.status = 'awarded' and not exists (select 1 from projects p where p.application_id = a.id)`,
  );
  const startsOn = todayIn(call.timeZone);
  const endsOn = addMonths(startsOn, call.executionMonths);
  for (const a of awarded) {
    const [project] = await tx.insert(projects).values({ applicationId: a.id, startsOn, endsOn }).returning({ id: projects.id });
    if (a.activities.length > 0) {
      await tx.insert(milestones).values(a.activities.map((activity, position) => ({ projectId: project!.id, position, title: activity.title, dueOn: activity.endsOn })));
    }
    await tx.insert(projectReports).values([
      { projectId: project!.id, kind: "interim" as const, dueOn: addMonths(startsOn, Math.max(1, Math.floor(call.executionMonths / 2))) },
      { projectId: project!.id, kind: "final" as const, dueOn: addMonths(endsOn, 1) },
    ]);
  }
  return awarded.length;
}
