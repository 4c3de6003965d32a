import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema.ts";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { AppError } from "../../platform/errors.ts";
import { outbox } from "../../platform/outbox/schema.ts";
import { users } from "../accounts/schema.ts";
import { acceptInvitation } from "./accept-invitation.ts";
import { acceptMyInvitation } from "./accept-my-invitation.ts";
import { type Actor, anonymousActor, loadActor } from "./actor.ts";
import { changeMemberRole } from "./change-member-role.ts";
import { createOrganization } from "./create-organization.ts";
import { decideJoinRequest } from "./decide-join-request.ts";
import { addMember, createOrganizationRecord, createPerson, findCityId } from "./factories.ts";
import { getInvitation } from "./get-invitation.ts";
import { getOrganization } from "./get-organization.ts";
import { inviteMember } from "./invite-member.ts";
import { listMembers } from "./list-members.ts";
import { listMyOrganizations } from "./list-my-organizations.ts";
import { listOrganizations } from "./list-organizations.ts";
import { mergeOrganizations } from "./merge-organizations.ts";
import { removeMember } from "./remove-member.ts";
import { requestToJoin } from "./request-to-join.ts";
import { invitations, organizationMembers, organizations } from "./schema.ts";
import { setActingOrganization } from "./set-acting-organization.ts";
import { updateOrganization } from "./update-organization.ts";
import { verifyOrganization } from "./verify-organization.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

let people = 0;
async function person(name = "Person", extra: { role?: "admin" | "user" } = {}): Promise<{ id: string; email: string; actor: () => Promise<Actor> }> {
  const email = `person${++people}@org.test`;
  const id = await createPerson(ctx.db, { name, email, password: "not used in these tests", role: extra.role });
  return { id, email, actor: async () => (await loadActor(ctx, id))! };
}

async function caught(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the use case to refuse");
}

/** The token of the newest invitation e-mail queued for this address. */
async function invitationToken(email: string): Promise<string> {
  const rows = await ctx.db.select().from(outbox).where(eq(outbox.kind, "email"));
  const mail = rows.reverse().find((r) => r.payload.to === email && r.payload.template === "organizations.invitation");
  if (!mail) throw new Error(`no invitation for ${email}`);
  return String((mail.payload.data as { token: string }).token);
}

describe("creating an organization", () => {
  it("makes the creator its focal point, acting for it, and records it in the audit log", async () => {
    const ana = await person("Ana");
    // A city no demo network has a government for.
    const sevilla = await findCityId(ctx.db, "Sevilla", "ES");
    const { slug, id } = await createOrganization(ctx, await ana.actor(), { name: "Ayuntamiento de Sevilla", kind: "local_government", cityId: sevilla! });
    expect(slug).toBe("ayuntamiento-de-sevilla");
    const actor = await ana.actor();
    expect(actor.memberships.get(id)).toBe("focal_point");
    expect(actor.actingOrganizationId).toBe(id);
    const view = await getOrganization(ctx, actor, slug, "pt");
    expect(view).toMatchObject({ countryCode: "ES", countryName: "Espanha", verified: false, memberCount: 1 });
    expect(view.city?.name).toBe("Sevilha");
    expect(view.viewer).toMatchObject({ role: "focal_point", canUpdate: true, canManageMembers: true, canRequestToJoin: false });
    const audit = await ctx.db.select().from(auditEvents).where(eq(auditEvents.organizationId, id));
    expect(audit.map((e) => e.kind).sort()).toEqual(["member_added", "organization_created"]);
  });

  it("returns the first organization when the same form is submitted twice", async () => {
    const bea = await person("Bea");
    const input = { name: "Observatorio Urbano del Sur", kind: "civil_society" as const, countryCode: "CL" };
    const [first, second] = await Promise.all([
      createOrganization(ctx, await bea.actor(), input),
      createOrganization(ctx, await bea.actor(), input),
    ]);
    expect(second.id).toBe(first.id);
    const rows = await ctx.db.select().from(organizations).where(eq(organizations.name, input.name));
    expect(rows).toHaveLength(1);
  });

  it("names the fields that are wrong, and refuses a second government for a city", async () => {
    const carlos = await person("Carlos");
    const actor = await carlos.actor();
    const bad = await caught(createOrganization(ctx, actor, { name: "X", kind: "local_government", website: "ftp://nope" }));
    expect(bad.code).toBe("invalid");
    expect(Object.keys(bad.fieldErrors!).sort()).toEqual(["cityId", "countryCode", "name", "website"]);
    // The demo data already has Buenos Aires' government.
    const buenosAires = await findCityId(ctx.db, "Buenos Aires", "AR");
    const taken = await caught(createOrganization(ctx, actor, { name: "Otro Gobierno de Buenos Aires", kind: "local_government", cityId: buenosAires! }));
    expect(taken.fieldErrors).toEqual({ cityId: ["i18n:error.organization.cityTaken"] });
  });

  it("needs someone signed in, with a token allowed to write", async () => {
    expect((await caught(createOrganization(ctx, anonymousActor, { name: "Anon", kind: "company", countryCode: "BR" }))).code).toBe("unauthorized");
    const reader = await person("Reader");
    const readOnly = (await loadActor(ctx, reader.id, { kind: "token", scope: "read" }))!;
    expect((await caught(createOrganization(ctx, readOnly, { name: "Read only", kind: "company", countryCode: "BR" }))).code).toBe("forbidden");
  });
});

