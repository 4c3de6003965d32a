import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema.ts";
import { secretOf, totpCode } from "../../tests/support/totp.ts";
import { loadActor } from "../organizations/actor.ts";
import { authenticateToken } from "./authenticate-token.ts";
import { completeTwoFactorSignIn } from "./complete-two-factor-sign-in.ts";
import { confirmTwoFactor } from "./confirm-two-factor.ts";
import { createAdmin } from "./create-admin.ts";
import { createToken } from "./create-token.ts";
import { disableTwoFactor } from "./disable-two-factor.ts";
import { enableTwoFactor } from "./enable-two-factor.ts";
import { getCurrentUser } from "./get-current-user.ts";
import { getTwoFactorStatus } from "./get-two-factor-status.ts";
import { regenerateBackupCodes } from "./regenerate-backup-codes.ts";
import { users } from "./schema.ts";
import { signIn } from "./sign-in.ts";
import { signUp } from "./sign-up.ts";
import { accountsTestContextPerFile, cookieJar } from "./testing.ts";
import { verifyEmail } from "./verify-email.ts";

const accounts = accountsTestContextPerFile();
const password = "una clave larga de verdad";

async function newAccount(email: string) {
  await signUp(accounts.ctx, { name: "Marta Gómez", email, password, locale: "es" });
  await verifyEmail(accounts.ctx, await accounts.tokenOf(email, "accounts.verify-email"));
}

/** Signs in with the password; the jar holds the session, or the pending second step. */
async function signInWithPassword(email: string) {
  const jar = cookieJar();
  const result = await signIn(accounts.ctx, { email, password }, new Headers());
  jar.keep(result.headers);
  return { jar, twoFactorRequired: result.twoFactorRequired };
}

/** Turns two-factor sign-in on for a signed-in person; returns the key and backup codes. */
async function turnOn(email: string) {
  const { jar } = await signInWithPassword(email);
  const setup = await enableTwoFactor(accounts.ctx, { password }, jar.headers());
  jar.keep((await confirmTwoFactor(accounts.ctx, { code: totpCode(setup.secret) }, jar.headers())).headers);
  return { ...setup, jar };
}

/** A six-digit code the app does not show now. */
const wrongCode = (secret: string, n = 0) => String((Number(totpCode(secret)) + 1000 + n) % 1_000_000).padStart(6, "0");

const eventsOf = (kind: "two_factor_enabled" | "two_factor_disabled", userId: string) =>
  accounts.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.kind, kind), eq(auditEvents.actorUserId, userId)));

describe("turning two-factor sign-in on", () => {
  it("asks for the password, gives a key and backup codes, and changes nothing until a code from the app confirms it", async () => {
    await newAccount("marta@montevideo.test");
    const { jar } = await signInWithPassword("marta@montevideo.test");
    const before = await getTwoFactorStatus(accounts.ctx, jar.headers());
    expect(before).toMatchObject({ enabled: false, backupCodesLeft: null, hasPassword: true });

    await expect(enableTwoFactor(accounts.ctx, { password: "not my password" }, jar.headers())).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { password: ["i18n:validation.currentPassword"] },
    });
    await expect(enableTwoFactor(accounts.ctx, { password: "" }, jar.headers())).rejects.toMatchObject({
      fieldErrors: { password: ["i18n:validation.required"] },
    });

    const setup = await enableTwoFactor(accounts.ctx, { password }, jar.headers());
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/Pares:marta%40montevideo\.test\?/);
    expect(setup.secret).toBe(secretOf(setup.uri));
    expect(setup.backupCodes).toHaveLength(10);
    // Not confirmed yet: signing in still needs the password only.
    expect((await signInWithPassword("marta@montevideo.test")).twoFactorRequired).toBe(false);

    await expect(confirmTwoFactor(accounts.ctx, { code: "12345" }, jar.headers())).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { code: ["i18n:validation.totpCode"] },
    });
    await expect(confirmTwoFactor(accounts.ctx, { code: wrongCode(setup.secret) }, jar.headers())).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { code: ["i18n:validation.totpCodeWrong"] },
    });

    const oldSession = jar.headers();
    const request = jar.headers();
    request.set("x-pares-client-ip", "203.0.113.7");
    const { headers } = await confirmTwoFactor(accounts.ctx, { code: totpCode(setup.secret) }, request);
    jar.keep(headers);
    // Better Auth replaces the session: the new cookie works, the old one no longer does.
    expect(await getCurrentUser(accounts.ctx, jar.headers())).toMatchObject({ email: "marta@montevideo.test" });
    expect(await getCurrentUser(accounts.ctx, oldSession)).toBeNull();
    const status = await getTwoFactorStatus(accounts.ctx, jar.headers());
    expect(status).toMatchObject({ enabled: true, backupCodesLeft: 10 });
    expect(await eventsOf("two_factor_enabled", status.userId)).toMatchObject([{ ipAddress: "203.0.113.7" }]);
    await expect(confirmTwoFactor(accounts.ctx, { code: totpCode(setup.secret) }, jar.headers())).rejects.toMatchObject({ code: "conflict" });
  });

  it("answers someone not signed in as unauthorized", async () => {
    await expect(getTwoFactorStatus(accounts.ctx, new Headers())).rejects.toMatchObject({ code: "unauthorized" });
    await expect(enableTwoFactor(accounts.ctx, { password }, new Headers())).rejects.toMatchObject({ code: "unauthorized" });
    await expect(confirmTwoFactor(accounts.ctx, { code: "123456" }, new Headers())).rejects.toMatchObject({ code: "unauthorized" });
    await expect(disableTwoFactor(accounts.ctx, { password }, new Headers())).rejects.toMatchObject({ code: "unauthorized" });
    await expect(regenerateBackupCodes(accounts.ctx, { password }, new Headers())).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("gives a platform administrator their powers once it is on", async () => {
    const admin = await createAdmin(accounts.ctx, { email: "admin@pares.test", name: "Admin", password });
    expect(await loadActor(accounts.ctx, admin.id)).toMatchObject({ platformAdmin: false, mustEnableTwoFactor: true });
    await turnOn("admin@pares.test");
    expect(await loadActor(accounts.ctx, admin.id)).toMatchObject({ platformAdmin: true, mustEnableTwoFactor: false });
  });
});

