import type { Auth } from "../../platform/auth.ts";
import { AppError } from "../../platform/errors.ts";

/** Ends every session of the signed-in person except the one making the request. */
export async function signOutElsewhere(ctx: { auth: Auth }, requestHeaders: Headers): Promise<void> {
  const current = await ctx.auth.api.getSession({ headers: requestHeaders });
  if (!current) throw new AppError("unauthorized", "error.signInRequired");
  await ctx.auth.api.revokeOtherSessions({ headers: requestHeaders });
}
