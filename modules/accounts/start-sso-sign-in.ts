import { type Auth, ssoProviderId } from "../../platform/auth.ts";
import { notFound } from "../../platform/errors.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { isBetterAuthError } from "./sign-up.ts";

/**
 * Starts signing in with the OpenID Connect provider: returns its address to send the browser to,
 * and the headers that set the cookie tying the provider's answer to this browser. Back from the
 * provider (server/app.ts hands the callback to Better Auth) the person lands on their account
 * page in `locale`, or on the sign-in page with `?error=…` when it did not work. A first visit
 * makes an account when the provider vouches for the address (platform/auth.ts).
 */
export async function startSsoSignIn(ctx: { auth: Auth }, input: { locale: Locale }): Promise<{ url: string; headers: Headers }> {
  const { locale } = input;
  try {
    const { headers, response } = await ctx.auth.api.signInSocial({
      body: {
        provider: ssoProviderId,
        callbackURL: `/${locale}/account`,
        newUserCallbackURL: `/${locale}/account`,
        errorCallbackURL: `/${locale}/sign-in`,
        disableRedirect: true,
        additionalData: { locale },
      },
      returnHeaders: true,
    });
    if (!response.url) throw new Error("single sign-on: the provider gave no authorization address");
    return { url: response.url, headers };
  } catch (err) {
    // No provider configured (or its discovery document cannot be read yet).
    if (isBetterAuthError(err, "PROVIDER_NOT_FOUND")) throw notFound();
    throw err;
  }
}