describe("invitations", () => {
  it("sends a single-use link to the address; only that address can accept, once", async () => {
    const focal = await person("Focal");
    const org = await createOrganization(ctx, await focal.actor(), { name: "Consorcio Intermunicipal Grande ABC", kind: "local_government_group", cityId: (await findCityId(ctx.db, "Santo André", "BR"))! });
    const invitee = await person("Invitee");
    const other = await person("Other");
    await inviteMember(ctx, await focal.actor(), org.slug, { email: invitee.email.toUpperCase(), role: "staff", locale: "pt" });
    const token = await invitationToken(invitee.email);
    const [mail] = (await ctx.db.select().from(outbox).where(eq(outbox.kind, "email"))).filter((r) => r.payload.to === invitee.email);
    expect(mail!.payload).toMatchObject({ locale: "pt", template: "organizations.invitation" });
    expect(await getInvitation(ctx, token)).toMatchObject({ status: "open", role: "staff", organization: { slug: org.slug } });
    // The stored row never holds the token itself.
    const stored = await ctx.db.select().from(invitations).where(eq(invitations.organizationId, org.id));
    expect(JSON.stringify(stored)).not.toContain(token);

    expect((await caught(acceptInvitation(ctx, await other.actor(), token))).messageKey).toBe("error.invitation.otherAddress");
    await acceptInvitation(ctx, await invitee.actor(), token);
    expect((await invitee.actor()).memberships.get(org.id)).toBe("staff");
    expect((await caught(acceptInvitation(ctx, await invitee.actor(), token))).code).toBe("not_found");
    expect((await getInvitation(ctx, token)).status).toBe("accepted");
    // Inviting someone who is already a member names the field.
    const again = await caught(inviteMember(ctx, await focal.actor(), org.slug, { email: invitee.email, role: "staff" }));
    expect(again.fieldErrors).toEqual({ email: ["i18n:error.invitation.alreadyMember"] });
  });

  it("can be accepted from the person's own list when the e-mail is lost, by the invited address only", async () => {
    const focal = await person("Focal lost");
    const org = await createOrganization(ctx, await focal.actor(), { name: "Instituto del Agua", kind: "civil_society", countryCode: "AR" });
    const invitee = await person("Lost e-mail");
    const other = await person("Not invited");
    const { id } = await inviteMember(ctx, await focal.actor(), org.slug, { email: invitee.email, role: "authority" });
    const mine = await listMyOrganizations(ctx, await invitee.actor());
    expect(mine.invitations).toEqual([expect.objectContaining({ id, organizationName: "Instituto del Agua", role: "authority" })]);
    expect((await caught(acceptMyInvitation(ctx, await other.actor(), id))).messageKey).toBe("error.invitation.otherAddress");
    expect((await caught(acceptMyInvitation(ctx, await other.actor(), "not-a-uuid"))).code).toBe("not_found");
    expect(await acceptMyInvitation(ctx, await invitee.actor(), id)).toEqual({ slug: org.slug });
    expect((await invitee.actor()).memberships.get(org.id)).toBe("authority");
    expect((await caught(acceptMyInvitation(ctx, await invitee.actor(), id))).code).toBe("not_found");
  });

  it("does not send twice on a double submit, expires, and can be revoked", async () => {
    const focal = await person("Focal 2");
    const org = await createOrganization(ctx, await focal.actor(), { name: "Fundación Ciudades Abiertas", kind: "civil_society", countryCode: "PY" });
    const first = await inviteMember(ctx, await focal.actor(), org.slug, { email: "late@org.test", role: "authority" });
    const second = await inviteMember(ctx, await focal.actor(), org.slug, { email: "late@org.test", role: "authority" });
    expect(second).toEqual({ id: first.id, repeated: true });
    const mails = (await ctx.db.select().from(outbox)).filter((r) => r.payload.to === "late@org.test");
    expect(mails).toHaveLength(1);
    const late = await createPerson(ctx.db, { name: "Late", email: "late@org.test", password: "unused" });
    await ctx.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, first.id));
    const token = await invitationToken("late@org.test");
    expect((await getInvitation(ctx, token)).status).toBe("expired");
    expect((await caught(acceptInvitation(ctx, (await loadActor(ctx, late))!, token))).code).toBe("not_found");
  });

  it("is only for focal points: staff are refused, outsiders do not even see the organization's members", async () => {
    const focal = await person("Focal 3");
    const staff = await person("Staff 3");
    const outsider = await person("Outsider 3");
    const org = await createOrganization(ctx, await focal.actor(), { name: "Universidade Federal do Sul", kind: "university", countryCode: "BR" });
    await addMember(ctx.db, org.id, staff.id, "staff");
    expect((await caught(inviteMember(ctx, await staff.actor(), org.slug, { email: "x@org.test", role: "staff" }))).code).toBe("forbidden");
    expect((await caught(inviteMember(ctx, await outsider.actor(), org.slug, { email: "x@org.test", role: "staff" }))).code).toBe("not_found");
    expect((await caught(listMembers(ctx, await outsider.actor(), org.slug))).code).toBe("not_found");
    expect((await caught(listMembers(ctx, anonymousActor, org.slug))).code).toBe("unauthorized");
    const seenByStaff = await listMembers(ctx, await staff.actor(), org.slug);
    expect(seenByStaff.canManage).toBe(false);
    expect(seenByStaff.members.find((m) => m.userId === focal.id)?.email).toBeNull();
  });
});

