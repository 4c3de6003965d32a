import { z } from "zod";
import { minPasswordLength } from "../../platform/auth.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { isTimeZone } from "../../platform/i18n/time-zones.ts";
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

/** The second step of signing in: a code from the authenticator app, or a backup code. */
export const twoFactorCodeInput = z.object({
  code: z
    .string()
    .transform((c) => c.replace(/\s+/g, ""))
    .pipe(z.string().min(1, { error: "i18n:validation.required" }).max(64, { error: "i18n:validation.twoFactorCode" })),
});
export type TwoFactorCodeInput = z.input<typeof twoFactorCodeInput>;

/** Turning two-factor sign-in on ends with a code from the app, proving it holds the key. */
export const confirmTwoFactorInput = z.object({
  code: z
    .string()
    .transform((c) => c.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, { error: "i18n:validation.totpCode" })),
});
export type ConfirmTwoFactorInput = z.input<typeof confirmTwoFactorInput>;

/** The current password, confirming a change to how the account signs in (accounts without one leave it empty). */
export const passwordConfirmationInput = z.object({
  password: z.string().max(128, { error: "i18n:validation.currentPassword" }).default(""),
});
export type PasswordConfirmationInput = z.input<typeof passwordConfirmationInput>;

export const requestPasswordResetInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "i18n:validation.email" })),
});

export const resetPasswordInput = z.object({
  token: z.string().min(1).max(2_000),
  password: newPassword,
});

/**
 * Languages a person may say they speak (ISO 639-1): those of the networks' members and their
 * partners (including Guarani, Quechua, Aymara and Haitian Creole), then other widely used ones.
 */
export const spokenLanguages = [
  "es", "pt", "en", "fr", "it", "de", "nl", "ca", "gl", "eu", "gn", "qu", "ay", "ht",
  "ar", "he", "fa", "tr", "ru", "uk", "pl", "ro", "el", "cs", "hu", "sv", "da", "no", "fi",
  "zh", "ja", "ko", "hi", "bn", "id", "vi", "sw",
] as const;

const unique = <T>(values: T[]) => [...new Set(values)];

export const updateProfileInput = z.object({
  name: z.string().trim().min(1, { error: "i18n:validation.required" }).max(200, { error: "i18n:validation.upTo200" }),
  /** Job title; empty means none. */
  position: z
    .string()
    .trim()
    .max(200, { error: "i18n:validation.upTo200" })
    .optional()
    .transform((p) => p || null),
  languages: z.array(z.enum(spokenLanguages, { error: "i18n:validation.choice" })).max(spokenLanguages.length).transform(unique),
  /** The language of the person's pages and e-mails. */
  locale: z.enum(locales, { error: "i18n:validation.choice" }),
  timeZone: z.string().refine(isTimeZone, { error: "i18n:validation.timeZone" }),
  /** Theme ids of the taxonomy (checked against it by the use case). */
  themes: z.array(z.string().max(100, { error: "i18n:validation.choice" })).max(200, { error: "i18n:validation.choice" }).transform(unique),
});
/** What the profile form posts (text, and lists of text), before updateProfileInput checks it. */
export interface UpdateProfileFields {
  name: string;
  position?: string;
  languages: string[];
  locale: string;
  timeZone: string;
  themes: string[];
}

/**
 * What proves the person at the keyboard holds the account before a change that could take it
 * over or erase it: the current password, or for an account without one, its address typed out.
 */
export const identityProof = z.object({
  password: z.string().max(128, { error: "i18n:validation.currentPassword" }).optional(),
  confirmEmail: z.string().trim().toLowerCase().max(320, { error: "i18n:validation.confirmEmail" }).optional(),
});
export type IdentityProof = z.input<typeof identityProof>;

export const requestEmailChangeInput = identityProof.extend({
  newEmail: z.string().trim().toLowerCase().pipe(z.email({ error: "i18n:validation.email" })),
});
export type RequestEmailChangeInput = z.input<typeof requestEmailChangeInput>;

export const createTokenInput = z.object({
  name: z.string().trim().min(1, { error: "i18n:validation.required" }).max(100, { error: "i18n:validation.tooLong" }).describe("What the token is for, e.g. “Observatory dashboard”"),
  scope: z.enum(["read", "write"], { error: "i18n:validation.tokenScope" }).describe("read: only GET requests; write: may also change data"),
  expiresInDays: z.coerce
    .number({ error: "i18n:validation.tokenExpiry" })
    .int({ error: "i18n:validation.tokenExpiry" })
    .min(1, { error: "i18n:validation.tokenExpiry" })
    .max(365, { error: "i18n:validation.tokenExpiry" })
    .default(90)
    .describe("Days until the token stops working (1–365)"),
});
export type CreateTokenInput = z.input<typeof createTokenInput>;

export const searchUsersInput = z.object({
  q: z.string().trim().max(100, { error: "i18n:validation.searchText" }).optional().describe("Part of the name or the e-mail address"),
  status: z.enum(["active", "disabled", "admin"], { error: "i18n:validation.userStatus" }).optional(),
  page: z.coerce.number({ error: "i18n:validation.page" }).int({ error: "i18n:validation.page" }).min(1, { error: "i18n:validation.page" }).max(10_000, { error: "i18n:validation.page" }).default(1),
  pageSize: z.coerce.number({ error: "i18n:validation.pageSize" }).int({ error: "i18n:validation.pageSize" }).min(1, { error: "i18n:validation.pageSize" }).max(100, { error: "i18n:validation.pageSize" }).default(25),
});
export type SearchUsersInput = z.input<typeof searchUsersInput>;
