import { z } from "zod";
import { minPasswordLength } from "../../platform/auth.ts";
import { locales } from "../../platform/i18n/locales.ts";

export const createAdminInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(minPasswordLength).max(128),
  /** The language of the administrator's e-mails. */
  locale: z.enum(locales).default("es"),
});
export type CreateAdminInput = z.input<typeof createAdminInput>;

export const signUpInput = z.object({
  name: z.string().trim().min(1, { error: "i18n:validation.required" }).max(200),
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "i18n:validation.email" })),
  password: z
    .string()
    .min(minPasswordLength, { error: "i18n:validation.passwordLength" })
    .max(128, { error: "i18n:validation.passwordLength" }),
  locale: z.enum(locales),
});
export type SignUpInput = z.input<typeof signUpInput>;

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "i18n:validation.email" })),
  password: z.string().min(1, { error: "i18n:validation.required" }).max(128),
});
export type SignInInput = z.input<typeof signInInput>;
