import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema.ts";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { outbox } from "../../platform/outbox/schema.ts";
import { anonymousActor } from "../organizations/actor.ts";
import { applyToNetwork } from "./apply-to-network.ts";
import { changeMembershipStatus } from "./change-membership-status.ts";
import { createNetwork } from "./create-network.ts";
import type { CreateNetworkInput } from "./inputs.ts";
import { decideMembership } from "./decide-membership.ts";
import { exportNetworkMembers } from "./export-network-members.ts";
import { getMembership } from "./get-membership.ts";
import { getNetworkProfile } from "./get-network-profile.ts";
import { listNetworkMembers } from "./list-network-members.ts";
import { listNetworkMemberCountries } from "./list-network-member-countries.ts";
import { networkCategories, networkMembershipEvents, networkMemberships, networks } from "./schema.ts";
import { freeCity, refusal, testNetwork, testOrganization, testPerson } from "./testing.ts";
import { withdrawMembership } from "./withdraw-membership.ts";
import { networkBodyParticipants, networkCandidacies, networkRoles } from "../governance/schema.ts";
import { addBody, addMembership, addRole, addTerm, daysFromToday } from "../portfolio/testing.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

const mails = async (template: string) => (await ctx.db.select().from(outbox).where(eq(outbox.kind, "email"))).filter((r) => r.payload.template === template);
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describe("creating a hosted network", () => {
  it("is for platform administrators; it starts with the default categories; a double submit returns the first", async () => {
    const { admin, secretariatOrg, network } = await testNetwork(ctx.db);
    const categories = await ctx.db.select().from(networkCategories).where(eq(networkCategories.networkId, network.id));
    expect(categories.map((c) => c.key).sort()).toEqual(["associate", "full", "partner"]);
    expect(categories.find((c) => c.key === "full")!.names).toEqual({ es: "Miembro pleno", pt: "Membro pleno", en: "Full member" });
    const [row] = await ctx.db.select().from(networkMemberships).where(eq(networkMemberships.networkId, network.id));
    expect(row).toBeUndefined();
    const profile = await getNetworkProfile(ctx, anonymousActor, network.slug, "en");
    expect(profile).toMatchObject({ hosted: true, kind: "regional", secretariat: { slug: secretariatOrg.slug }, memberCount: 0 });

    const input: CreateNetworkInput = { name: "Red Andina de Ciudades", kind: "regional", secretariat: secretariatOrg.slug, regionCodes: ["005"], workingLanguages: ["es", "qu"] };
    const first = await createNetwork(ctx, await admin.actor(), input);
    const second = await createNetwork(ctx, await admin.actor(), input);
    expect(second).toEqual(first);
    expect(first.slug).toBe("red-andina-de-ciudades");

    const someone = await testPerson(ctx.db);
    expect((await refusal(createNetwork(ctx, await someone.actor(), { ...input, name: "Otra red" }))).code).toBe("not_found");
    expect((await refusal(createNetwork(ctx, anonymousActor, input))).code).toBe("unauthorized");
    const bad = await refusal(createNetwork(ctx, await admin.actor(), { ...input, name: "Red con errores", secretariat: "no-such-organization", regionCodes: ["999"], foundedOn: tomorrow() }));
    expect(bad.code).toBe("invalid");
    expect(bad.fieldErrors).toMatchObject({ foundedOn: ["i18n:validation.dateInFuture"] });
    const noSecretariat = await refusal(createNetwork(ctx, await admin.actor(), { ...input, name: "Red sin secretaría", secretariat: "no-such-organization" }));
    expect(noSecretariat.fieldErrors).toEqual({ secretariat: ["i18n:validation.secretariat"] });
    const audit = await ctx.db.select().from(auditEvents).where(eq(auditEvents.kind, "network_created"));
    expect(audit.filter((e) => (e.details as { networkId: string }).networkId === first.id)).toHaveLength(1);
  });
});

