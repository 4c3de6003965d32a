import { and, eq, isNull, lt, ne, or, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import type { Auth } from "../../platform/auth.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Database } from "../../platform/db/client.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { emailOutboxKind } from "../../platform/mail/send-email.ts";
import { outbox } from "../../platform/outbox/schema.ts";
import { lockMembers } from "../organizations/change-member-role.ts";
import { invitations, organizationMembers } from "../organizations/schema.ts";
import { confirmIdentity } from "./confirm-identity.ts";
import { identityProof, type IdentityProof } from "./inputs.ts";
import { listDeletionBlockers } from "./list-deletion-blockers.ts";
import { signInFailures, users, verifications } from "./schema.ts";
import { signOut } from "./sign-out.ts";

/**
 * Erases the signed-in person's account once they confirm who they are: the users row and all
 * that hangs from it (sessions, sign-in methods, two-factor, profile, themes, memberships, join
 * requests, API tokens), pending links, the record of accepted invitations to their address and
 * the e-mails kept for it. What they did for an organization stays, without their name (see
 * modules/organizations/author-label.ts). Refused while they are the last focal point of an
 * organization that has other members. Returns the headers that clear the session cookie.
 */
export async function deleteAccount(ctx: ServiceContext & { auth: Auth }, raw: IdentityProof, requestHeaders: Headers): Promise<{ headers: Headers }> {
  const session = await ctx.auth.api.getSession({ headers: requestHeaders });
  if (!session) throw new AppError("unauthorized", "error.signInRequired");
  const parsed = identityProof.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const user = session.user;
  await confirmIdentity(ctx, user, parsed.data);
  await ctx.db.transaction(async (t) => {
    const tx = t as unknown as Database;
    // The person's organizations, locked in a fixed order, so the last-focal-point check below
    // cannot race another member leaving.
    const mine = await tx.select({ id: organizationMembers.organizationId }).from(organizationMembers).where(eq(organizationMembers.userId, user.id));
    for (const id of mine.map((m) => m.id).sort()) await lockMembers(tx, id);
    if ((await listDeletionBlockers({ db: tx }, user.id)).length > 0) throw new AppError("conflict", "error.deleteAccount.lastFocalPoint");
    await tx.delete(invitations).where(eq(invitations.acceptedBy, user.id));
    // Password-reset and similar one-time links carry the account's id.
    await tx.delete(verifications).where(eq(verifications.value, user.id));
    await tx.delete(signInFailures).where(eq(signInFailures.email, user.email));
    // Messages to the address, except one a worker is sending right now.
    await tx
      .delete(outbox)
      .where(
        and(
          eq(outbox.kind, emailOutboxKind),
          sql`${outbox.payload}->>'to' = ${user.email}`,
          or(ne(outbox.status, "pending"), isNull(outbox.leasedUntil), lt(outbox.leasedUntil, sql`now()`)),
        ),
      );
    await tx.delete(users).where(eq(users.id, user.id));
    // The trail keeps the id only: no name, address or network address.
    await recordAuditEvent(tx, { kind: "account_deleted", actorUserId: user.id, subjectUserId: user.id });
  });
  return signOut(ctx, requestHeaders);
}
