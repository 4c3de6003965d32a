import { z } from "zod";
import { minPasswordLength } from "../../platform/auth.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { isGuessablePassword } from "../../platform/passwords.ts";

/** A new password: long enough, and not one of those attackers try first. */
export const newPassword = z
  .string()
  .min(minPasswordLength, { error: "i18n:validation.passwordLength", abort: true })
  .max(128, { error: "i18n:validation.passwordLength", abort: true })
  .refine((p) => !isGuessablePassword(p), { error: "i18n:validation.passwordCommon" });

export const createAdminInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(200),
  password: newPassword,
  /** The language of the administrator's e-mails. */
  locale: z.enum(locales).default("es"),
});
export type CreateAdminInput = z.input<typeof createAdminInput>;

export const signUpInput = z.object({
  name: z.string().trim().min(1, { error: "i18n:validation.required" }).max(200),
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "i18n:validation.email" })),
  password: newPassword,
  locale: z.enum(locales),
});
export type SignUpInput = z.input<typeof signUpInput>;

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "i18n:validation.email" })),
  password: z.string().min(1, { error: "i18n:validation.required" }).max(128),
});
export type SignInInput = z.input<typeof signInInput>;

export const requestPasswordResetInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "i18n:validation.email" })),
});

export const resetPasswordInput = z.object({
  token: z.string().min(1).max(2_000),
  password: newPassword,
});
