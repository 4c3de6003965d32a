// Accounts and sessions: Better Auth over our database, through its Drizzle adapter.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { admin } from "better-auth/plugins";
import { z } from "zod";
import { locales } from "./i18n/locales.ts";
import { accounts, sessions, users, verifications } from "../modules/accounts/schema.ts";
import type { Database } from "./db/client.ts";

export const minPasswordLength = 12;

export interface AuthEmails {
  /** Sends the link that proves the address is the person's. */
  verification(user: { id: string; email: string; name: string; locale?: string }, token: string): Promise<void>;
  /** Sends the link to choose a new password. */
  passwordReset(user: { id: string; email: string; name: string; locale?: string }, token: string): Promise<void>;
}

export function createAuth(options: { db: Database; secret: string; baseURL?: string; emails?: AuthEmails; secureCookies?: boolean }) {
  const emails = options.emails;
  return betterAuth({
    appName: "Pares",
    secret: options.secret,
    baseURL: options.baseURL ?? "http://127.0.0.1:3000",
    basePath: "/api/auth",
    database: drizzleAdapter(options.db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength,
      maxPasswordLength: 128,
      requireEmailVerification: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        await emails?.passwordReset(user as { id: string; email: string; name: string; locale?: string }, token);
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      // A person whose first link was lost gets a new one by signing in with the right password.
      sendOnSignIn: true,
      autoSignInAfterVerification: false,
      expiresIn: 24 * 60 * 60,
      sendVerificationEmail: async ({ user, token }) => {
        await emails?.verification(user as { id: string; email: string; name: string; locale?: string }, token);
      },
    },
    user: {
      // A verified person's new address takes effect when they follow the link sent to it.
      changeEmail: { enabled: true },
      additionalFields: {
        locale: { type: "string", required: false, defaultValue: "es", input: true, validator: { input: z.enum(locales) } },
      },
    },
    plugins: [admin({ defaultRole: "user", adminRoles: ["admin"] })],
    telemetry: { enabled: false },
    // Its notices ("user not found" on a reset request) are expected answers here, not problems.
    logger: { level: "error" },
    // Behind a TLS proxy the base URL may say http: the deployer says whether cookies must be Secure.
    advanced: { useSecureCookies: options.secureCookies ?? options.baseURL?.startsWith("https:") ?? false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
