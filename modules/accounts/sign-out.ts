import type { Auth } from "../../platform/auth.ts";

/** Ends the session of the request; returns the headers that clear its cookie. */
export async function signOut(ctx: { auth: Auth }, requestHeaders: Headers): Promise<{ headers: Headers }> {
  try {
    const { headers } = await ctx.auth.api.signOut({ headers: requestHeaders, returnHeaders: true });
    return { headers };
  } catch {
    // No session (already signed out): nothing to end.
    return { headers: new Headers() };
  }
}
