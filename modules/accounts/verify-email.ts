import type { Auth } from "../../platform/auth.ts";
import { AppError } from "../../platform/errors.ts";

/** Confirms an address with the token from the verification e-mail. */
export async function verifyEmail(ctx: { auth: Auth }, token: string | null): Promise<void> {
  if (!token || token.length > 2_000) throw new AppError("invalid", "error.verify.invalid");
  try {
    await ctx.auth.api.verifyEmail({ query: { token } });
  } catch {
    throw new AppError("invalid", "error.verify.invalid");
  }
}