describe("join requests", () => {
  it("tells the focal points, who approve with a role; the person is told and becomes a member", async () => {
    const focal = await person("Focal 4");
    const asker = await person("Asker");
    const org = await createOrganization(ctx, await focal.actor(), { name: "Gobierno de Mendoza", kind: "second_level_government", countryCode: "AR" });
    const request = await requestToJoin(ctx, await asker.actor(), org.slug, { message: "Trabajo en el área de ambiente" });
    expect(await requestToJoin(ctx, await asker.actor(), org.slug, {})).toEqual({ id: request.id, repeated: true });
    const mails = (await ctx.db.select().from(outbox)).filter((r) => r.payload.template === "organizations.join-request");
    expect(mails.some((m) => m.payload.to === focal.email)).toBe(true);
    expect((await getOrganization(ctx, await asker.actor(), org.slug, "es")).viewer).toMatchObject({ hasPendingJoinRequest: true, canRequestToJoin: false });
    const listed = await listMembers(ctx, await focal.actor(), org.slug);
    expect(listed.joinRequests.map((r) => r.userId)).toEqual([asker.id]);

    expect((await caught(decideJoinRequest(ctx, await asker.actor(), org.slug, request.id, { decision: "approve" }))).code).toBe("not_found");
    await decideJoinRequest(ctx, await focal.actor(), org.slug, request.id, { decision: "approve", role: "authority" });
    expect((await asker.actor()).memberships.get(org.id)).toBe("authority");
    const decided = (await ctx.db.select().from(outbox)).filter((r) => r.payload.template === "organizations.join-decision" && r.payload.to === asker.email);
    expect(decided).toHaveLength(1);
    expect((await caught(decideJoinRequest(ctx, await focal.actor(), org.slug, request.id, { decision: "decline" }))).code).toBe("not_found");
  });
});

