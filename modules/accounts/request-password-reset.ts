import { z } from "zod";
import type { Auth } from "../../platform/auth.ts";
import { invalid } from "../../platform/errors.ts";
import { requestPasswordResetInput } from "./inputs.ts";

/**
 * Sends a link to choose a new password (through the outbox) if the address has an account.
 * The answer is the same either way, so the form does not reveal who has an account.
 */
export async function requestPasswordReset(ctx: { auth: Auth }, raw: { email: string }): Promise<void> {
  const parsed = requestPasswordResetInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  await ctx.auth.api.requestPasswordReset({ body: { email: parsed.data.email } });
}