describe("a membership from application to withdrawal", () => {
  it("applies, is declined with a reason, applies again, is approved, changes status and leaves; every step kept with who and why", async () => {
    const { officer, network, secretariatOrg } = await testNetwork(ctx.db);
    // A mid-sized German city: no demo network has it.
    const place = await freeCity(ctx.db, "DE", 500_000, 1_000_000);
    const city = await testOrganization(ctx.db, `Stadt ${place.name}`, "DE", place.id);
    const focal = await testPerson(ctx.db, { name: "Focal", locale: "pt", organization: { id: city.id, role: "focal_point" } });
    const staff = await testPerson(ctx.db, { name: "Staff", organization: { id: city.id, role: "staff" } });
    const otherOrg = await testOrganization(ctx.db, "Otra organización");
    const outsider = await testPerson(ctx.db, { name: "Outsider", organization: { id: otherOrg.id, role: "focal_point" } });

    // Only the organization's focal point applies; staff are refused, nobody may apply for another's organization.
    expect((await refusal(applyToNetwork(ctx, await staff.actor(), network.slug, { message: "Hola" }))).code).toBe("forbidden");
    expect((await refusal(applyToNetwork(ctx, await outsider.actor(), network.slug, { organization: city.slug }))).code).toBe("forbidden");
    expect((await refusal(applyToNetwork(ctx, await outsider.actor(), network.slug, { organization: "no-such-organization" }))).fieldErrors).toEqual({
      organization: ["i18n:validation.organizationUnknown"],
    });
    expect((await refusal(applyToNetwork(ctx, anonymousActor, network.slug, {}))).code).toBe("unauthorized");

    const applied = await applyToNetwork(ctx, await focal.actor(), network.slug, { message: "Queremos sumarnos a la red." });
    const again = await applyToNetwork(ctx, await focal.actor(), network.slug, { message: "Otra vez" });
    expect(again).toEqual({ membershipId: applied.membershipId, repeated: true });
    const applicationMails = (await mails("networks.application")).filter((m) => (m.payload.data as { membershipId: string }).membershipId === applied.membershipId);
    expect(applicationMails.map((m) => m.payload.to)).toEqual([officer.email]);
    expect(applicationMails[0]!.payload.data).toMatchObject({ message: "Queremos sumarnos a la red.", organizationName: expect.stringContaining(place.name) });

    // The public and other organizations never see the application; the secretariat does.
    const publicList = await listNetworkMembers(ctx, anonymousActor, network.slug, { status: "applicant" }, "es");
    expect(publicList).toMatchObject({ total: 0, allStatuses: false });
    expect((await listNetworkMembers(ctx, await outsider.actor(), network.slug, {}, "es")).total).toBe(0);
    const secretariatList = await listNetworkMembers(ctx, await officer.actor(), network.slug, { status: "applicant" }, "es");
    expect(secretariatList.items.map((m) => m.organization.slug)).toEqual([city.slug]);
    expect(secretariatList.items[0]!.city).toMatchObject({ id: place.id, population: place.population });
    // The secretariat's card of the application shows the day it was made and its message.
    expect(secretariatList.items[0]!.application).toEqual({ appliedOn: new Date().toISOString().slice(0, 10), message: "Queremos sumarnos a la red." });
    expect((await refusal(getMembership(ctx, anonymousActor, network.slug, applied.membershipId, "es"))).code).toBe("unauthorized");
    expect((await refusal(getMembership(ctx, await outsider.actor(), network.slug, applied.membershipId, "es"))).code).toBe("not_found");
    const seenByStaff = await getMembership(ctx, await staff.actor(), network.slug, applied.membershipId, "es");
    expect(seenByStaff).toMatchObject({ status: "applicant", message: "Queremos sumarnos a la red.", viewer: { canManage: false, canWithdraw: false } });

    // Deciding is the secretariat's: the applicant's own people are refused, others told it does not exist.
    expect((await refusal(decideMembership(ctx, await focal.actor(), network.slug, applied.membershipId, { decision: "approve" }))).code).toBe("forbidden");
    expect((await refusal(decideMembership(ctx, await outsider.actor(), network.slug, applied.membershipId, { decision: "approve" }))).code).toBe("not_found");
    expect((await refusal(decideMembership(ctx, await officer.actor(), network.slug, "not-an-id", { decision: "approve" }))).code).toBe("not_found");
    const noReason = await refusal(decideMembership(ctx, await officer.actor(), network.slug, applied.membershipId, { decision: "decline" }));
    expect(noReason.fieldErrors).toEqual({ reason: ["i18n:validation.reasonRequired"] });

    const declineInput = { decision: "decline" as const, reason: "Falta la carta del intendente." };
    expect(await decideMembership(ctx, await officer.actor(), network.slug, applied.membershipId, declineInput)).toEqual({ changed: true });
    expect(await decideMembership(ctx, await officer.actor(), network.slug, applied.membershipId, declineInput)).toEqual({ changed: false });
    const declineMail = (await mails("networks.decision")).find((m) => (m.payload.data as { membershipId: string }).membershipId === applied.membershipId)!;
    expect(declineMail.payload).toMatchObject({ to: focal.email, locale: "pt", data: { approved: false, reason: "Falta la carta del intendente." } });
    expect((await refusal(decideMembership(ctx, await officer.actor(), network.slug, applied.membershipId, { decision: "approve" }))).code).toBe("conflict");

    // Applying again after a decline reuses the membership.
    const reapplied = await applyToNetwork(ctx, await focal.actor(), network.slug, { message: "Adjuntamos la carta." });
    expect(reapplied).toEqual({ membershipId: applied.membershipId, repeated: false });
    expect((await refusal(decideMembership(ctx, await officer.actor(), network.slug, applied.membershipId, { decision: "approve", category: "platinum" }))).fieldErrors).toEqual({
      category: ["i18n:validation.category"],
    });
    // No category is assumed: the secretariat chooses one, or is told on the field.
    for (const category of [undefined, ""]) {
      const unchosen = await refusal(decideMembership(ctx, await officer.actor(), network.slug, applied.membershipId, { decision: "approve", category }));
      expect(unchosen.fieldErrors).toEqual({ category: ["i18n:validation.categoryRequired"] });
    }
    expect((await getMembership(ctx, await officer.actor(), network.slug, applied.membershipId, "en")).status).toBe("applicant");
    await decideMembership(ctx, await officer.actor(), network.slug, applied.membershipId, { decision: "approve", category: "associate" });
    const today = new Date().toISOString().slice(0, 10);
    const active = await getMembership(ctx, await officer.actor(), network.slug, applied.membershipId, "en");
    expect(active).toMatchObject({ status: "active", since: today, category: { key: "associate", name: "Associate member" }, viewer: { canManage: true } });
    const approvedMails = (await mails("networks.decision")).filter((m) => (m.payload.data as { membershipId: string; approved: boolean }).membershipId === applied.membershipId);
    expect(approvedMails.map((m) => (m.payload.data as { approved: boolean }).approved)).toEqual([false, true]);
    expect((await refusal(applyToNetwork(ctx, await focal.actor(), network.slug, {}))).messageKey).toBe("error.membership.alreadyMember");

    // Now the public sees the member, with its category; not its history.
    const members = await listNetworkMembers(ctx, anonymousActor, network.slug, { category: "associate", country: "DE", population: "500k_1m" }, "en");
    expect(members.items).toHaveLength(1);
    expect(members.items[0]).toMatchObject({ membershipId: null, status: "active", category: { key: "associate" }, countryName: "Germany" });
    expect((await listNetworkMembers(ctx, anonymousActor, network.slug, { population: "1m_5m" }, "en")).total).toBe(0);
    expect((await listNetworkMembers(ctx, anonymousActor, network.slug, { q: `STADT ${place.name.normalize("NFD").replace(/\p{M}/gu, "")}` }, "en")).total).toBe(1);
    expect((await listNetworkMembers(ctx, anonymousActor, network.slug, { q: "no such member" }, "en")).total).toBe(0);
    expect((await getNetworkProfile(ctx, anonymousActor, network.slug, "en")).memberCount).toBe(1);

    // Status changes: a reason always, an effective date not in the future, a double submit records nothing.
    const noChangeReason = await refusal(changeMembershipStatus(ctx, await officer.actor(), network.slug, applied.membershipId, { status: "suspended", reason: " " }));
    expect(noChangeReason.fieldErrors).toEqual({ reason: ["i18n:validation.reasonRequired"] });
    const future = await refusal(changeMembershipStatus(ctx, await officer.actor(), network.slug, applied.membershipId, { status: "suspended", reason: "x", effectiveOn: tomorrow() }));
    expect(future.fieldErrors).toEqual({ effectiveOn: ["i18n:validation.dateInFuture"] });
    expect((await refusal(changeMembershipStatus(ctx, await staff.actor(), network.slug, applied.membershipId, { status: "active", reason: "x" }))).code).toBe("forbidden");
    const suspend = { status: "suspended" as const, reason: "Cuotas impagas desde 2024.", effectiveOn: yesterday() };
    expect(await changeMembershipStatus(ctx, await officer.actor(), network.slug, applied.membershipId, suspend)).toEqual({ changed: true });
    expect(await changeMembershipStatus(ctx, await officer.actor(), network.slug, applied.membershipId, suspend)).toEqual({ changed: false });
    await changeMembershipStatus(ctx, await officer.actor(), network.slug, applied.membershipId, { status: "suspended", category: "full", reason: "Recategorizada." });
    expect((await listNetworkMembers(ctx, anonymousActor, network.slug, {}, "en")).total).toBe(0);

    // The organization leaves; leaving again changes nothing.
    expect((await refusal(withdrawMembership(ctx, await staff.actor(), network.slug, applied.membershipId))).code).toBe("forbidden");
    expect((await refusal(withdrawMembership(ctx, await outsider.actor(), network.slug, applied.membershipId))).code).toBe("not_found");
    expect(await withdrawMembership(ctx, await focal.actor(), network.slug, applied.membershipId, { reason: "Cambio de gestión." })).toEqual({ changed: true });
    expect(await withdrawMembership(ctx, await focal.actor(), network.slug, applied.membershipId)).toEqual({ changed: false });

    const history = await getMembership(ctx, await focal.actor(), network.slug, applied.membershipId, "es");
    expect(history.history.map((h) => [h.from, h.to]).reverse()).toEqual([
      [null, "applicant"],
      ["applicant", "declined"],
      ["declined", "applicant"],
      ["applicant", "active"],
      ["active", "suspended"],
      ["suspended", "suspended"],
      ["suspended", "withdrawn"],
    ]);
    expect(history.history.find((h) => h.to === "declined")).toMatchObject({ reason: "Falta la carta del intendente.", changedBy: "Officer" });
    expect(history.history.find((h) => h.from === "active")).toMatchObject({ reason: "Cuotas impagas desde 2024.", effectiveOn: yesterday() });
    expect(history.history[0]).toMatchObject({ reason: "Cambio de gestión.", changedBy: "Focal" });
    const events = await ctx.db.select().from(networkMembershipEvents).where(eq(networkMembershipEvents.membershipId, applied.membershipId));
    expect(events).toHaveLength(7);
    const audit = await ctx.db
      .select({ kind: auditEvents.kind })
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, city.id), inArray(auditEvents.kind, ["network_membership_applied", "network_membership_approved", "network_membership_declined", "network_membership_changed", "network_membership_withdrawn"])));
    expect(audit.map((a) => a.kind).sort()).toEqual([
      "network_membership_applied",
      "network_membership_applied",
      "network_membership_approved",
      "network_membership_changed",
      "network_membership_changed",
      "network_membership_declined",
      "network_membership_withdrawn",
    ]);
    void secretariatOrg;
  });

  it("never shows the public or other organizations an application, its message, a reason or the history", async () => {
    const { officer, network } = await testNetwork(ctx.db);
    const applicant = await testOrganization(ctx.db, "Solicitante");
    const focal = await testPerson(ctx.db, { organization: { id: applicant.id, role: "focal_point" } });
    const member = await testOrganization(ctx.db, "Miembro");
    const memberFocal = await testPerson(ctx.db, { organization: { id: member.id, role: "focal_point" } });
    const other = await testPerson(ctx.db, { organization: { id: (await testOrganization(ctx.db, "Otra")).id, role: "focal_point" } });
    const secret = "SECRET-MESSAGE-4711";
    const reason = "SECRET-REASON-4711";
    const { membershipId } = await applyToNetwork(ctx, await focal.actor(), network.slug, { message: secret });
    const joined = await applyToNetwork(ctx, await memberFocal.actor(), network.slug, { message: secret });
    await decideMembership(ctx, await officer.actor(), network.slug, joined.membershipId, { decision: "approve", category: "full", reason });
    await changeMembershipStatus(ctx, await officer.actor(), network.slug, joined.membershipId, { status: "active", category: "partner", reason });
    for (const actor of [anonymousActor, await other.actor(), await memberFocal.actor()]) {
      const seen = JSON.stringify([
        await listNetworkMembers(ctx, actor, network.slug, { status: "applicant" }, "es"),
        await listNetworkMembers(ctx, actor, network.slug, {}, "es"),
        new TextDecoder().decode((await exportNetworkMembers(ctx, actor, network.slug, { format: "csv", status: "applicant" }, "es")).body),
        await getNetworkProfile(ctx, actor, network.slug, "es"),
      ]);
      expect(seen).not.toContain(secret);
      expect(seen).not.toContain(reason);
      expect(seen).not.toContain(applicant.slug);
      expect(seen).toContain(member.slug);
      expect((await refusal(getMembership(ctx, actor, network.slug, membershipId, "es"))).code).toBe(actor.userId ? "not_found" : "unauthorized");
    }
    // A member sees its own history, not another's.
    expect((await getMembership(ctx, await memberFocal.actor(), network.slug, joined.membershipId, "es")).history[0]!.reason).toBe(reason);
  });

  it("lets an applicant cancel its application; a status change waits for a decision", async () => {
    const { officer, network } = await testNetwork(ctx.db);
    const org = await testOrganization(ctx.db, "Intendencia");
    const focal = await testPerson(ctx.db, { organization: { id: org.id, role: "focal_point" } });
    const { membershipId } = await applyToNetwork(ctx, await focal.actor(), network.slug, {});
    expect((await refusal(changeMembershipStatus(ctx, await officer.actor(), network.slug, membershipId, { status: "active", reason: "x" }))).messageKey).toBe(
      "error.membership.decideFirst",
    );
    await withdrawMembership(ctx, await focal.actor(), network.slug, membershipId, {});
    expect((await getMembership(ctx, await officer.actor(), network.slug, membershipId, "es")).status).toBe("withdrawn");
    // The secretariat does not apply to its own network.
    expect((await refusal(applyToNetwork(ctx, await officer.actor(), network.slug, {}))).messageKey).toBe("error.network.secretariatApplies");
  });

  it("answers a double submit of the same application with one membership and one e-mail per officer", async () => {
    const { network } = await testNetwork(ctx.db);
    const org = await testOrganization(ctx.db, "Prefeitura");
    const focal = await testPerson(ctx.db, { organization: { id: org.id, role: "focal_point" } });
    const actor = await focal.actor();
    const results = await Promise.all([applyToNetwork(ctx, actor, network.slug, {}), applyToNetwork(ctx, actor, network.slug, {})]);
    expect(new Set(results.map((r) => r.membershipId)).size).toBe(1);
    const rows = await ctx.db.select().from(networkMembershipEvents).where(eq(networkMembershipEvents.membershipId, results[0]!.membershipId));
    expect(rows).toHaveLength(1);
  });
});

