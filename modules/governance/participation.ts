// Which organizations take part in a body today: those holding a role there now. A membership
// left today (its role ends today) no longer counts, so its people leave the team at once.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { networkRoles } from "./schema.ts";

export async function participatingOrganizations(db: Database, bodyId: string, day: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ organizationId: networkRoles.organizationId })
    .from(networkRoles)
    .where(
      and(
        eq(networkRoles.bodyId, bodyId),
        sql`${networkRoles.startsOn} <= ${day}::date`,
        sql`(${networkRoles.endsOn} is null or ${networkRoles.endsOn} > ${day}::date or (${networkRoles.endsOn} = ${day}::date and ${networkRoles.role} <> 'member'))`,
      ),
    );
  return rows.map((r) => r.organizationId);
}