describe("signing in with two-factor sign-in on", () => {
  it("asks for a code after the password; a wrong code names the field; the right one opens the session", async () => {
    await newAccount("joao@porto-alegre.test");
    const { secret } = await turnOn("joao@porto-alegre.test");
    const { jar, twoFactorRequired } = await signInWithPassword("joao@porto-alegre.test");
    expect(twoFactorRequired).toBe(true);
    expect(jar.has("two_factor")).toBe(true);
    expect(await getCurrentUser(accounts.ctx, jar.headers())).toBeNull();

    await expect(completeTwoFactorSignIn(accounts.ctx, { code: wrongCode(secret) }, jar.headers())).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { code: ["i18n:validation.twoFactorCode"] },
    });
    await expect(completeTwoFactorSignIn(accounts.ctx, { code: "   " }, jar.headers())).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { code: ["i18n:validation.required"] },
    });
    const code = totpCode(secret);
    const pending = jar.headers();
    const { headers } = await completeTwoFactorSignIn(accounts.ctx, { code: `${code.slice(0, 3)} ${code.slice(3)}` }, pending);
    jar.keep(headers);
    expect(jar.has("two_factor")).toBe(false);
    expect(await getCurrentUser(accounts.ctx, jar.headers())).toMatchObject({ email: "joao@porto-alegre.test" });
    // The pending sign-in is used up, and without one there is nothing to complete.
    await expect(completeTwoFactorSignIn(accounts.ctx, { code: totpCode(secret) }, pending)).rejects.toMatchObject({ messageKey: "error.twoFactor.expired" });
    await expect(completeTwoFactorSignIn(accounts.ctx, { code: totpCode(secret) }, new Headers())).rejects.toMatchObject({ messageKey: "error.twoFactor.expired" });
  });

  it("takes each backup code once", async () => {
    await newAccount("ana@rosario.test");
    const { backupCodes, jar: owner } = await turnOn("ana@rosario.test");
    const first = await signInWithPassword("ana@rosario.test");
    first.jar.keep((await completeTwoFactorSignIn(accounts.ctx, { code: backupCodes[0]! }, first.jar.headers())).headers);
    expect(await getCurrentUser(accounts.ctx, first.jar.headers())).toMatchObject({ email: "ana@rosario.test" });
    const again = await signInWithPassword("ana@rosario.test");
    await expect(completeTwoFactorSignIn(accounts.ctx, { code: backupCodes[0]! }, again.jar.headers())).rejects.toMatchObject({
      fieldErrors: { code: ["i18n:validation.twoFactorCode"] },
    });
    expect(await getTwoFactorStatus(accounts.ctx, owner.headers())).toMatchObject({ backupCodesLeft: 9 });
  });

  it("allows five guesses per sign-in, and locks the second factor after ten wrong codes in a row", async () => {
    await newAccount("guess@lima.test");
    const { secret } = await turnOn("guess@lima.test");
    for (let round = 0; round < 2; round++) {
      const { jar } = await signInWithPassword("guess@lima.test");
      for (let i = 0; i < 5; i++) {
        await expect(completeTwoFactorSignIn(accounts.ctx, { code: wrongCode(secret, i) }, jar.headers())).rejects.toMatchObject({ code: "invalid" });
      }
      if (round === 0) {
        await expect(completeTwoFactorSignIn(accounts.ctx, { code: totpCode(secret) }, jar.headers())).rejects.toMatchObject({
          code: "rate_limited",
          messageKey: "error.twoFactor.tooManyAttempts",
        });
      }
    }
    const { jar } = await signInWithPassword("guess@lima.test");
    await expect(completeTwoFactorSignIn(accounts.ctx, { code: totpCode(secret) }, jar.headers())).rejects.toMatchObject({
      code: "rate_limited",
      messageKey: "error.twoFactor.locked",
    });
  });
});

