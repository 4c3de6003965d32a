import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import type { Auth } from "../../platform/auth.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";

/**
 * Moves an account to its new address with the token from the link sent there. A token that is
 * forged, expired, for another purpose, or whose address was taken meanwhile changes nothing.
 */
export async function confirmEmailChange(
  ctx: ServiceContext & { auth: Auth },
  token: string | null | undefined,
  requestHeaders: Headers = new Headers(),
): Promise<void> {
  if (!token || token.length > 2_000) throw new AppError("invalid", "error.emailChange.invalid");
  let userId: string | undefined;
  try {
    // Only a change-of-address token answers with the account it moved.
    const result = await ctx.auth.api.verifyEmail({ query: { token } });
    userId = (result as { user?: { id?: string } | null } | undefined)?.user?.id;
  } catch {
    throw new AppError("invalid", "error.emailChange.invalid");
  }
  if (!userId) throw new AppError("invalid", "error.emailChange.invalid");
  await recordAuditEvent(ctx.db, { kind: "email_changed", actorUserId: userId, ipAddress: requestHeaders.get("x-pares-client-ip") });
}