describe("roles and leaving", () => {
  it("keeps at least one focal point while the organization has members", async () => {
    const focal = await person("Focal 5");
    const staff = await person("Staff 5");
    const org = await createOrganization(ctx, await focal.actor(), { name: "Red de Bibliotecas Urbanas", kind: "civil_society", countryCode: "UY" });
    await addMember(ctx.db, org.id, staff.id, "staff");
    expect((await caught(changeMemberRole(ctx, await focal.actor(), org.slug, focal.id, { role: "staff" }))).messageKey).toBe("error.member.lastFocalPoint");
    expect((await caught(removeMember(ctx, await focal.actor(), org.slug, focal.id))).messageKey).toBe("error.member.lastFocalPoint");
    expect((await caught(changeMemberRole(ctx, await focal.actor(), org.slug, staff.id, { role: "boss" }))).fieldErrors).toEqual({ role: ["i18n:validation.memberRole"] });
    await changeMemberRole(ctx, await focal.actor(), org.slug, staff.id, { role: "focal_point" });
    await removeMember(ctx, await focal.actor(), org.slug, focal.id);
    expect((await focal.actor()).memberships.has(org.id)).toBe(false);
    expect((await staff.actor()).memberships.get(org.id)).toBe("focal_point");
    const kinds = (await ctx.db.select().from(auditEvents).where(eq(auditEvents.organizationId, org.id))).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["member_role_changed", "member_removed"]));
  });

  it("lets a person in several organizations choose which one they act for", async () => {
    const many = await person("Many hats");
    const a = await createOrganization(ctx, await many.actor(), { name: "Cámara de Comercio del Plata", kind: "company", countryCode: "AR" });
    const b = await createOrganization(ctx, await many.actor(), { name: "Instituto de Estudios Locales", kind: "university", countryCode: "AR" });
    expect((await many.actor()).actingOrganizationId).toBe(b.id);
    await setActingOrganization(ctx, await many.actor(), a.slug);
    expect((await many.actor()).actingOrganizationId).toBe(a.id);
    const mine = await listMyOrganizations(ctx, await many.actor());
    expect(mine.memberships.filter((m) => m.actingFor).map((m) => m.slug)).toEqual([a.slug]);
    const stranger = await person("Stranger");
    expect((await caught(setActingOrganization(ctx, await stranger.actor(), a.slug))).code).toBe("forbidden");
  });
});

