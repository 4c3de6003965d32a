import type { Auth } from "../../platform/auth.ts";
import { AppError } from "../../platform/errors.ts";

export interface ActiveSession {
  id: string;
  current: boolean;
  createdAt: Date;
  lastActiveAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ipAddress: string | null;
}

/** The signed-in person's open sessions (devices), the current one first. */
export async function listSessions(ctx: { auth: Auth }, requestHeaders: Headers): Promise<ActiveSession[]> {
  const current = await ctx.auth.api.getSession({ headers: requestHeaders });
  if (!current) throw new AppError("unauthorized", "error.signInRequired");
  const sessions = await ctx.auth.api.listSessions({ headers: requestHeaders });
  return sessions
    .map((s) => ({
      id: s.id,
      current: s.id === current.session.id,
      createdAt: new Date(s.createdAt),
      lastActiveAt: new Date(s.updatedAt),
      expiresAt: new Date(s.expiresAt),
      userAgent: s.userAgent ?? null,
      ipAddress: s.ipAddress ?? null,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastActiveAt.getTime() - a.lastActiveAt.getTime());
}
