// Accounts and sessions: Better Auth over our database, through its Drizzle adapter.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { createAuthMiddleware, getOAuthState } from "better-auth/api";
import { deleteSessionCookie } from "better-auth/cookies";
import { generateRandomString } from "better-auth/crypto";
import { admin, genericOAuth, twoFactor } from "better-auth/plugins";
import { z } from "zod";
import { isLocale, locales } from "./i18n/locales.ts";
import { accounts, sessions, twoFactors, users, verifications } from "../modules/accounts/schema.ts";
import { recordAuditEvent } from "./audit/record-audit-event.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";

export const minPasswordLength = 12;

export interface AuthEmails {
  /** Sends the link that proves the address is the person's. */
  verification(user: { id: string; email: string; name: string; locale?: string }, token: string): Promise<void>;
  /** Sends the link to choose a new password. */
  passwordReset(user: { id: string; email: string; name: string; locale?: string }, token: string): Promise<void>;
}

/** Single sign-on with one OpenID Connect provider. */
export interface SsoProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Scopes besides openid. */
  scopes: string[];
}

/** The provider the OIDC_* variables describe, if any (the configuration checks they come together). */
export function ssoProviderOf(config: Config): SsoProvider | undefined {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET) return undefined;
  return {
    issuer: config.OIDC_ISSUER,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    scopes: (config.OIDC_SCOPES ?? "email profile").split(" "),
  };
}

/** The id of the configured OpenID Connect provider in Better Auth (its callback is /api/auth/callback/oidc). */
export const ssoProviderId = "oidc";

/** How long a person has to type the second factor after the first one, in seconds. */
const secondFactorWindow = 10 * 60;

export function createAuth(options: {
  db: Database;
  secret: string;
  baseURL?: string;
  emails?: AuthEmails;
  secureCookies?: boolean;
  sso?: SsoProvider;
}) {
  const emails = options.emails;
  const sso = options.sso;
  return betterAuth({
    appName: "Pares",
    secret: options.secret,
    baseURL: options.baseURL ?? "http://127.0.0.1:3000",
    basePath: "/api/auth",
    database: drizzleAdapter(options.db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications, twoFactor: twoFactors },
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
        // Read with the session, for dates shown in the person's time zone; set by the profile.
        timeZone: { type: "string", required: false, input: false },
      },
      // A new account from single sign-on needs an address the provider vouches for. (Linking to an
      // existing account already needs it: Better Auth refuses to link an unverified address.)
      validateUserInfo: ({ user, source }) => {
        if (source.method === "oauth" && source.action === "create-user" && !user.emailVerified) return { error: "email_not_verified" };
      },
    },
    plugins: [
      admin({ defaultRole: "user", adminRoles: ["admin"] }),
      // TOTP second factor with backup codes (encrypted at rest). Managing it asks for the
      // password when the account has one; an account made by single sign-on has none.
      twoFactor({ issuer: "Pares", allowPasswordless: true, twoFactorCookieMaxAge: secondFactorWindow }),
      genericOAuth({
        config: sso
          ? [
              {
                providerId: ssoProviderId,
                discoveryUrl: `${sso.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
                clientId: sso.clientId,
                clientSecret: sso.clientSecret,
                scopes: sso.scopes,
                requireIdTokenVerification: true,
              },
            ]
          : [],
      }),
    ],
    databaseHooks: {
      user: {
        create: {
          // A person who arrives by single sign-on gets the language of the page they started from.
          before: async (user) => {
            const locale = (await getOAuthState())?.locale;
            return isLocale(locale) ? { data: { ...user, locale } } : undefined;
          },
        },
      },
    },
    hooks: {
      after: createAuthMiddleware(async (ctx) => {
        // Better Auth asks for the second factor after a password only; a person with two-factor
        // sign-in who arrives from the provider must give it too.
        if (ctx.path !== "/callback/:id") return;
        const signedIn = ctx.context.newSession;
        if (!(signedIn?.user as { twoFactorEnabled?: boolean } | undefined)?.twoFactorEnabled) {
          if (signedIn) {
            const ipAddress = ctx.request?.headers.get("x-pares-client-ip") ?? null;
            await recordAuditEvent(options.db, { kind: "sign_in", actorUserId: signedIn.user.id, ipAddress, details: { method: "sso" } });
          }
          return;
        }
        deleteSessionCookie(ctx, true);
        await ctx.context.internalAdapter.deleteSession(signedIn!.session.token);
        ctx.context.setNewSession(null);
        // The same pending challenge the two-factor plugin sets after a password (its cookie and
        // verification rows), so its endpoints finish the sign-in.
        const cookie = ctx.context.createAuthCookie("two_factor", { maxAge: secondFactorWindow });
        const identifier = `2fa-${generateRandomString(20)}`;
        const expiresAt = new Date(Date.now() + secondFactorWindow * 1000);
        await ctx.context.internalAdapter.createVerificationValue({ value: signedIn!.user.id, identifier, expiresAt });
        await ctx.context.internalAdapter.createVerificationValue({ value: "0", identifier: `2fa-attempts-${identifier}`, expiresAt });
        await ctx.setSignedCookie(cookie.name, identifier, ctx.context.secret, cookie.attributes);
        const landing = new URL(ctx.context.responseHeaders?.get("location") ?? "/", "http://localhost");
        const lang = landing.pathname.split("/")[1];
        throw ctx.redirect(`/${isLocale(lang) ? lang : "es"}/sign-in/two-factor`);
      }),
    },
    telemetry: { enabled: false },
    // Its notices ("user not found" on a reset request) are expected answers here, not problems.
    logger: { level: "error" },
    // Behind a TLS proxy the base URL may say http: the deployer says whether cookies must be Secure.
    advanced: {
      useSecureCookies: options.secureCookies ?? options.baseURL?.startsWith("https:") ?? false,
      // The server puts the client's address in this header (server/security.ts); clients cannot set it.
      ipAddress: { ipAddressHeaders: ["x-pares-client-ip"] },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
