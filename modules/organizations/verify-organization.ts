import { and, eq, isNull } from "drizzle-orm";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Actor } from "./actor.ts";
import { findOrganization } from "./find-organization.ts";
import { organizationPolicy } from "./policy.ts";
import { organizations } from "./schema.ts";

/** A platform administrator confirms the organization is who it says it is (shown as a badge). */
export async function verifyOrganization(ctx: ServiceContext, actor: Actor, slug: string): Promise<void> {
  requireSignedIn(actor);
  authorize(organizationPolicy.verify(actor), { visible: false });
  const org = await findOrganization(ctx.db, slug);
  await ctx.db.transaction(async (tx) => {
    const changed = await tx
      .update(organizations)
      .set({ verifiedAt: new Date() })
      .where(and(eq(organizations.id, org.id), isNull(organizations.verifiedAt)))
      .returning({ id: organizations.id });
    if (changed.length > 0) await recordAuditEvent(tx, { kind: "organization_verified", actorUserId: actor.userId, organizationId: org.id, ipAddress: actor.ipAddress });
  });
}
