import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema.ts";
import { outbox } from "../../platform/outbox/schema.ts";
import { getCurrentUser } from "./get-current-user.ts";
import { requestPasswordReset } from "./request-password-reset.ts";
import { resetPassword } from "./reset-password.ts";
import { signIn } from "./sign-in.ts";
import { signUp } from "./sign-up.ts";
import { accountsTestContextPerFile } from "./testing.ts";
import { verifyEmail } from "./verify-email.ts";

const accounts = accountsTestContextPerFile();

describe("password reset", () => {
  it("sends a link in the person's language; the new password works, the old one and open sessions end", async () => {
    await signUp(accounts.ctx, { name: "Lucía", email: "lucia@rosario.test", password: "mi contraseña de siempre", locale: "es" });
    await verifyEmail(accounts.ctx, await accounts.tokenOf("lucia@rosario.test", "accounts.verify-email"));
    const { headers } = await signIn(accounts.ctx, { email: "lucia@rosario.test", password: "mi contraseña de siempre" }, new Headers());
    const session = new Headers({ cookie: headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") });
    expect(await getCurrentUser(accounts.ctx, session)).not.toBeNull();

    await requestPasswordReset(accounts.ctx, { email: "LUCIA@rosario.test" });
    const [mail] = (await accounts.ctx.db.select().from(outbox)).filter((r) => r.payload.template === "accounts.reset-password");
    expect(mail!.payload).toMatchObject({ to: "lucia@rosario.test", locale: "es" });
    await resetPassword(accounts.ctx, { token: await accounts.tokenOf("lucia@rosario.test", "accounts.reset-password"), password: "una frase nueva y distinta" });

    expect(await getCurrentUser(accounts.ctx, session)).toBeNull();
    const resets = await accounts.ctx.db.select().from(auditEvents).where(eq(auditEvents.kind, "password_reset"));
    expect(resets).toHaveLength(1);
    await expect(signIn(accounts.ctx, { email: "lucia@rosario.test", password: "mi contraseña de siempre" }, new Headers())).rejects.toMatchObject({ code: "unauthorized" });
    await expect(signIn(accounts.ctx, { email: "lucia@rosario.test", password: "una frase nueva y distinta" }, new Headers())).resolves.toBeDefined();
  });

  it("answers the same for an address without an account, and refuses a forged or used token", async () => {
    const before = (await accounts.ctx.db.select().from(outbox)).length;
    await expect(requestPasswordReset(accounts.ctx, { email: "nobody@nowhere.test" })).resolves.toBeUndefined();
    expect((await accounts.ctx.db.select().from(outbox)).length).toBe(before);
    await expect(resetPassword(accounts.ctx, { token: "forged", password: "una frase nueva y distinta" })).rejects.toMatchObject({ messageKey: "error.reset.invalid" });
    const used = await accounts.tokenOf("lucia@rosario.test", "accounts.reset-password");
    await expect(resetPassword(accounts.ctx, { token: used, password: "otra frase más para probar" })).rejects.toMatchObject({ messageKey: "error.reset.invalid" });
  });

  it("refuses passwords that are common or follow a keyboard pattern, naming the field", async () => {
    for (const password of ["password1234", "qwertyuiop123", "iloveyou12345"]) {
      await expect(signUp(accounts.ctx, { name: "X", email: "x@common.test", password, locale: "en" })).rejects.toMatchObject({
        code: "invalid",
        fieldErrors: { password: ["i18n:validation.passwordCommon"] },
      });
    }
  });
});
