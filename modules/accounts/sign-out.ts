import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import type { Auth } from "../../platform/auth.ts";
import type { ServiceContext } from "../../platform/context.ts";

/** Ends the session of the request; returns the headers that clear its cookie. */
export async function signOut(ctx: ServiceContext & { auth: Auth }, requestHeaders: Headers): Promise<{ headers: Headers }> {
  const session = await ctx.auth.api.getSession({ headers: requestHeaders }).catch(() => null);
  try {
    const { headers } = await ctx.auth.api.signOut({ headers: requestHeaders, returnHeaders: true });
    if (session) await recordAuditEvent(ctx.db, { kind: "sign_out", actorUserId: session.user.id, ipAddress: requestHeaders.get("x-pares-client-ip") });
    return { headers };
  } catch {
    // No session (already signed out): nothing to end.
    return { headers: new Headers() };
  }
}