describe("a hosted network without a secretariat organization", () => {
  it("is run by the platform's administrators: they are e-mailed the application and decide it", async () => {
    const admin = await testPerson(ctx.db, { admin: true, locale: "en" });
    const [network] = await ctx.db
      .insert(networks)
      .values({ slug: `sin-secretaria-${Math.random().toString(36).slice(2, 8)}`, name: "Red sin secretaría", kind: "regional" })
      .returning();
    await ctx.db.insert(networkCategories).values({ networkId: network!.id, key: "full", names: { es: "Miembro pleno" } });
    const org = await testOrganization(ctx.db, "Ciudad solicitante");
    const focal = await testPerson(ctx.db, { organization: { id: org.id, role: "focal_point" } });
    const { membershipId } = await applyToNetwork(ctx, await focal.actor(), network!.slug, { message: "Hola" });
    const sent = (await mails("networks.application")).filter((m) => (m.payload.data as { membershipId: string }).membershipId === membershipId);
    expect(sent.map((m) => m.payload.to)).toContain(admin.email);
    expect(sent.map((m) => m.payload.to)).not.toContain(focal.email);
    expect(sent.every((m) => (m.payload.data as { toAdministrator?: boolean }).toAdministrator === true)).toBe(true);
    expect((await getMembership(ctx, await focal.actor(), network!.slug, membershipId, "es")).network).toMatchObject({ hosted: true, hasSecretariat: false });
    expect(await decideMembership(ctx, await admin.actor(), network!.slug, membershipId, { decision: "approve", category: "full" })).toEqual({ changed: true });
  });
});

