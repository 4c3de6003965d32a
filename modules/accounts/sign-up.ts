import { z } from "zod";
import type { Auth } from "../../platform/auth.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { signUpInput, type SignUpInput } from "./inputs.ts";

/**
 * Creates an account with e-mail and password; a verification link goes out by e-mail (through
 * the outbox). An address that already has an account gets the same answer as a new one, so
 * the form does not reveal who has an account.
 */
export async function signUp(ctx: ServiceContext & { auth: Auth }, raw: SignUpInput): Promise<{ email: string }> {
  const parsed = signUpInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  try {
    await ctx.auth.api.signUpEmail({ body: { name: input.name, email: input.email, password: input.password, locale: input.locale } });
  } catch (err) {
    if (isBetterAuthError(err, "USER_ALREADY_EXISTS") || isBetterAuthError(err, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL")) {
      return { email: input.email };
    }
    throw err;
  }
  return { email: input.email };
}

export function isBetterAuthError(err: unknown, code: string): boolean {
  const body = (err as { body?: { code?: string } } | null)?.body;
  return body?.code === code;
}
