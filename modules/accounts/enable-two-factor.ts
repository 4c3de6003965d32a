import { z } from "zod";
import type { Auth } from "../../platform/auth.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { passwordConfirmationInput, type PasswordConfirmationInput } from "./inputs.ts";
import { twoFactorError } from "./two-factor-errors.ts";

export interface TwoFactorSetup {
  /** otpauth:// URI for the authenticator app (what the QR code holds). */
  uri: string;
  /** The key in base32, for typing into the app by hand. */
  secret: string;
  /** Ten single-use codes for signing in without the app; shown once. */
  backupCodes: string[];
}

/**
 * Starts turning on two-factor sign-in: after the password (when the account has one), makes a
 * new TOTP key and backup codes. Signing in does not change until confirmTwoFactor() gets a code
 * from the app; starting again replaces a key not yet confirmed.
 */
export async function enableTwoFactor(
  ctx: ServiceContext & { auth: Auth },
  raw: PasswordConfirmationInput,
  requestHeaders: Headers,
): Promise<TwoFactorSetup> {
  const parsed = passwordConfirmationInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const { password } = parsed.data;
  try {
    const result = await ctx.auth.api.enableTwoFactor({ body: { password, method: "totp" }, headers: requestHeaders });
    if (result.method !== "totp") throw new Error("two-factor: expected a TOTP set-up");
    const secret = new URL(result.totpURI).searchParams.get("secret");
    if (!secret) throw new Error("two-factor: the TOTP URI carries no secret");
    return { uri: result.totpURI, secret, backupCodes: result.backupCodes };
  } catch (err) {
    throw twoFactorError(err, password);
  }
}