describe("managing two-factor sign-in", () => {
  it("makes new backup codes after the password; the old ones stop working", async () => {
    await newAccount("codes@quito.test");
    const { backupCodes: old, jar } = await turnOn("codes@quito.test");
    await expect(regenerateBackupCodes(accounts.ctx, { password: "wrong password!" }, jar.headers())).rejects.toMatchObject({
      fieldErrors: { password: ["i18n:validation.currentPassword"] },
    });
    const { backupCodes } = await regenerateBackupCodes(accounts.ctx, { password }, jar.headers());
    expect(backupCodes).toHaveLength(10);
    expect(backupCodes).not.toContain(old[0]);
    const attempt = await signInWithPassword("codes@quito.test");
    await expect(completeTwoFactorSignIn(accounts.ctx, { code: old[0]! }, attempt.jar.headers())).rejects.toMatchObject({ code: "invalid" });
    attempt.jar.keep((await completeTwoFactorSignIn(accounts.ctx, { code: backupCodes[0]! }, attempt.jar.headers())).headers);
    expect(await getCurrentUser(accounts.ctx, attempt.jar.headers())).not.toBeNull();
  });

  it("turns it off after the password, recording it; signing in needs the password only again", async () => {
    await newAccount("off@asuncion.test");
    const { jar } = await turnOn("off@asuncion.test");
    await expect(disableTwoFactor(accounts.ctx, { password: "wrong password!" }, jar.headers())).rejects.toMatchObject({
      fieldErrors: { password: ["i18n:validation.currentPassword"] },
    });
    jar.keep((await disableTwoFactor(accounts.ctx, { password }, jar.headers())).headers);
    const status = await getTwoFactorStatus(accounts.ctx, jar.headers());
    expect(status).toMatchObject({ enabled: false, backupCodesLeft: null });
    expect(await eventsOf("two_factor_disabled", status.userId)).toHaveLength(1);
    expect((await signInWithPassword("off@asuncion.test")).twoFactorRequired).toBe(false);
    await expect(disableTwoFactor(accounts.ctx, { password }, jar.headers())).rejects.toMatchObject({ code: "conflict" });
    await expect(regenerateBackupCodes(accounts.ctx, { password }, jar.headers())).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("sessions and tokens from before two-step sign-in", () => {
  it("end when it is turned on, so they cannot inherit the powers of a role that requires it", async () => {
    await newAccount("antes@montevideo.test");
    const other = await signInWithPassword("antes@montevideo.test");
    const [user] = await accounts.ctx.db.select().from(users).where(eq(users.email, "antes@montevideo.test"));
    await accounts.ctx.db.update(users).set({ role: "admin" }).where(eq(users.id, user!.id));
    // Before: the administrator's powers wait, and no token can be made meanwhile.
    const waiting = (await loadActor(accounts.ctx, user!.id))!;
    expect(waiting).toMatchObject({ platformAdmin: false, mustEnableTwoFactor: true });
    await expect(createToken(accounts.ctx, waiting, { name: "early", scope: "write", expiresInDays: 30 })).rejects.toMatchObject({ code: "forbidden" });
    // A token made earlier, as an ordinary user, is revoked when two-step sign-in is turned on.
    await accounts.ctx.db.update(users).set({ role: "user" }).where(eq(users.id, user!.id));
    const early = await createToken(accounts.ctx, (await loadActor(accounts.ctx, user!.id))!, { name: "early", scope: "write", expiresInDays: 30 });
    await accounts.ctx.db.update(users).set({ role: "admin" }).where(eq(users.id, user!.id));
    const { jar } = await turnOn("antes@montevideo.test");
    expect(await authenticateToken(accounts.ctx, early.token)).toBeNull();
    expect(await getCurrentUser(accounts.ctx, other.jar.headers())).toBeNull();
    expect((await getCurrentUser(accounts.ctx, jar.headers()))?.email).toBe("antes@montevideo.test");
  });
});
