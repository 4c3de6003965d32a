import { and, eq, isNotNull } from "drizzle-orm";
import type { Auth } from "../../platform/auth.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { accounts, users } from "./schema.ts";

export interface TwoFactorStatus {
  userId: string;
  /** Signing in asks for a code from the authenticator app (or a backup code). */
  enabled: boolean;
  /** Backup codes not used yet (null while two-factor sign-in is off). */
  backupCodesLeft: number | null;
  /** The account has a password, which changes to two-factor sign-in must confirm. */
  hasPassword: boolean;
}

/** Whether the signed-in person signs in with a second factor. */
export async function getTwoFactorStatus(ctx: ServiceContext & { auth: Auth }, requestHeaders: Headers): Promise<TwoFactorStatus> {
  const session = await ctx.auth.api.getSession({ headers: requestHeaders });
  if (!session) throw new AppError("unauthorized", "error.signInRequired");
  const userId = session.user.id;
  const [user] = await ctx.db.select({ enabled: users.twoFactorEnabled }).from(users).where(eq(users.id, userId));
  const [credential] = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, "credential"), isNotNull(accounts.password)));
  const enabled = user?.enabled ?? false;
  let backupCodesLeft: number | null = null;
  if (enabled) {
    const { backupCodes } = await ctx.auth.api.viewBackupCodes({ body: { userId } });
    backupCodesLeft = backupCodes.length;
  }
  return { userId, enabled, backupCodesLeft, hasPassword: credential !== undefined };
}