describe("the member directory's country filter", () => {
  it("lists only the countries of the members one may see, named in the reader's language and sorted by that name", async () => {
    const { officer, network } = await testNetwork(ctx.db);
    const active = [await testOrganization(ctx.db, "Miembro alemán", "DE"), await testOrganization(ctx.db, "Miembro brasileño", "BR"), await testOrganization(ctx.db, "Otro brasileño", "BR")];
    for (const org of active) await addMembership(ctx.db, network.id, org.id, { since: "2020-01-01" });
    const applicant = await testOrganization(ctx.db, "Solicitante japonés", "JP");
    await ctx.db.insert(networkMemberships).values({ networkId: network.id, organizationId: applicant.id, status: "applicant" });
    expect(await listNetworkMemberCountries(ctx, anonymousActor, network.slug, "es")).toEqual([
      { code: "DE", name: "Alemania" },
      { code: "BR", name: "Brasil" },
    ]);
    expect(await listNetworkMemberCountries(ctx, anonymousActor, network.slug, "en")).toEqual([
      { code: "BR", name: "Brazil" },
      { code: "DE", name: "Germany" },
    ]);
    // The secretariat sees every status, so the applicant's country too.
    expect((await listNetworkMemberCountries(ctx, await officer.actor(), network.slug, "pt")).map((c) => c.code)).toEqual(["DE", "BR", "JP"]);
  });
});

