import { randomUUID } from "node:crypto";
import { eq, or, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema.ts";
import { outbox } from "../../platform/outbox/schema.ts";
import { invitations, joinRequests, organizationMembers, organizations } from "../organizations/schema.ts";
import { deleteAccount } from "./delete-account.ts";
import { getCurrentUser } from "./get-current-user.ts";
import { listDeletionBlockers } from "./list-deletion-blockers.ts";
import { requestPasswordReset } from "./request-password-reset.ts";
import { accounts as accountRows, personalAccessTokens, sessions, users, userThemes, verifications } from "./schema.ts";
import { signIn } from "./sign-in.ts";
import { signUp } from "./sign-up.ts";
import { accountsTestContextPerFile } from "./testing.ts";
import { updateProfile } from "./update-profile.ts";
import { verifyEmail } from "./verify-email.ts";

const accounts = accountsTestContextPerFile();
const password = "uma frase comprida o bastante";

async function signedIn(name: string, email: string) {
  await signUp(accounts.ctx, { name, email, password, locale: "pt" });
  await verifyEmail(accounts.ctx, await accounts.tokenOf(email, "accounts.verify-email"));
  const { headers } = await signIn(accounts.ctx, { email, password }, new Headers());
  const session = new Headers({ cookie: headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") });
  return { id: (await getCurrentUser(accounts.ctx, session))!.id, session };
}

describe("deleting an account", () => {
  it("waits until the last focal point hands over the role, then erases the person and keeps their organization's content", async () => {
    const db = accounts.ctx.db;
    const ana = await signedIn("Ana Souza", "ana@recife.test");
    const bruno = await signedIn("Bruno Lima", "bruno@recife.test");
    await updateProfile(accounts.ctx, ana.id, { name: "Ana Souza", position: "Diretora", languages: ["pt"], locale: "pt", timeZone: "America/Recife", themes: ["housing"] });
    const [org] = await db
      .insert(organizations)
      .values({ slug: "prefeitura-teste", name: "Prefeitura de Teste", kind: "civil_society", countryCode: "BR", createdBy: ana.id })
      .returning();
    await db.insert(organizationMembers).values([
      { organizationId: org!.id, userId: ana.id, role: "focal_point" },
      { organizationId: org!.id, userId: bruno.id, role: "staff" },
    ]);
    const expiresAt = new Date(Date.now() + 86_400_000);
    await db.insert(invitations).values({ organizationId: org!.id, email: "carla@recife.test", role: "staff", tokenHash: "h1", invitedBy: ana.id, locale: "pt", expiresAt });
    await db.insert(joinRequests).values({ organizationId: org!.id, userId: bruno.id, status: "approved", decidedBy: ana.id, decidedAt: new Date() });
    await db.insert(personalAccessTokens).values({ userId: ana.id, name: "script", scope: "read", tokenHash: "t1", prefix: "pares_x", expiresAt });
    await requestPasswordReset(accounts.ctx, { email: "ana@recife.test" });

    expect(await listDeletionBlockers(accounts.ctx, ana.id)).toEqual([{ id: org!.id, name: "Prefeitura de Teste", slug: "prefeitura-teste" }]);
    await expect(deleteAccount(accounts.ctx, { password }, ana.session)).rejects.toMatchObject({
      code: "conflict",
      messageKey: "error.deleteAccount.lastFocalPoint",
    });
    await expect(deleteAccount(accounts.ctx, { password: "not the password" }, ana.session)).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { password: ["i18n:validation.currentPassword"] },
    });
    expect(await getCurrentUser(accounts.ctx, ana.session)).not.toBeNull();

    await db.update(organizationMembers).set({ role: "focal_point" }).where(eq(organizationMembers.userId, bruno.id));
    expect(await listDeletionBlockers(accounts.ctx, ana.id)).toEqual([]);
    const { headers } = await deleteAccount(accounts.ctx, { password }, ana.session);
    expect(headers.getSetCookie().join("\n")).toMatch(/session_token=;.*Max-Age=0/i);

    // Personal data: gone.
    expect(await getCurrentUser(accounts.ctx, ana.session)).toBeNull();
    expect(await db.select().from(users).where(eq(users.id, ana.id))).toEqual([]);
    for (const table of [sessions, accountRows, userThemes, personalAccessTokens] as const) {
      expect(await db.select().from(table).where(eq(table.userId, ana.id))).toEqual([]);
    }
    expect(await db.select().from(organizationMembers).where(eq(organizationMembers.userId, ana.id))).toEqual([]);
    expect(await db.select().from(verifications).where(eq(verifications.value, ana.id))).toEqual([]);
    expect(await db.select().from(outbox).where(sql`${outbox.payload}->>'to' = 'ana@recife.test'`)).toEqual([]);
    await expect(signIn(accounts.ctx, { email: "ana@recife.test", password }, new Headers())).rejects.toMatchObject({ code: "unauthorized" });

    // Content: kept, without her.
    expect((await db.select().from(organizations).where(eq(organizations.id, org!.id)))[0]).toMatchObject({ name: "Prefeitura de Teste", createdBy: null });
    expect((await db.select().from(invitations).where(eq(invitations.organizationId, org!.id)))[0]).toMatchObject({ invitedBy: null });
    expect((await db.select().from(joinRequests).where(eq(joinRequests.userId, bruno.id)))[0]).toMatchObject({ status: "approved", decidedBy: null });
    expect(await getCurrentUser(accounts.ctx, bruno.session)).not.toBeNull();

    const trail = await db
      .select()
      .from(auditEvents)
      .where(or(eq(auditEvents.subjectUserId, ana.id), eq(auditEvents.actorUserId, ana.id)));
    // What happened stays (her sign-in, the deletion), by id only.
    expect(trail.map((e) => e.kind)).toEqual(["sign_in", "account_deleted"]);
    expect(trail.at(-1)).toMatchObject({ kind: "account_deleted", subjectUserId: ana.id, ipAddress: null, details: {} });
    expect(JSON.stringify(trail)).not.toMatch(/ana@recife|Ana Souza/);
  });

  it("lets the only member of an organization go, and asks an account without a password for its address", async () => {
    const db = accounts.ctx.db;
    const solo = await signedIn("Solo", "solo@city.test");
    const [org] = await db.insert(organizations).values({ slug: `solo-${randomUUID()}`, name: "Solo Org", kind: "university", countryCode: "AR" }).returning();
    await db.insert(organizationMembers).values({ organizationId: org!.id, userId: solo.id, role: "focal_point" });
    await db.update(accountRows).set({ password: null }).where(eq(accountRows.userId, solo.id));
    await expect(deleteAccount(accounts.ctx, { confirmEmail: "someone@else.test" }, solo.session)).rejects.toMatchObject({
      fieldErrors: { confirmEmail: ["i18n:validation.confirmEmail"] },
    });
    await deleteAccount(accounts.ctx, { confirmEmail: "Solo@City.test" }, solo.session);
    expect(await db.select().from(users).where(eq(users.id, solo.id))).toEqual([]);
    expect(await db.select().from(organizations).where(eq(organizations.id, org!.id))).toHaveLength(1);
  });

  it("needs someone signed in", async () => {
    await expect(deleteAccount(accounts.ctx, { password }, new Headers())).rejects.toMatchObject({ code: "unauthorized" });
  });
});
