import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { invitations, joinRequests, organizationMembers, organizations } from "../organizations/schema.ts";
import { exportPersonalData } from "./export-personal-data.ts";
import { getCurrentUser } from "./get-current-user.ts";
import { accounts as accountRows, personalAccessTokens, sessions, twoFactors } from "./schema.ts";
import { signIn } from "./sign-in.ts";
import { signUp } from "./sign-up.ts";
import { accountsTestContextPerFile } from "./testing.ts";
import { updateProfile } from "./update-profile.ts";
import { verifyEmail } from "./verify-email.ts";

const accounts = accountsTestContextPerFile();
const password = "una frase larga y segura";

describe("download my data", () => {
  it("holds the person's profile, themes, sessions, sign-in methods, organizations, invitations, requests, tokens and audit trail, and no secret", async () => {
    const db = accounts.ctx.db;
    await signUp(accounts.ctx, { name: "Lucía Pérez", email: "lucia@montevideo.test", password, locale: "es" });
    await verifyEmail(accounts.ctx, await accounts.tokenOf("lucia@montevideo.test", "accounts.verify-email"));
    const { headers } = await signIn(accounts.ctx, { email: "lucia@montevideo.test", password }, new Headers({ "user-agent": "Lucia's Browser" }));
    const session = new Headers({ cookie: headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") });
    const id = (await getCurrentUser(accounts.ctx, session))!.id;
    await updateProfile(accounts.ctx, id, {
      name: "Lucía Pérez",
      position: "Coordinadora de cooperación",
      languages: ["es", "pt"],
      locale: "es",
      timeZone: "America/Montevideo",
      themes: ["gender"],
    });

    // Secrets that sit next to her data.
    const secrets = {
      totp: "TOTP-SECRET-never-exported",
      backup: "BACKUP-CODES-never-exported",
      invitationHash: "invitation-hash-never-exported",
      tokenHash: "token-hash-never-exported",
      accessToken: "provider-access-token-never-exported",
      refreshToken: "provider-refresh-token-never-exported",
      idToken: "provider-id-token-never-exported",
    };
    await db.insert(twoFactors).values({ id: randomUUID(), userId: id, secret: secrets.totp, backupCodes: secrets.backup });
    await db.insert(accountRows).values({
      id: randomUUID(),
      userId: id,
      providerId: "oidc",
      accountId: "subject-123",
      accessToken: secrets.accessToken,
      refreshToken: secrets.refreshToken,
      idToken: secrets.idToken,
      scope: "openid email",
    });
    const [org] = await db
      .insert(organizations)
      .values({ slug: "intendencia-test", name: "Intendencia de Prueba", kind: "civil_society", countryCode: "UY", createdBy: id })
      .returning();
    const [other] = await db
      .insert(organizations)
      .values({ slug: "otra-org", name: "Otra Organización", kind: "university", countryCode: "UY" })
      .returning();
    await db.insert(organizationMembers).values({ organizationId: org!.id, userId: id, role: "focal_point" });
    const expiresAt = new Date(Date.now() + 86_400_000);
    await db.insert(invitations).values({
      organizationId: org!.id,
      email: "colega@montevideo.test",
      role: "staff",
      tokenHash: secrets.invitationHash,
      invitedBy: id,
      locale: "es",
      expiresAt,
    });
    await db.insert(invitations).values({ organizationId: other!.id, email: "lucia@montevideo.test", role: "staff", tokenHash: "received-hash", locale: "es", expiresAt });
    await db.insert(joinRequests).values({ organizationId: other!.id, userId: id, message: "Quisiera sumarme" });
    await db.insert(personalAccessTokens).values({ userId: id, name: "Mi script", scope: "read", tokenHash: secrets.tokenHash, prefix: "pares_ab12", expiresAt });
    await recordAuditEvent(db, { kind: "token_created", actorUserId: id, ipAddress: "203.0.113.9" });
    await recordAuditEvent(db, { kind: "member_added", actorUserId: "someone-else", subjectUserId: id, organizationId: org!.id, ipAddress: "198.51.100.4" });
    await recordAuditEvent(db, { kind: "member_added", actorUserId: "someone-else", subjectUserId: "a-third-person" });

    const data = await exportPersonalData(accounts.ctx, id, "pt");
    expect(data.profile).toMatchObject({
      id,
      name: "Lucía Pérez",
      email: "lucia@montevideo.test",
      position: "Coordinadora de cooperación",
      languages: ["es", "pt"],
      timeZone: "America/Montevideo",
      twoFactorEnabled: false,
    });
    expect(data.themes).toEqual([{ id: "gender", scheme: "network-spaces", name: "Gênero" }]);
    expect(data.sessions).toEqual([expect.objectContaining({ userAgent: "Lucia's Browser" })]);
    expect(data.signInMethods.map((m) => m.provider).sort()).toEqual(["credential", "oidc"]);
    expect(data.signInMethods.find((m) => m.provider === "oidc")).toMatchObject({ accountId: "subject-123", scope: "openid email" });
    expect(data.organizationMemberships).toEqual([expect.objectContaining({ organization: "Intendencia de Prueba", role: "focal_point" })]);
    expect(data.organizationsCreated).toEqual([expect.objectContaining({ name: "Intendencia de Prueba" })]);
    expect(data.invitationsSent).toEqual([expect.objectContaining({ email: "colega@montevideo.test", role: "staff" })]);
    expect(data.invitationsReceived).toEqual([expect.objectContaining({ organization: "Otra Organización" })]);
    expect(data.joinRequests).toEqual([expect.objectContaining({ organization: "Otra Organización", message: "Quisiera sumarme", status: "pending" })]);
    expect(data.personalAccessTokens).toEqual([expect.objectContaining({ name: "Mi script", prefix: "pares_ab12", scope: "read" })]);
    expect(data.auditEvents.map((e) => e.kind)).toEqual(["sign_in", "token_created", "member_added"]);
    // Someone else's action concerning the person: not who, nor from where.
    expect(data.auditEvents.at(-1)).toMatchObject({ kind: "member_added", actorUserId: null, ipAddress: null });
    expect(JSON.stringify(data)).not.toContain("198.51.100.4");

    const json = JSON.stringify(data);
    const [credential] = await db.select({ hash: accountRows.password }).from(accountRows).where(eq(accountRows.providerId, "credential"));
    const sessionTokens = (await db.select({ token: sessions.token }).from(sessions).where(eq(sessions.userId, id))).map((s) => s.token);
    for (const secret of [...Object.values(secrets), credential!.hash!, ...sessionTokens, "received-hash"]) expect(json).not.toContain(secret);
    expect(json).not.toMatch(/"(password|token|tokenHash|secret|backupCodes|accessToken|refreshToken|idToken)"\s*:/);
  });

  it("answers not found for an account that does not exist", async () => {
    await expect(exportPersonalData(accounts.ctx, "nobody", "en")).rejects.toMatchObject({ code: "not_found" });
  });
});