describe("profile and administration", () => {
  it("lets focal points edit the profile per language, not staff", async () => {
    const focal = await person("Focal 6");
    const staff = await person("Staff 6");
    const org = await createOrganization(ctx, await focal.actor(), { name: "Agencia de Desarrollo Local", kind: "civil_society", countryCode: "BR", description: "Texto em português", descriptionLanguage: "pt" });
    await addMember(ctx.db, org.id, staff.id, "staff");
    await updateOrganization(ctx, await focal.actor(), org.slug, { description: "Text in English", descriptionLanguage: "en", website: "https://adl.example.org" });
    const view = await getOrganization(ctx, anonymousActor, org.slug, "en");
    expect(view.description).toEqual({ text: "Text in English", language: "en", fallback: false });
    expect((await getOrganization(ctx, anonymousActor, org.slug, "es")).description).toMatchObject({ text: "Texto em português", fallback: true });
    expect((await caught(updateOrganization(ctx, await staff.actor(), org.slug, { name: "Hijacked" }))).code).toBe("forbidden");
  });

  it("lets only a platform administrator with two-factor sign-in verify and merge", async () => {
    const admin = await person("Admin", { role: "admin" });
    const focal = await person("Focal 7");
    // Without a second factor the administrator's powers are withheld.
    const withoutTwoFactor = await admin.actor();
    expect(withoutTwoFactor).toMatchObject({ platformAdmin: false, mustEnableTwoFactor: true });
    await ctx.db.update(users).set({ twoFactorEnabled: true }).where(eq(users.id, admin.id));
    const adminActor = await admin.actor();
    expect(adminActor.platformAdmin).toBe(true);

    const original = await createOrganization(ctx, await focal.actor(), { name: "Prefeitura de Pelotas", kind: "local_government", cityId: (await findCityId(ctx.db, "Pelotas", "BR"))! });
    const duplicate = await createOrganizationRecord(ctx.db, { name: "Pref. Pelotas", kind: "company", countryCode: "BR" });
    const dupMember = await person("Dup member");
    await addMember(ctx.db, duplicate.id, dupMember.id, "staff");
    await addMember(ctx.db, duplicate.id, focal.id, "staff");

    expect((await caught(verifyOrganization(ctx, withoutTwoFactor, original.slug))).code).toBe("not_found");
    expect((await caught(verifyOrganization(ctx, await focal.actor(), original.slug))).code).toBe("not_found");
    await verifyOrganization(ctx, adminActor, original.slug);
    expect((await getOrganization(ctx, anonymousActor, original.slug, "es")).verified).toBe(true);

    expect((await caught(mergeOrganizations(ctx, await focal.actor(), { duplicate: duplicate.slug, into: original.slug }))).code).toBe("not_found");
    await mergeOrganizations(ctx, adminActor, { duplicate: duplicate.slug, into: original.slug });
    const members = await ctx.db.select().from(organizationMembers).where(eq(organizationMembers.organizationId, original.id));
    expect(new Map(members.map((m) => [m.userId, m.role]))).toEqual(new Map([[focal.id, "focal_point"], [dupMember.id, "staff"]]));
    expect((await getOrganization(ctx, anonymousActor, duplicate.slug, "es")).mergedIntoSlug).toBe(original.slug);
    const directory = await listOrganizations(ctx, { q: "pelotas" }, "es");
    expect(directory.items.map((o) => o.slug)).toEqual([original.slug]);
    const merged = await ctx.db.select().from(auditEvents).where(and(eq(auditEvents.kind, "organization_merged"), eq(auditEvents.organizationId, original.id)));
    expect(merged).toHaveLength(1);
  });

  it("searches the directory by name without accents, by kind and country", async () => {
    const found = await listOrganizations(ctx, { q: "secretaria tecnica" }, "es");
    expect(found.items[0]).toMatchObject({ slug: "secretaria-tecnica-mercociudades", kind: "network_secretariat", verified: true });
    const brazil = await listOrganizations(ctx, { country: "BR", kind: "local_government" }, "pt");
    expect(brazil.items.map((o) => o.slug)).toContain("prefeitura-de-porto-alegre");
    expect(brazil.items.every((o) => o.countryCode === "BR")).toBe(true);
  });
});

describe("demo accounts", () => {
  it("make the secretariat's members the network's secretariat (once they use a second factor)", async () => {
    const [secretary] = await ctx.db.select().from(users).where(eq(users.email, "secretaria@mercociudades.example"));
    expect((await loadActor(ctx, secretary!.id))!).toMatchObject({ mustEnableTwoFactor: true });
    await ctx.db.update(users).set({ twoFactorEnabled: true }).where(eq(users.id, secretary!.id));
    expect((await loadActor(ctx, secretary!.id))!.secretariatOf.size).toBe(1);
  });
});
