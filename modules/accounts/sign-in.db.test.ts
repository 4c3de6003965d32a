import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema.ts";
import { outbox } from "../../platform/outbox/schema.ts";
import { getCurrentUser } from "./get-current-user.ts";
import { users } from "./schema.ts";
import { signIn, signInFailureLimit } from "./sign-in.ts";
import { signOut } from "./sign-out.ts";
import { signUp } from "./sign-up.ts";
import { accountsTestContextPerFile } from "./testing.ts";
import { verifyEmail } from "./verify-email.ts";

const accounts = accountsTestContextPerFile();

const password = "uma senha bem comprida";
const cookieFrom = (headers: Headers) =>
  headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

const verificationTokenFor = (email: string) => accounts.tokenOf(email, "accounts.verify-email");

describe("sign-up, verification, sign-in, sign-out", () => {
  it("sends a verification e-mail in the person's language; sign-in waits for the confirmation", async () => {
    await signUp(accounts.ctx, { name: "Joana Silva", email: "Joana@Recife.test", password, locale: "pt" });
    const [mail] = (await accounts.ctx.db.select().from(outbox).where(and(eq(outbox.kind, "email")))).filter((r) => r.payload.to === "joana@recife.test");
    expect(mail!.payload).toMatchObject({ to: "joana@recife.test", locale: "pt", template: "accounts.verify-email" });
    await expect(signIn(accounts.ctx, { email: "joana@recife.test", password }, new Headers())).rejects.toMatchObject({
      code: "forbidden",
      messageKey: "error.signIn.unverified",
    });
    await verifyEmail(accounts.ctx, await verificationTokenFor("joana@recife.test"));
    const [user] = await accounts.ctx.db.select().from(users).where(eq(users.email, "joana@recife.test"));
    expect(user).toMatchObject({ emailVerified: true, locale: "pt", role: "user" });
  });

  it("signs in with a session cookie, knows who is signed in, and signs out", async () => {
    const { headers } = await signIn(accounts.ctx, { email: "JOANA@recife.test", password }, new Headers());
    const cookie = cookieFrom(headers);
    expect(cookie).toContain("session_token");
    const requestHeaders = new Headers({ cookie });
    expect(await getCurrentUser(accounts.ctx, requestHeaders)).toMatchObject({ name: "Joana Silva", email: "joana@recife.test", locale: "pt" });
    await signOut(accounts.ctx, requestHeaders);
    expect(await getCurrentUser(accounts.ctx, requestHeaders)).toBeNull();
  });

  it("answers a wrong password and an unknown address alike", async () => {
    for (const email of ["joana@recife.test", "nobody@nowhere.test"]) {
      await expect(signIn(accounts.ctx, { email, password: "not the password" }, new Headers())).rejects.toMatchObject({
        code: "unauthorized",
        messageKey: "error.signIn.invalid",
      });
    }
  });

  it(`refuses the attempt after ${signInFailureLimit} failures for one address within a minute, even with the right password`, async () => {
    await signUp(accounts.ctx, { name: "Rate", email: "rate@limit.test", password, locale: "en" });
    await verifyEmail(accounts.ctx, await verificationTokenFor("rate@limit.test"));
    for (let i = 0; i < signInFailureLimit; i++) {
      await expect(signIn(accounts.ctx, { email: "rate@limit.test", password: `wrong ${i}` }, new Headers())).rejects.toMatchObject({ code: "unauthorized" });
    }
    await expect(signIn(accounts.ctx, { email: "rate@limit.test", password }, new Headers())).rejects.toMatchObject({ code: "rate_limited" });
    // Other addresses are not affected.
    await expect(signIn(accounts.ctx, { email: "joana@recife.test", password }, new Headers())).resolves.toBeDefined();
  });

  it("lets no more than the limit of guesses through when they arrive all at once", async () => {
    await signUp(accounts.ctx, { name: "Burst", email: "burst@limit.test", password, locale: "es" });
    await verifyEmail(accounts.ctx, await verificationTokenFor("burst@limit.test"));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => signIn(accounts.ctx, { email: "burst@limit.test", password: `guess number ${i}` }, new Headers())),
    );
    const codes = outcomes.map((o) => (o.status === "rejected" ? (o.reason as { code: string }).code : "signed-in"));
    expect(codes.filter((c) => c === "unauthorized").length).toBeLessThanOrEqual(signInFailureLimit);
    expect(codes.filter((c) => c === "rate_limited").length).toBeGreaterThanOrEqual(12 - signInFailureLimit);
  });

  it("sends a new verification link to a person who signs in with the right password before confirming", async () => {
    await signUp(accounts.ctx, { name: "Late", email: "late@verify.test", password, locale: "en" });
    const before = (await accounts.ctx.db.select().from(outbox)).filter((r) => r.payload.to === "late@verify.test").length;
    await expect(signIn(accounts.ctx, { email: "late@verify.test", password }, new Headers())).rejects.toMatchObject({ code: "forbidden" });
    const after = (await accounts.ctx.db.select().from(outbox)).filter((r) => r.payload.to === "late@verify.test").length;
    expect(after).toBe(before + 1);
  });

  it("does not reveal that an address already has an account, and refuses bad input naming the fields", async () => {
    await expect(signUp(accounts.ctx, { name: "Other", email: "joana@recife.test", password, locale: "es" })).resolves.toEqual({ email: "joana@recife.test" });
    await expect(signUp(accounts.ctx, { name: "", email: "not-an-address", password: "short", locale: "es" })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { name: ["i18n:validation.required"], email: ["i18n:validation.email"], password: ["i18n:validation.passwordLength"] },
    });
  });

  it("refuses a forged or used verification token", async () => {
    await expect(verifyEmail(accounts.ctx, "forged-token")).rejects.toMatchObject({ code: "invalid" });
    await expect(verifyEmail(accounts.ctx, null)).rejects.toMatchObject({ code: "invalid" });
  });
});

describe("the audit log of signing in", () => {
  it("records failed attempts (whose account, not the address typed), sign-ins and sign-outs, with the client's address", async () => {
    await signUp(accounts.ctx, { name: "Rafa Audit", email: "rafa@audit.test", password, locale: "es" });
    await verifyEmail(accounts.ctx, await verificationTokenFor("rafa@audit.test"));
    const [user] = await accounts.ctx.db.select().from(users).where(eq(users.email, "rafa@audit.test"));
    const from = new Headers({ "x-pares-client-ip": "203.0.113.7" });
    await expect(signIn(accounts.ctx, { email: "rafa@audit.test", password: "not the password at all" }, from)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(signIn(accounts.ctx, { email: "nobody@audit.test", password: "not the password at all" }, from)).rejects.toMatchObject({ code: "unauthorized" });
    const { headers } = await signIn(accounts.ctx, { email: "rafa@audit.test", password }, from);
    await signOut(accounts.ctx, new Headers({ cookie: cookieFrom(headers), "x-pares-client-ip": "203.0.113.7" }));
    const events = await accounts.ctx.db.select().from(auditEvents).orderBy(auditEvents.id);
    const mine = events.filter((e) => e.actorUserId === user!.id || e.subjectUserId === user!.id);
    expect(mine.map((e) => e.kind)).toEqual(["sign_in_failed", "sign_in", "sign_out"]);
    expect(mine.every((e) => e.ipAddress === "203.0.113.7")).toBe(true);
    const unknown = events.find((e) => e.kind === "sign_in_failed" && e.subjectUserId === null);
    expect(unknown?.details).toMatchObject({ knownAccount: false });
    expect(JSON.stringify(events)).not.toContain("nobody@audit.test");
  });
});