describe("a start nobody gave", () => {
  it("stays unknown when an inactive member becomes active again; the change itself takes effect today", async () => {
    const { officer, network } = await testNetwork(ctx.db);
    const org = await testOrganization(ctx.db, "Miembro sin fecha");
    const [row] = await ctx.db.insert(networkMemberships).values({ networkId: network.id, organizationId: org.id, status: "inactive", since: null }).returning();
    await changeMembershipStatus(ctx, await officer.actor(), network.slug, row!.id, { status: "active", reason: "Volvió a participar." });
    const membership = await getMembership(ctx, await officer.actor(), network.slug, row!.id, "es");
    expect(membership).toMatchObject({ status: "active", since: null });
    expect(membership.history[0]).toMatchObject({ from: "inactive", to: "active", effectiveOn: new Date().toISOString().slice(0, 10) });
  });
});

describe("a member suspended or leaving", () => {
  it("stops holding its roles: current ones end that day, future ones are cancelled with their candidacy, its team and pending candidacies go", async () => {
    const { officer, network } = await testNetwork(ctx.db, "Red de salidas");
    const org = await testOrganization(ctx.db, "Ciudad saliente");
    const focal = await testPerson(ctx.db, { organization: { id: org.id, role: "focal_point" } });
    const membershipId = await addMembership(ctx.db, network.id, org.id, { since: "2020-01-01" });
    const unit = await addBody(ctx.db, network.id, { slug: "cultura", kind: "thematic_unit", names: { es: "Cultura" } });
    const other = await addBody(ctx.db, network.id, { slug: "turismo", kind: "thematic_unit", names: { es: "Turismo" } });
    const next = await addTerm(ctx.db, network.id, { label: "Próximo", startsOn: daysFromToday(30), endsOn: daysFromToday(394) });
    const current = await addRole(ctx.db, { networkId: network.id, bodyId: unit, organizationId: org.id, role: "coordinator", startsOn: daysFromToday(-100) });
    const past = await addRole(ctx.db, { networkId: network.id, bodyId: unit, organizationId: org.id, role: "member", startsOn: "2020-01-01", endsOn: "2021-01-01" });
    const [approved] = await ctx.db
      .insert(networkCandidacies)
      .values({ networkId: network.id, bodyId: other, termId: next, organizationId: org.id, role: "coordinator", status: "approved" })
      .returning({ id: networkCandidacies.id });
    const future = await addRole(ctx.db, { networkId: network.id, bodyId: other, organizationId: org.id, role: "coordinator", startsOn: daysFromToday(30), endsOn: daysFromToday(394), termId: next });
    await ctx.db.update(networkRoles).set({ candidacyId: approved!.id }).where(eq(networkRoles.id, future));
    const [pending] = await ctx.db
      .insert(networkCandidacies)
      .values({ networkId: network.id, bodyId: unit, termId: next, organizationId: org.id, role: "sub_coordinator" })
      .returning({ id: networkCandidacies.id });
    await ctx.db.insert(networkBodyParticipants).values({ bodyId: unit, organizationId: org.id, userId: focal.id });

    await changeMembershipStatus(ctx, await officer.actor(), network.slug, membershipId, { status: "suspended", reason: "Cuotas impagas desde 2024." });

    const roles = await ctx.db.select().from(networkRoles).where(eq(networkRoles.organizationId, org.id));
    expect(roles.find((r) => r.id === current)!.endsOn).toBe(daysFromToday(0));
    expect(roles.find((r) => r.id === past)!.endsOn).toBe("2021-01-01");
    expect(roles.find((r) => r.id === future)).toBeUndefined();
    const candidacies = await ctx.db.select().from(networkCandidacies).where(inArray(networkCandidacies.id, [approved!.id, pending!.id]));
    expect(candidacies.map((c) => c.status)).toEqual(["withdrawn", "withdrawn"]);
    expect(await ctx.db.select().from(networkBodyParticipants).where(eq(networkBodyParticipants.organizationId, org.id))).toEqual([]);
    const [audit] = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, org.id), eq(auditEvents.kind, "network_membership_changed")));
    expect(audit!.details).toMatchObject({ rolesEnded: 1, futureRolesCancelled: 1, teamMembersRemoved: 1, candidaciesWithdrawn: 2 });
  });
});
