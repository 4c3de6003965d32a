import { z } from "zod";
import type { Auth } from "../../platform/auth.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { resetPasswordInput } from "./inputs.ts";

/** Sets a new password with the token from the e-mail; every session of the account ends. */
export async function resetPassword(ctx: { auth: Auth }, raw: { token: string; password: string }): Promise<void> {
  const parsed = resetPasswordInput.safeParse(raw);
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    if (fields.token) throw new AppError("invalid", "error.reset.invalid");
    throw invalid(fields);
  }
  try {
    await ctx.auth.api.resetPassword({ body: { token: parsed.data.token, newPassword: parsed.data.password } });
  } catch {
    throw new AppError("invalid", "error.reset.invalid");
  }
}
