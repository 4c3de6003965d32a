import { eq } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { type MemberRole, invitations, organizations } from "./schema.ts";
import { hashSecret } from "../../platform/tokens.ts";

export interface InvitationView {
  organization: { slug: string; name: string };
  role: MemberRole;
  /** The invited address, partly hidden (a link may be forwarded). */
  maskedEmail: string;
  status: "open" | "accepted" | "revoked" | "expired";
}

/** What an invitation link shows before it is accepted. Anyone holding the link may see it. */
export async function getInvitation(ctx: ServiceContext, token: string): Promise<InvitationView> {
  const [row] = await ctx.db
    .select({ invitation: invitations, slug: organizations.slug, name: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, hashSecret(token)));
  if (!row) throw notFound("error.invitation.invalid");
  const { invitation } = row;
  const status = invitation.acceptedAt
    ? "accepted"
    : invitation.revokedAt
      ? "revoked"
      : invitation.expiresAt <= new Date()
        ? "expired"
        : "open";
  return { organization: { slug: row.slug, name: row.name }, role: invitation.role, maskedEmail: maskEmail(invitation.email), status };
}

export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 2)}${"•".repeat(Math.max(1, Math.min(6, local.length - 2)))}@${domain}`;
}
