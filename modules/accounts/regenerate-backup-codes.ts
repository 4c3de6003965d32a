import { z } from "zod";
import type { Auth } from "../../platform/auth.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { passwordConfirmationInput, type PasswordConfirmationInput } from "./inputs.ts";
import { twoFactorError } from "./two-factor-errors.ts";

/** Replaces the backup codes after the password (when the account has one); the old ones stop working. */
export async function regenerateBackupCodes(
  ctx: ServiceContext & { auth: Auth },
  raw: PasswordConfirmationInput,
  requestHeaders: Headers,
): Promise<{ backupCodes: string[] }> {
  const parsed = passwordConfirmationInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const { password } = parsed.data;
  try {
    const { backupCodes } = await ctx.auth.api.generateBackupCodes({ body: { password }, headers: requestHeaders });
    return { backupCodes };
  } catch (err) {
    throw twoFactorError(err, password);
  }
}
