// Single sign-on against a real OpenID Connect provider on 127.0.0.1: the whole authorization-code
// flow (discovery, the provider's sign-in form, the code exchange, ID token checks) through
// Better Auth's callback, as server/app.ts mounts it.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOidcProvider, signInAtProvider, type TestIdentity, type TestOidcProvider } from "../../tests/support/oidc-provider.ts";
import { totpCode } from "../../tests/support/totp.ts";
import { completeTwoFactorSignIn } from "./complete-two-factor-sign-in.ts";
import { confirmTwoFactor } from "./confirm-two-factor.ts";
import { enableTwoFactor } from "./enable-two-factor.ts";
import { getCurrentUser } from "./get-current-user.ts";
import { accounts, users } from "./schema.ts";
import { signIn } from "./sign-in.ts";
import { signUp } from "./sign-up.ts";
import { startSsoSignIn } from "./start-sso-sign-in.ts";
import { accountsTestContextPerFile, cookieJar, createAccountsTestContext } from "./testing.ts";
import { verifyEmail } from "./verify-email.ts";

const identity = (sub: string, email: string, verified: boolean): TestIdentity => ({
  sub,
  password: `${sub} provider password`,
  email,
  email_verified: verified,
  name: `Person ${sub}`,
});
const people = {
  newcomer: identity("newcomer", "newcomer@cidade.test", true),
  unverified: identity("unverified", "unverified@cidade.test", false),
  existing: identity("existing", "existing@cidade.test", true),
  squatter: identity("squatter", "victim@cidade.test", false),
  secured: identity("secured", "secured@cidade.test", true),
};
const password = "a long local password here";

let provider: TestOidcProvider;
let context: Awaited<ReturnType<typeof createAccountsTestContext>>;
beforeAll(async () => {
  provider = await startOidcProvider({ redirectUris: ["http://127.0.0.1:3000/api/auth/callback/oidc"], identities: Object.values(people) });
  context = await createAccountsTestContext({
    sso: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, scopes: ["email", "profile"] },
  });
});
afterAll(async () => {
  await context?.handle.close();
  await provider?.close();
});

/** A browser starting single sign-on from a page in `locale` and signing in at the provider. */
async function signInWithProvider(locale: "es" | "pt" | "en", person: TestIdentity, options: { sameBrowser?: boolean } = {}) {
  const jar = cookieJar();
  const start = await startSsoSignIn(context.ctx, { locale });
  jar.keep(start.headers);
  expect(new URL(start.url).origin).toBe(provider.issuer);
  const back = await signInAtProvider(start.url, person);
  expect(back.pathname).toBe("/api/auth/callback/oidc");
  const response = await context.ctx.auth.handler(new Request(back, { headers: options.sameBrowser === false ? new Headers() : jar.headers() }));
  expect(response.status).toBe(302);
  jar.keep(response.headers);
  return { location: response.headers.get("location"), jar };
}

async function localAccount(email: string) {
  await signUp(context.ctx, { name: "Local Person", email, password, locale: "es" });
  await verifyEmail(context.ctx, await context.tokenOf(email, "accounts.verify-email"));
  const [user] = await context.ctx.db.select().from(users).where(eq(users.email, email));
  return user!;
}

const providersOf = async (userId: string) =>
  (await context.ctx.db.select({ providerId: accounts.providerId }).from(accounts).where(eq(accounts.userId, userId))).map((a) => a.providerId).sort();

describe("single sign-on", () => {
  it("makes an account for a first visit with an address the provider vouches for, in the page's language", async () => {
    const { location, jar } = await signInWithProvider("pt", people.newcomer);
    expect(location).toBe("/pt/account");
    expect(await getCurrentUser(context.ctx, jar.headers())).toMatchObject({ email: "newcomer@cidade.test", name: "Person newcomer", locale: "pt" });
    const [user] = await context.ctx.db.select().from(users).where(eq(users.email, "newcomer@cidade.test"));
    expect(user).toMatchObject({ emailVerified: true, role: "user" });
    expect(await providersOf(user!.id)).toEqual(["oidc"]);

    const again = await signInWithProvider("en", people.newcomer);
    expect(again.location).toBe("/en/account");
    expect(await getCurrentUser(context.ctx, again.jar.headers())).toMatchObject({ id: user!.id });
    expect(await providersOf(user!.id)).toEqual(["oidc"]);
  });

  it("makes no account when the provider does not vouch for the address", async () => {
    const { location, jar } = await signInWithProvider("es", people.unverified);
    expect(location).toMatch(/^\/es\/sign-in\?error=email_not_verified(&|$)/);
    expect(await getCurrentUser(context.ctx, jar.headers())).toBeNull();
    expect(await context.ctx.db.select().from(users).where(eq(users.email, "unverified@cidade.test"))).toEqual([]);
  });

  it("joins the provider's account to an existing one with the same address only when the provider vouches for it", async () => {
    const existing = await localAccount("existing@cidade.test");
    const linked = await signInWithProvider("en", people.existing);
    expect(linked.location).toBe("/en/account");
    expect(await getCurrentUser(context.ctx, linked.jar.headers())).toMatchObject({ id: existing.id });
    expect(await providersOf(existing.id)).toEqual(["credential", "oidc"]);

    const victim = await localAccount("victim@cidade.test");
    const refused = await signInWithProvider("es", people.squatter);
    expect(refused.location).toMatch(/^\/es\/sign-in\?error=account_not_linked(&|$)/);
    expect(await getCurrentUser(context.ctx, refused.jar.headers())).toBeNull();
    expect(await providersOf(victim.id)).toEqual(["credential"]);
  });

  it("asks a person with two-factor sign-in for the second factor after the provider too", async () => {
    await localAccount("secured@cidade.test");
    const jar = cookieJar();
    jar.keep((await signIn(context.ctx, { email: "secured@cidade.test", password }, new Headers())).headers);
    const { secret } = await enableTwoFactor(context.ctx, { password }, jar.headers());
    await confirmTwoFactor(context.ctx, { code: totpCode(secret) }, jar.headers());

    const { location, jar: browser } = await signInWithProvider("en", people.secured);
    expect(location).toBe("/en/sign-in/two-factor");
    expect(await getCurrentUser(context.ctx, browser.headers())).toBeNull();
    browser.keep((await completeTwoFactorSignIn(context.ctx, { code: totpCode(secret) }, browser.headers())).headers);
    expect(await getCurrentUser(context.ctx, browser.headers())).toMatchObject({ email: "secured@cidade.test" });
  });

  it("refuses the provider's answer in a browser that did not start the sign-in", async () => {
    const { location, jar } = await signInWithProvider("pt", people.newcomer, { sameBrowser: false });
    expect(location).toMatch(/^\/pt\/sign-in\?error=/);
    expect(await getCurrentUser(context.ctx, jar.headers())).toBeNull();
  });
});

describe("without a provider configured", () => {
  const plain = accountsTestContextPerFile();
  it("has no single sign-on to start", async () => {
    await expect(startSsoSignIn(plain.ctx, { locale: "es" })).rejects.toMatchObject({ code: "not_found" });
  });
});
