import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { outbox } from "../../platform/outbox/schema.ts";
import { getCurrentUser } from "./get-current-user.ts";
import { requestPasswordReset } from "./request-password-reset.ts";
import { resetPassword } from "./reset-password.ts";
import { signIn } from "./sign-in.ts";
import { signUp } from "./sign-up.ts";
import { createAccountsTestContext } from "./testing.ts";
import { verifyEmail } from "./verify-email.ts";

let handle: DatabaseHandle;
let ctx: Awaited<ReturnType<typeof createAccountsTestContext>>["ctx"];
let tokenOf: Awaited<ReturnType<typeof createAccountsTestContext>>["tokenOf"];
beforeAll(async () => {
  ({ handle, ctx, tokenOf } = await createAccountsTestContext());
});
afterAll(() => handle.close());

describe("password reset", () => {
  it("sends a link in the person's language; the new password works, the old one and open sessions end", async () => {
    await signUp(ctx, { name: "Lucía", email: "lucia@rosario.test", password: "mi contraseña de siempre", locale: "es" });
    await verifyEmail(ctx, await tokenOf("lucia@rosario.test", "accounts.verify-email"));
    const { headers } = await signIn(ctx, { email: "lucia@rosario.test", password: "mi contraseña de siempre" }, new Headers());
    const session = new Headers({ cookie: headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") });
    expect(await getCurrentUser(ctx, session)).not.toBeNull();

    await requestPasswordReset(ctx, { email: "LUCIA@rosario.test" });
    const [mail] = (await ctx.db.select().from(outbox)).filter((r) => r.payload.template === "accounts.reset-password");
    expect(mail!.payload).toMatchObject({ to: "lucia@rosario.test", locale: "es" });
    await resetPassword(ctx, { token: await tokenOf("lucia@rosario.test", "accounts.reset-password"), password: "una frase nueva y distinta" });

    expect(await getCurrentUser(ctx, session)).toBeNull();
    await expect(signIn(ctx, { email: "lucia@rosario.test", password: "mi contraseña de siempre" }, new Headers())).rejects.toMatchObject({ code: "unauthorized" });
    await expect(signIn(ctx, { email: "lucia@rosario.test", password: "una frase nueva y distinta" }, new Headers())).resolves.toBeDefined();
  });

  it("answers the same for an address without an account, and refuses a forged or used token", async () => {
    const before = (await ctx.db.select().from(outbox)).length;
    await expect(requestPasswordReset(ctx, { email: "nobody@nowhere.test" })).resolves.toBeUndefined();
    expect((await ctx.db.select().from(outbox)).length).toBe(before);
    await expect(resetPassword(ctx, { token: "forged", password: "una frase nueva y distinta" })).rejects.toMatchObject({ messageKey: "error.reset.invalid" });
    const used = await tokenOf("lucia@rosario.test", "accounts.reset-password");
    await expect(resetPassword(ctx, { token: used, password: "otra frase más para probar" })).rejects.toMatchObject({ messageKey: "error.reset.invalid" });
  });

  it("refuses passwords that are common or follow a keyboard pattern, naming the field", async () => {
    for (const password of ["password1234", "qwertyuiop123", "iloveyou12345"]) {
      await expect(signUp(ctx, { name: "X", email: "x@common.test", password, locale: "en" })).rejects.toMatchObject({
        code: "invalid",
        fieldErrors: { password: ["i18n:validation.passwordCommon"] },
      });
    }
  });
});
