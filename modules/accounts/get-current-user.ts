import type { Auth } from "../../platform/auth.ts";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: string;
  locale: string;
  /** IANA time zone for dates shown to the person (UTC when they chose none). */
  timeZone: string;
}

/** The person signed in on this request, if any. */
export async function getCurrentUser(ctx: { auth: Auth }, requestHeaders: Headers): Promise<CurrentUser | null> {
  const cookie = requestHeaders.get("cookie") ?? "";
  if (!cookie.includes("session_token")) return null;
  const session = await ctx.auth.api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: string; locale?: string; timeZone?: string | null };
  return { id: user.id, name: user.name, email: user.email, role: user.role ?? "user", locale: user.locale ?? "es", timeZone: user.timeZone || "UTC" };
}
