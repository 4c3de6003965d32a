import { eq } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { acceptOpenInvitation } from "./accept-invitation.ts";
import type { Actor } from "./actor.ts";
import { assertUuid } from "./find-organization.ts";
import { invitations } from "./schema.ts";

/**
 * Accepts, from the person's own list, an open invitation sent to their address (which their
 * account has verified): for when the e-mail with the link is lost.
 */
export async function acceptMyInvitation(ctx: ServiceContext, actor: Actor, invitationId: string): Promise<{ slug: string }> {
  assertUuid(invitationId, "error.invitation.invalid");
  return acceptOpenInvitation(ctx, actor, eq(invitations.id, invitationId));
}
