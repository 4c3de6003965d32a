import { eq } from "drizzle-orm";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { accountPolicy } from "./policy.ts";
import { sessions, users } from "./schema.ts";

/**
 * A platform administrator disables an account (it can no longer sign in, its sessions end and
 * its tokens stop working) or enables it again. Administrators cannot disable themselves.
 */
export async function setUserDisabled(ctx: ServiceContext, actor: Actor, userId: string, disabled: boolean): Promise<void> {
  requireSignedIn(actor);
  authorize(accountPolicy.administerUsers(actor), { visible: false });
  if (disabled && userId === actor.userId) throw new AppError("conflict", "error.admin.disableSelf");
  await ctx.db.transaction(async (tx) => {
    const changed = await tx
      .update(users)
      .set({ banned: disabled, banReason: null, banExpires: null, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (changed.length === 0) throw notFound("error.admin.userNotFound");
    if (disabled) await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAuditEvent(tx, { kind: disabled ? "user_disabled" : "user_enabled", actorUserId: actor.userId, subjectUserId: userId, ipAddress: actor.ipAddress });
  });
}
