import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema.ts";
import { outbox } from "../../platform/outbox/schema.ts";
import { confirmEmailChange } from "./confirm-email-change.ts";
import { getCurrentUser } from "./get-current-user.ts";
import { requestEmailChange } from "./request-email-change.ts";
import { accounts as accountRows, users } from "./schema.ts";
import { signIn, signInFailureLimit } from "./sign-in.ts";
import { signUp } from "./sign-up.ts";
import { accountsTestContextPerFile } from "./testing.ts";
import { verifyEmail } from "./verify-email.ts";

const accounts = accountsTestContextPerFile();
const password = "uma frase comprida o bastante";

async function signedIn(email: string, locale: "es" | "pt" | "en" = "pt") {
  await signUp(accounts.ctx, { name: "Joana Silva", email, password, locale });
  await verifyEmail(accounts.ctx, await accounts.tokenOf(email, "accounts.verify-email"));
  const { headers } = await signIn(accounts.ctx, { email, password }, new Headers());
  const session = new Headers({ cookie: headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") });
  return { id: (await getCurrentUser(accounts.ctx, session))!.id, session };
}

const mailsTo = async (to: string, template: string) =>
  (await accounts.ctx.db.select().from(outbox)).filter((r) => r.payload.to === to && r.payload.template === template);
const emailOf = async (id: string) => (await accounts.ctx.db.select({ email: users.email }).from(users).where(eq(users.id, id)))[0]?.email;
const eventsOf = async (id: string, kind: string) =>
  accounts.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, id), eq(auditEvents.kind, kind)));

describe("changing the e-mail address", () => {
  it("sends a link to the new address and a notice to the old; the address changes only when the link is followed", async () => {
    const { id, session } = await signedIn("joana@recife.test");
    session.set("x-pares-client-ip", "203.0.113.5");
    await expect(requestEmailChange(accounts.ctx, { newEmail: " Joana.Silva@Olinda.test ", password }, session)).resolves.toEqual({
      newEmail: "joana.silva@olinda.test",
    });
    const [link] = await mailsTo("joana.silva@olinda.test", "accounts.change-email");
    expect(link!.payload).toMatchObject({ locale: "pt" });
    const [notice] = await mailsTo("joana@recife.test", "accounts.email-change-notice");
    expect(notice!.payload).toMatchObject({ locale: "pt", data: { name: "Joana Silva" } });
    expect(JSON.stringify(notice!.payload)).not.toContain("olinda");
    expect(await emailOf(id)).toBe("joana@recife.test");
    expect(await eventsOf(id, "email_change_requested")).toEqual([expect.objectContaining({ ipAddress: "203.0.113.5", details: {} })]);

    await confirmEmailChange(accounts.ctx, await accounts.tokenOf("joana.silva@olinda.test", "accounts.change-email"));
    const [user] = await accounts.ctx.db.select().from(users).where(eq(users.id, id));
    expect(user).toMatchObject({ email: "joana.silva@olinda.test", emailVerified: true });
    const [changed] = await eventsOf(id, "email_changed");
    expect(changed).toMatchObject({ details: {} });
    await expect(signIn(accounts.ctx, { email: "joana.silva@olinda.test", password }, new Headers())).resolves.toBeDefined();
    await expect(signIn(accounts.ctx, { email: "joana@recife.test", password }, new Headers())).rejects.toMatchObject({ code: "unauthorized" });

    // The link works once.
    await expect(confirmEmailChange(accounts.ctx, await accounts.tokenOf("joana.silva@olinda.test", "accounts.change-email"))).rejects.toMatchObject({
      code: "invalid",
      messageKey: "error.emailChange.invalid",
    });
  });

  it("answers the same when another account already has the new address, and sends nothing to it", async () => {
    await signedIn("taken@city.test", "es");
    const { id, session } = await signedIn("mover@city.test", "en");
    const before = (await mailsTo("taken@city.test", "accounts.change-email")).length;
    await expect(requestEmailChange(accounts.ctx, { newEmail: "taken@city.test", password }, session)).resolves.toEqual({ newEmail: "taken@city.test" });
    expect((await mailsTo("taken@city.test", "accounts.change-email")).length).toBe(before);
    expect(await mailsTo("mover@city.test", "accounts.email-change-notice")).toHaveLength(1);
    expect(await eventsOf(id, "email_change_requested")).toHaveLength(1);
    expect(await emailOf(id)).toBe("mover@city.test");
  });

  it("refuses bad input naming the field: a malformed or unchanged address, a wrong password", async () => {
    const { id, session } = await signedIn("careful@city.test");
    await expect(requestEmailChange(accounts.ctx, { newEmail: "not an address", password }, session)).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { newEmail: ["i18n:validation.email"] },
    });
    await expect(requestEmailChange(accounts.ctx, { newEmail: "CAREFUL@city.test", password }, session)).rejects.toMatchObject({
      fieldErrors: { newEmail: ["i18n:validation.sameEmail"] },
    });
    await expect(requestEmailChange(accounts.ctx, { newEmail: "new@city.test", password: "not my password" }, session)).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { password: ["i18n:validation.currentPassword"] },
    });
    await expect(requestEmailChange(accounts.ctx, { newEmail: "new@city.test" }, session)).rejects.toMatchObject({
      fieldErrors: { password: ["i18n:validation.required"] },
    });
    expect(await mailsTo("new@city.test", "accounts.change-email")).toHaveLength(0);
    expect(await eventsOf(id, "email_change_requested")).toHaveLength(0);
  });

  it(`stops guessing the password after ${signInFailureLimit} wrong tries within a minute`, async () => {
    const { session } = await signedIn("guessed@city.test");
    for (let i = 0; i < signInFailureLimit; i++) {
      await expect(requestEmailChange(accounts.ctx, { newEmail: "thief@evil.test", password: `guess ${i}` }, session)).rejects.toMatchObject({ code: "invalid" });
    }
    await expect(requestEmailChange(accounts.ctx, { newEmail: "thief@evil.test", password }, session)).rejects.toMatchObject({ code: "rate_limited" });
    expect(await mailsTo("thief@evil.test", "accounts.change-email")).toHaveLength(0);
  });

  it("asks an account without a password to type its current address instead", async () => {
    const { id, session } = await signedIn("sso@city.test");
    await accounts.ctx.db.update(accountRows).set({ password: null }).where(eq(accountRows.userId, id));
    await expect(requestEmailChange(accounts.ctx, { newEmail: "sso.new@city.test", confirmEmail: "other@city.test" }, session)).rejects.toMatchObject({
      fieldErrors: { confirmEmail: ["i18n:validation.confirmEmail"] },
    });
    await requestEmailChange(accounts.ctx, { newEmail: "sso.new@city.test", confirmEmail: " SSO@city.test" }, session);
    expect(await mailsTo("sso.new@city.test", "accounts.change-email")).toHaveLength(1);
  });

  it("needs someone signed in, and refuses a forged or missing link", async () => {
    await expect(requestEmailChange(accounts.ctx, { newEmail: "x@city.test", password }, new Headers())).rejects.toMatchObject({ code: "unauthorized" });
    await expect(confirmEmailChange(accounts.ctx, "forged")).rejects.toMatchObject({ code: "invalid" });
    await expect(confirmEmailChange(accounts.ctx, null)).rejects.toMatchObject({ code: "invalid" });
  });
});
