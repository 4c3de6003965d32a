import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema.ts";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { cities, countries } from "../cities/schema.ts";
import { anonymousActor } from "../organizations/actor.ts";
import { createOrganizationRecord } from "../organizations/factories.ts";
import { assignRole, guardCoordination } from "./assign-role.ts";
import { createBody } from "./create-body.ts";
import { createTerm } from "./create-term.ts";
import { addDays, today } from "./dates.ts";
import { endRole } from "./end-role.ts";
import { findNetwork } from "../networks/find-network.ts";
import { getBody } from "./get-body.ts";
import { listBodies } from "./list-bodies.ts";
import { listRoleHistory } from "./list-role-history.ts";
import { listRoles } from "./list-roles.ts";
import { databaseErrorCode, describeRuleViolation, localizeGovernanceError, RuleViolation } from "./rules.ts";
import { networkBodies, networkBodySeats, networkRoles, networkTerms } from "./schema.ts";
import { setCouncilSeats } from "./set-council-seats.ts";
import { aBody, aMemberCity, aMembership, aNetwork, anOrganization, aTerm, refusal, someone } from "./testing.ts";
import { updateBody } from "./update-body.ts";
import { updateTerm } from "./update-term.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

const day = today();
const rolesOf = (networkId: string) => ctx.db.select().from(networkRoles).where(eq(networkRoles.networkId, networkId)).orderBy(networkRoles.createdAt);

/** A network with its secretariat officer and one active member city. */
async function world() {
  const network = await aNetwork(ctx.db);
  const officer = await someone(ctx.db, { name: "Officer", organization: { id: network.secretariatOrganizationId!, role: "staff" } });
  const city = await aMemberCity(ctx.db, network.id, { name: "Montevideo" });
  return { network, officer, city };
}

/** The rule a refused change broke, after checking nothing was written. */
async function brokenRule(networkId: string, work: () => Promise<unknown>): Promise<RuleViolation> {
  const before = await rolesOf(networkId);
  const error = await refusal(work());
  expect(error).toBeInstanceOf(RuleViolation);
  expect(await rolesOf(networkId)).toEqual(before);
  return error as RuleViolation;
}

describe("bodies", () => {
  it("are created by the secretariat with a name in its original language; a double submit returns the same body; others are refused", async () => {
    const { network, officer, city } = await world();
    const input = { kind: "thematic_unit" as const, name: "Cultura", nameLanguage: "es" as const, description: "Políticas culturales.", themeIds: ["culture"] };
    const first = await createBody(ctx, await officer.actor(), network.slug, input);
    expect(await createBody(ctx, await officer.actor(), network.slug, input)).toEqual(first);
    expect(first.slug).toBe("cultura");
    const [row] = await ctx.db.select().from(networkBodies).where(and(eq(networkBodies.networkId, network.id), eq(networkBodies.slug, "cultura")));
    expect(row).toMatchObject({ names: { es: "Cultura" }, nameLanguage: "es", description: { es: "Políticas culturales." }, themeIds: ["culture"], active: true });
    // Another body at the same address is refused on the slug.
    const taken = await refusal(createBody(ctx, await officer.actor(), network.slug, { ...input, kind: "commission" }));
    expect(taken).toMatchObject({ code: "conflict", rule: "governance.rule.slugTaken", field: "slug" });
    // Unknown themes and kinds are refused naming the field.
    const bad = await refusal(createBody(ctx, await officer.actor(), network.slug, { ...input, name: "Otra", themeIds: ["no-such-theme"] }));
    expect(bad.fieldErrors).toEqual({ themeIds: ["i18n:governance.validation.themes"] });
    const badKind = await refusal(createBody(ctx, await officer.actor(), network.slug, { ...input, name: "Otra", kind: "club" as never }));
    expect(badKind.fieldErrors).toEqual({ kind: ["i18n:governance.validation.bodyKind"] });
    // A member city, its staff, and nobody may not.
    expect((await refusal(createBody(ctx, await city.focal.actor(), network.slug, { ...input, name: "Mía" }))).code).toBe("forbidden");
    expect((await refusal(createBody(ctx, anonymousActor, network.slug, input))).code).toBe("unauthorized");
    const audit = await ctx.db.select().from(auditEvents).where(eq(auditEvents.kind, "network_body_created"));
    expect(audit.filter((e) => (e.details as { networkId: string }).networkId === network.id)).toHaveLength(1);
  });

  it("are edited one language at a time, keeping the others; listed by kind with their current holders", async () => {
    const { network, officer, city } = await world();
    const body = await aBody(ctx.db, network.id, { names: { es: "Cultura" } });
    await updateBody(ctx, await officer.actor(), network.slug, body.slug, { language: "pt", name: "Cultura", description: "Políticas culturais." });
    await updateBody(ctx, await officer.actor(), network.slug, body.slug, { language: "en", name: "Culture", description: "Cultural policies.", active: false });
    const [row] = await ctx.db.select().from(networkBodies).where(eq(networkBodies.id, body.id));
    expect(row).toMatchObject({ names: { es: "Cultura", pt: "Cultura", en: "Culture" }, description: { pt: "Políticas culturais.", en: "Cultural policies." }, active: false });
    await updateBody(ctx, await officer.actor(), network.slug, body.slug, { active: true });
    await assignRole(ctx, await officer.actor(), network.slug, { body: body.slug, organization: city.org.slug, role: "coordinator", startsOn: addDays(day, -10) });
    const list = await listBodies(ctx, anonymousActor, network.slug, "en");
    expect(list.groups.map((g) => g.kind)).toEqual(["thematic_unit"]);
    expect(list.groups[0]!.bodies[0]).toMatchObject({ name: "Culture", holders: [{ role: "coordinator", organization: { slug: city.org.slug } }] });
    expect(list.viewer.canManage).toBe(false);
    // A member city's focal point does not coordinate here: it may not edit.
    expect((await refusal(updateBody(ctx, await city.staff.actor(), network.slug, body.slug, { description: "x" }))).code).toBe("forbidden");
  });
});

describe("holders and organizations as the pages show them", () => {
  it("lists holders coordinators first, then sub-coordinators, then members, each by name — on the bodies page and the body's", async () => {
    const { network, officer } = await world();
    const actor = await officer.actor();
    const unit = await aBody(ctx.db, network.id);
    const direction = await aBody(ctx.db, network.id, { kind: "executive_direction", names: { es: "Dirección" } });
    const [alfa, beta, zeta] = [await aMemberCity(ctx.db, network.id, { name: "Alfa" }), await aMemberCity(ctx.db, network.id, { name: "Beta" }), await aMemberCity(ctx.db, network.id, { name: "Zeta" })];
    // Recorded in another order, with the coordinator starting last.
    await assignRole(ctx, actor, network.slug, { body: unit.slug, organization: beta.org.slug, role: "sub_coordinator", startsOn: addDays(day, -90) });
    await assignRole(ctx, actor, network.slug, { body: unit.slug, organization: alfa.org.slug, role: "sub_coordinator", startsOn: addDays(day, -60) });
    await assignRole(ctx, actor, network.slug, { body: unit.slug, organization: zeta.org.slug, role: "coordinator", startsOn: addDays(day, -1) });
    for (const [city, offset] of [[zeta, -90], [alfa, -10]] as const) {
      await assignRole(ctx, actor, network.slug, { body: direction.slug, organization: city.org.slug, role: "member", startsOn: addDays(day, offset) });
    }
    const expected = [
      [zeta.org.slug, "coordinator"],
      [alfa.org.slug, "sub_coordinator"],
      [beta.org.slug, "sub_coordinator"],
    ];
    const list = await listBodies(ctx, anonymousActor, network.slug, "es");
    const listed = (slug: string) => list.groups.flatMap((g) => g.bodies).find((b) => b.slug === slug)!;
    expect(listed(unit.slug).holders.map((h) => [h.organization.slug, h.role])).toEqual(expected);
    expect(listed(direction.slug).holders.map((h) => h.organization.slug)).toEqual([alfa.org.slug, zeta.org.slug]);
    const page = await getBody(ctx, anonymousActor, network.slug, unit.slug, "es");
    expect(page.current.map((h) => [h.organization.slug, h.role])).toEqual(expected);
  });

  it("tells apart cities of the same name in the organization picker (province and country in the reader's language) and shows names without invisible direction marks", async () => {
    const { network, officer } = await world();
    const twins = await ctx.db
      .select({ id: cities.id, name: cities.name, admin1Name: cities.admin1Name, countryCode: cities.countryCode })
      .from(cities)
      .where(and(eq(cities.name, "San Antonio"), isNotNull(cities.admin1Name)))
      .orderBy(desc(cities.population))
      .limit(2);
    expect(twins).toHaveLength(2);
    const orgs: { id: string; slug: string }[] = [];
    for (const twin of twins) {
      const org = await createOrganizationRecord(ctx.db, { name: "San Antonio", slug: `san-antonio-${twin.id}`, kind: "civil_society", countryCode: twin.countryCode, cityId: twin.id });
      await aMembership(ctx.db, network.id, org.id);
      orgs.push(org);
    }
    // A name from the reference data with a left-to-right mark at its end.
    const marked = await createOrganizationRecord(ctx.db, { name: "Gualeguaych\u00fa\u200E", slug: `gualeguaychu-${Date.now()}`, kind: "civil_society", countryCode: "AR" });
    await aMembership(ctx.db, network.id, marked.id);
    const unit = await aBody(ctx.db, network.id);
    const page = await getBody(ctx, await officer.actor(), network.slug, unit.slug, "pt");
    const countryNames = await ctx.db.select({ code: countries.code, name: countries.name }).from(countries).where(inArray(countries.code, [...twins.map((t) => t.countryCode), "AR"]));
    const countryIn = (code: string) => countryNames.find((c) => c.code === code)!.name.pt!;
    for (const [i, twin] of twins.entries()) {
      expect(page.members.find((m) => m.slug === orgs[i]!.slug)).toEqual({ slug: orgs[i]!.slug, name: "San Antonio", status: "active", place: `${twin.admin1Name}, ${countryIn(twin.countryCode)}` });
    }
    expect(new Set(page.members.filter((m) => m.name === "San Antonio").map((m) => m.place)).size).toBe(2);
    expect(page.members.find((m) => m.slug === marked.slug)).toMatchObject({ name: "Gualeguaychú", place: countryIn("AR") });
    // Its roles, and the messages that name it, carry no marks either.
    await assignRole(ctx, await officer.actor(), network.slug, { body: unit.slug, organization: marked.slug, role: "member", startsOn: day });
    expect((await getBody(ctx, anonymousActor, network.slug, unit.slug, "es")).participants.map((r) => r.organization.name)).toEqual(["Gualeguaychú"]);
    const twice = await refusal(assignRole(ctx, await officer.actor(), network.slug, { body: unit.slug, organization: marked.slug, role: "member", startsOn: addDays(day, 1) }));
    expect(describeRuleViolation(twice as RuleViolation, "es")).toMatch(/^Gualeguaychú ya tiene ese rol/);
  });
});

describe("terms", () => {
  it("are created with their candidacy window; overlapping terms and bad windows are refused naming the field, changing nothing", async () => {
    const { network, officer } = await world();
    const actor = await officer.actor();
    const { id } = await createTerm(ctx, actor, network.slug, { label: "2027", startsOn: "2027-01-01", endsOn: "2027-12-31", candidaciesOpenOn: "2026-10-01", candidaciesCloseOn: "2026-11-30" });
    expect(await createTerm(ctx, actor, network.slug, { label: "2027", startsOn: "2027-01-01", endsOn: "2027-12-31", candidaciesOpenOn: "2026-10-01", candidaciesCloseOn: "2026-11-30" })).toEqual({ id });
    const overlap = await refusal(createTerm(ctx, actor, network.slug, { label: "2027–2028", startsOn: "2027-06-01", endsOn: "2028-05-31" }));
    expect(overlap).toMatchObject({ code: "conflict", rule: "governance.rule.termOverlap", field: "startsOn", values: { term: "2027", from: "2027-01-01", to: "2027-12-31" } });
    expect(describeRuleViolation(overlap as RuleViolation, "es")).toBe("se superpone con el mandato 2027 (del 1 de enero de 2027 al 31 de diciembre de 2027)");
    const window = await refusal(createTerm(ctx, actor, network.slug, { label: "2028", startsOn: "2028-01-01", endsOn: "2028-12-31", candidaciesOpenOn: "2027-12-01", candidaciesCloseOn: "2028-01-15" }));
    expect(window.fieldErrors).toEqual({ candidaciesCloseOn: ["i18n:governance.validation.closeAfterStart"] });
    const reversed = await refusal(createTerm(ctx, actor, network.slug, { label: "2028", startsOn: "2028-12-31", endsOn: "2028-01-01" }));
    expect(reversed.fieldErrors).toMatchObject({ endsOn: ["i18n:governance.validation.endBeforeStart"] });
    const terms = await ctx.db.select().from(networkTerms).where(eq(networkTerms.networkId, network.id));
    expect(terms).toHaveLength(1);
  });

  it("keep their roles inside: a change of dates that would leave one out is refused", async () => {
    const { network, officer, city } = await world();
    const body = await aBody(ctx.db, network.id);
    const term = await aTerm(ctx.db, network.id, { startsIn: -30 });
    await assignRole(ctx, await officer.actor(), network.slug, { body: body.slug, organization: city.org.slug, role: "coordinator", term: term.id });
    const error = await refusal(updateTerm(ctx, await officer.actor(), network.slug, term.id, { endsOn: addDays(term.endsOn, -30) }));
    expect(error).toMatchObject({ rule: "governance.rule.termRolesOutside", values: { count: 1 } });
    const [after] = await ctx.db.select().from(networkTerms).where(eq(networkTerms.id, term.id));
    expect(after!.endsOn).toBe(term.endsOn);
    await updateTerm(ctx, await officer.actor(), network.slug, term.id, { label: "Mandato renombrado" });
    const [renamed] = await ctx.db.select().from(networkTerms).where(eq(networkTerms.id, term.id));
    expect(renamed!.label).toBe("Mandato renombrado");
  });
});

describe("the rules of roles", () => {
  it("dates a role from its term by default and lists it as current, upcoming or past", async () => {
    const { network, officer, city } = await world();
    const body = await aBody(ctx.db, network.id);
    const term = await aTerm(ctx.db, network.id, { startsIn: -30 });
    const { id } = await assignRole(ctx, await officer.actor(), network.slug, { body: body.slug, organization: city.org.slug, role: "coordinator", term: term.id });
    // The same form sent twice assigns it once: the second time it was already recorded.
    expect(await assignRole(ctx, await officer.actor(), network.slug, { body: body.slug, organization: city.org.slug, role: "coordinator", term: term.id })).toEqual({ id, created: false });
    const [role] = await rolesOf(network.id);
    expect(role).toMatchObject({ startsOn: term.startsOn, endsOn: term.endsOn, termId: term.id });
    const current = await listRoles(ctx, anonymousActor, network.slug, { when: "current" }, "es");
    expect(current.items.map((r) => r.id)).toEqual([id]);
    expect((await listRoles(ctx, anonymousActor, network.slug, { when: "past" }, "es")).total).toBe(0);
  });

  it("refuses a role that does not fit the body, ends before it starts, or falls outside its term", async () => {
    const { network, officer, city } = await world();
    const unit = await aBody(ctx.db, network.id);
    const presidency = await aBody(ctx.db, network.id, { kind: "presidency", names: { es: "Presidencia" } });
    const term = await aTerm(ctx.db, network.id, { startsIn: -30 });
    const actor = await officer.actor();
    const kind = await brokenRule(network.id, () => assignRole(ctx, actor, network.slug, { body: unit.slug, organization: city.org.slug, role: "president", startsOn: day }));
    expect(kind).toMatchObject({ code: "invalid", rule: "governance.rule.roleKind", field: "role", values: { kind: "thematic_unit" } });
    const member = await brokenRule(network.id, () => assignRole(ctx, actor, network.slug, { body: presidency.slug, organization: city.org.slug, role: "coordinator", startsOn: day }));
    expect(member).toMatchObject({ rule: "governance.rule.roleKind", values: { kind: "presidency" } });
    expect(describeRuleViolation(member, "en")).toBe("does not fit this body: the presidency has only a president");
    const reversed = await brokenRule(network.id, () => assignRole(ctx, actor, network.slug, { body: unit.slug, organization: city.org.slug, role: "member", startsOn: day, endsOn: addDays(day, -1) }));
    expect(reversed).toMatchObject({ rule: "governance.rule.endBeforeStart", field: "endsOn" });
    const early = await brokenRule(network.id, () => assignRole(ctx, actor, network.slug, { body: unit.slug, organization: city.org.slug, role: "member", term: term.id, startsOn: addDays(term.startsOn, -1) }));
    expect(early).toMatchObject({ rule: "governance.rule.outsideTerm", field: "startsOn", values: { from: term.startsOn, to: term.endsOn } });
    const late = await brokenRule(network.id, () => assignRole(ctx, actor, network.slug, { body: unit.slug, organization: city.org.slug, role: "member", term: term.id, endsOn: addDays(term.endsOn, 1) }));
    expect(late).toMatchObject({ rule: "governance.rule.outsideTerm", field: "endsOn" });
    // The form shows the message next to the field, in the page's language.
    const shown = localizeGovernanceError(late, "pt", ["endsOn"]) as { fieldErrors: Record<string, string[]> };
    expect(shown.fieldErrors.endsOn![0]).toMatch(/^deve estar dentro do mandato /);
  });

  it("assigns new roles only in active bodies and only to active members (past roles: any member that was admitted)", async () => {
    const { network, officer, city } = await world();
    const actor = await officer.actor();
    const closed = await aBody(ctx.db, network.id, { active: false, names: { es: "Unidad cerrada", en: "Closed unit" } });
    const inactive = await brokenRule(network.id, () => assignRole(ctx, actor, network.slug, { body: closed.slug, organization: city.org.slug, role: "member", startsOn: day }));
    expect(inactive).toMatchObject({ rule: "governance.rule.bodyInactive", field: "body" });
    expect(describeRuleViolation(inactive, "en")).toBe("Closed unit is not active: it takes no new roles");
    // Recording a past role in a body that closed since is allowed.
    await assignRole(ctx, actor, network.slug, { body: closed.slug, organization: city.org.slug, role: "coordinator", startsOn: "2019-01-01", endsOn: "2019-12-31" });

    const unit = await aBody(ctx.db, network.id);
    const applicant = await aMemberCity(ctx.db, network.id, { status: "applicant", name: "Aspirante" });
    const notMember = await brokenRule(network.id, () => assignRole(ctx, actor, network.slug, { body: unit.slug, organization: applicant.org.slug, role: "member", startsOn: day }));
    expect(notMember).toMatchObject({ rule: "governance.rule.notMember", field: "organization", values: { status: "applicant" } });
    expect(describeRuleViolation(notMember, "es")).toBe(`${applicant.org.name} solicitó ingresar a la red pero aún no es miembro`);
    const pastApplicant = await brokenRule(network.id, () => assignRole(ctx, actor, network.slug, { body: unit.slug, organization: applicant.org.slug, role: "member", startsOn: "2018-01-01", endsOn: "2018-12-31" }));
    expect(pastApplicant.rule).toBe("governance.rule.notMember");
    const stranger = await anOrganization(ctx.db, "Ajena");
    expect((await brokenRule(network.id, () => assignRole(ctx, actor, network.slug, { body: unit.slug, organization: stranger.slug, role: "member", startsOn: day }))).values).toMatchObject({ status: "none" });
    const former = await aMemberCity(ctx.db, network.id, { status: "withdrawn", name: "Antigua" });
    expect((await brokenRule(network.id, () => assignRole(ctx, actor, network.slug, { body: unit.slug, organization: former.org.slug, role: "member", startsOn: day }))).rule).toBe("governance.rule.notMember");
    await assignRole(ctx, actor, network.slug, { body: unit.slug, organization: former.org.slug, role: "coordinator", startsOn: "2017-01-01", endsOn: "2017-12-31" });
  });

  it("refuses two overlapping coordinations of the same unit by one city, either way round, naming the existing one", async () => {
    const { network, officer, city } = await world();
    const actor = await officer.actor();
    const unit = await aBody(ctx.db, network.id, { names: { es: "Cultura", pt: "Cultura", en: "Culture" } });
    await assignRole(ctx, actor, network.slug, { body: unit.slug, organization: city.org.slug, role: "coordinator", startsOn: "2025-03-01", endsOn: "2026-02-28" });
    const sub = await brokenRule(network.id, () => assignRole(ctx, actor, network.slug, { body: unit.slug, organization: city.org.slug, role: "sub_coordinator", startsOn: "2026-01-01", endsOn: "2026-12-31" }));
    expect(sub).toMatchObject({ code: "conflict", rule: "governance.rule.overlappingCoordination", field: "startsOn", values: { role: "coordinator", from: "2025-03-01", to: "2026-02-28" } });
    expect(describeRuleViolation(sub, "en")).toBe(
      `${city.org.name} already coordinates Culture from March 1, 2025 to February 28, 2026: a city cannot hold two overlapping coordinations of the same unit`,
    );
    expect(describeRuleViolation(sub, "es")).toContain("ya coordina Cultura desde el 1 de marzo de 2025 hasta el 28 de febrero de 2026");
    // Earlier and open-ended, overlapping from before: refused too.
    const before = await brokenRule(network.id, () => assignRole(ctx, actor, network.slug, { body: unit.slug, organization: city.org.slug, role: "coordinator", startsOn: "2024-01-01" }));
    expect(before.rule).toBe("governance.rule.overlappingCoordination");
    // Back to back is fine, and so is another city at the same time, and another unit.
    await assignRole(ctx, actor, network.slug, { body: unit.slug, organization: city.org.slug, role: "sub_coordinator", startsOn: "2026-03-01", endsOn: "2027-02-28" });
    const other = await aMemberCity(ctx.db, network.id, { name: "Rosario" });
    await assignRole(ctx, actor, network.slug, { body: unit.slug, organization: other.org.slug, role: "sub_coordinator", startsOn: "2025-03-01", endsOn: "2026-02-28" });
    // The API answers 409 with the message, naming the field.
    const api = localizeGovernanceError(sub, "en") as { code: string; messageKey: string };
    expect(api.code).toBe("conflict");
    expect(api.messageKey).toMatch(/^Start date: .* already coordinates Culture/);
  });

  it("has the database refuse an overlapping coordination written around the checks, with the same message", async () => {
    const { network, officer, city } = await world();
    const unit = await aBody(ctx.db, network.id, { names: { en: "Culture" } });
    await assignRole(ctx, await officer.actor(), network.slug, { body: unit.slug, organization: city.org.slug, role: "coordinator", startsOn: "2025-01-01", endsOn: "2025-12-31" });
    const before = await rolesOf(network.id);
    const row = { networkId: network.id, bodyId: unit.id, organizationId: city.org.id, role: "sub_coordinator" as const, startsOn: "2025-06-01", endsOn: null };
    // Straight to the table: the exclusion constraint refuses it (SQLSTATE 23P01).
    const raw = await ctx.db.insert(networkRoles).values(row).then(
      () => null,
      (error: unknown) => error,
    );
    expect(databaseErrorCode(raw)).toBe("23P01");
    // Through the guard every use case writes coordinations in: the same message as the checks.
    const network2 = await findNetwork(ctx.db, network.slug);
    const error = await refusal(
      guardCoordination(
        ctx.db,
        () => ({ network: network2, body: unit, organization: { ...city.org }, role: "sub_coordinator", term: null, startsOn: "2025-06-01", endsOn: null, seatCountryCode: null }),
        () => ctx.db.transaction((tx) => tx.insert(networkRoles).values(row)),
      ),
    );
    expect(error).toMatchObject({ code: "conflict", rule: "governance.rule.overlappingCoordination", values: { role: "coordinator", from: "2025-01-01", to: "2025-12-31" } });
    expect(await rolesOf(network.id)).toEqual(before);
  });

  it("has one president at a time and no organization twice in the same role at once", async () => {
    const { network, officer, city } = await world();
    const actor = await officer.actor();
    const presidency = await aBody(ctx.db, network.id, { kind: "presidency", names: { es: "Presidencia" } });
    await assignRole(ctx, actor, network.slug, { body: presidency.slug, organization: city.org.slug, role: "president", startsOn: "2025-01-01", endsOn: "2025-12-31" });
    const other = await aMemberCity(ctx.db, network.id, { name: "Santa Fe" });
    const second = await brokenRule(network.id, () => assignRole(ctx, actor, network.slug, { body: presidency.slug, organization: other.org.slug, role: "president", startsOn: "2025-12-31", endsOn: "2026-12-31" }));
    expect(second).toMatchObject({ code: "conflict", rule: "governance.rule.onePresident", values: { organization: city.org.name, from: "2025-01-01", to: "2025-12-31" } });
    await assignRole(ctx, actor, network.slug, { body: presidency.slug, organization: other.org.slug, role: "president", startsOn: "2026-01-01", endsOn: "2026-12-31" });
    const unit = await aBody(ctx.db, network.id);
    await assignRole(ctx, actor, network.slug, { body: unit.slug, organization: city.org.slug, role: "member", startsOn: "2025-01-01" });
    // The same role again (same body, organization, role and dates): the one recorded, nothing written.
    const rows = await rolesOf(network.id);
    const recorded = rows.find((r) => r.bodyId === unit.id)!;
    expect(await assignRole(ctx, actor, network.slug, { body: unit.slug, organization: city.org.slug, role: "member", startsOn: "2025-01-01" })).toEqual({ id: recorded.id, created: false });
    expect(await rolesOf(network.id)).toEqual(rows);
    const twice = await brokenRule(network.id, () => assignRole(ctx, actor, network.slug, { body: unit.slug, organization: city.org.slug, role: "member", startsOn: "2025-06-01" }));
    expect(twice).toMatchObject({ rule: "governance.rule.duplicateRole", values: { from: "2025-01-01", to: "none" } });
  });

  it("keeps council seats per country in every overlapping period", async () => {
    const { network, officer, city } = await world();
    const actor = await officer.actor();
    const council = await aBody(ctx.db, network.id, { kind: "council", names: { es: "Consejo", en: "Council" } });
    const uy = [city, await aMemberCity(ctx.db, network.id, { name: "Salto" }), await aMemberCity(ctx.db, network.id, { name: "Paysandú" })];
    // No seats yet: the message says to set them first.
    const none = await brokenRule(network.id, () => assignRole(ctx, actor, network.slug, { body: council.slug, organization: uy[0]!.org.slug, role: "council_member", startsOn: "2025-01-01", endsOn: "2025-12-31" }));
    expect(none).toMatchObject({ rule: "governance.rule.seatsTaken", field: "seatCountryCode", values: { seats: 0 } });
    expect(describeRuleViolation(none, "en")).toBe("Uruguay has no seats in this council; set the seats per country first");
    await setCouncilSeats(ctx, actor, network.slug, council.slug, { seats: [{ countryCode: "UY", seats: 2 }, { countryCode: "AR", seats: 3 }] });
    await assignRole(ctx, actor, network.slug, { body: council.slug, organization: uy[0]!.org.slug, role: "council_member", startsOn: "2025-01-01", endsOn: "2025-12-31" });
    await assignRole(ctx, actor, network.slug, { body: council.slug, organization: uy[1]!.org.slug, role: "council_member", startsOn: "2025-07-01", endsOn: "2026-06-30" });
    const third = await brokenRule(network.id, () => assignRole(ctx, actor, network.slug, { body: council.slug, organization: uy[2]!.org.slug, role: "council_member", startsOn: "2025-10-01", endsOn: "2026-03-31" }));
    expect(third).toMatchObject({ code: "conflict", rule: "governance.rule.seatsTaken", values: { seats: 2, from: "2025-10-01", to: "2025-12-31" } });
    // Once the first seat is free, the third city fits.
    await assignRole(ctx, actor, network.slug, { body: council.slug, organization: uy[2]!.org.slug, role: "council_member", startsOn: "2026-01-01", endsOn: "2026-03-31" });
    // A seat may be another country's (a city sitting for its country group).
    await assignRole(ctx, actor, network.slug, { body: council.slug, organization: uy[2]!.org.slug, role: "council_member", startsOn: "2025-10-01", endsOn: "2025-12-31", seatCountryCode: "AR" });
    // Seats cannot drop below who holds them from today on; only a council has seats.
    const current = await aMemberCity(ctx.db, network.id, { name: "Montevideo centro" });
    await assignRole(ctx, actor, network.slug, { body: council.slug, organization: current.org.slug, role: "council_member", startsOn: day });
    const fewer = await refusal(setCouncilSeats(ctx, actor, network.slug, council.slug, { seats: [{ countryCode: "AR", seats: 3 }] }));
    expect(fewer).toMatchObject({ rule: "governance.rule.seatsBelowHolders", field: "seats", values: { count: 1 } });
    expect(await ctx.db.select().from(networkBodySeats).where(eq(networkBodySeats.bodyId, council.id))).toHaveLength(2);
    const unit = await aBody(ctx.db, network.id);
    expect((await refusal(setCouncilSeats(ctx, actor, network.slug, unit.slug, { seats: [] }))).rule).toBe("governance.rule.seatsOnlyCouncil");
    const detail = await getBody(ctx, anonymousActor, network.slug, council.slug, "en");
    expect(detail.seats).toEqual([
      { countryCode: "AR", country: "Argentina", seats: 3, taken: 0 },
      { countryCode: "UY", country: "Uruguay", seats: 2, taken: 1 },
    ]);
  });

  it("ends a role on a day, keeping it as history told in sentences; ending twice changes nothing", async () => {
    const { network, officer, city } = await world();
    const actor = await officer.actor();
    const unit = await aBody(ctx.db, network.id, { names: { es: "Cultura", en: "Culture" } });
    const { id } = await assignRole(ctx, actor, network.slug, { body: unit.slug, organization: city.org.slug, role: "coordinator", startsOn: "2022-01-01" });
    const tooEarly = await refusal(endRole(ctx, actor, network.slug, id, { endsOn: "2021-12-31" }));
    expect(tooEarly).toMatchObject({ rule: "governance.rule.endBeforeStart", field: "endsOn" });
    await endRole(ctx, actor, network.slug, id, { endsOn: "2023-12-31" });
    await endRole(ctx, actor, network.slug, id, { endsOn: "2023-12-31" });
    const later = await refusal(endRole(ctx, actor, network.slug, id, { endsOn: "2024-06-30" }));
    expect(later).toMatchObject({ rule: "governance.rule.alreadyEnded", values: { date: "2023-12-31" } });
    const history = await listRoleHistory(ctx, anonymousActor, network.slug, { body: unit.slug }, "en");
    expect(history).toMatchObject([{ id, role: "coordinator", fromYear: 2022, toYear: 2023, organization: { slug: city.org.slug } }]);
    const detail = await getBody(ctx, anonymousActor, network.slug, unit.slug, "en");
    expect(detail.history.map((h) => h.id)).toEqual([id]);
    expect(detail.current).toEqual([]);
    expect((await refusal(endRole(ctx, await city.focal.actor(), network.slug, id, {}))).code).toBe("forbidden");
    const audit = await ctx.db.select().from(auditEvents).where(eq(auditEvents.kind, "network_role_ended"));
    expect(audit.filter((e) => (e.details as { roleId: string }).roleId === id)).toHaveLength(1);
  });

  it("lets an organization record and end its own roles in an external network (with its membership); the recording organization keeps only bodies and terms", async () => {
    const recorder = await anOrganization(ctx.db, "Buenos Aires");
    const keeper = await someone(ctx.db, { organization: { id: recorder.id, role: "focal_point" } });
    const network = await aNetwork(ctx.db, { hosted: false, recordedByOrganizationId: recorder.id });
    await aMembership(ctx.db, network.id, recorder.id);
    await createBody(ctx, await keeper.actor(), network.slug, { kind: "council", name: "Consejo Mundial", nameLanguage: "es" });
    const other = await anOrganization(ctx.db, "Otra");
    const otherFocal = await someone(ctx.db, { organization: { id: other.id, role: "focal_point" } });
    const otherStaff = await someone(ctx.db, { organization: { id: other.id, role: "staff" } });
    expect((await refusal(createBody(ctx, await otherFocal.actor(), network.slug, { kind: "commission", name: "Comisión", nameLanguage: "es" }))).code).toBe("forbidden");
    await setCouncilSeats(ctx, await keeper.actor(), network.slug, "consejo-mundial", { seats: [{ countryCode: "UY", seats: 2 }] });
    const seat = { body: "consejo-mundial", role: "council_member" as const, startsOn: day, endsOn: addDays(day, 300) };

    // Without its own membership of the network, an organization records no role there.
    const self = await otherFocal.actor();
    const noMembership = await brokenRule(network.id, () => assignRole(ctx, self, network.slug, { ...seat, organization: other.slug }));
    expect(noMembership).toMatchObject({ rule: "governance.rule.notMember", field: "organization", values: { status: "none" } });
    // Nor for a past period: it was never admitted.
    expect((await brokenRule(network.id, () => assignRole(ctx, self, network.slug, { ...seat, organization: other.slug, startsOn: "2019-01-01", endsOn: "2019-12-31" }))).rule).toBe(
      "governance.rule.notMember",
    );
    // The keeper may not record it for them either — nor for anyone else.
    const keeperActor = await keeper.actor();
    expect((await refusal(assignRole(ctx, keeperActor, network.slug, { ...seat, organization: other.slug }))).code).toBe("forbidden");

    // Once it records its membership (as active), it records its own role; its staff may not.
    await aMembership(ctx.db, network.id, other.id);
    expect((await refusal(assignRole(ctx, await otherStaff.actor(), network.slug, { ...seat, organization: other.slug }))).code).toBe("forbidden");
    const { id } = await assignRole(ctx, self, network.slug, { ...seat, organization: other.slug });
    expect((await refusal(assignRole(ctx, keeperActor, network.slug, { ...seat, organization: other.slug, startsOn: addDays(day, 301), endsOn: addDays(day, 400) }))).code).toBe("forbidden");
    // Not for someone else's organization, either way round.
    expect((await refusal(assignRole(ctx, self, network.slug, { ...seat, organization: recorder.slug }))).code).toBe("forbidden");
    const keepers = await assignRole(ctx, keeperActor, network.slug, { ...seat, organization: recorder.slug });
    expect((await refusal(endRole(ctx, self, network.slug, keepers.id))).code).toBe("forbidden");

    // Only the organization holding the role ends it: not the keeper.
    const rolesBefore = await rolesOf(network.id);
    expect((await refusal(endRole(ctx, keeperActor, network.slug, id, { endsOn: day }))).code).toBe("forbidden");
    expect(await rolesOf(network.id)).toEqual(rolesBefore);
    await endRole(ctx, self, network.slug, id, { endsOn: day });
    expect((await rolesOf(network.id)).find((r) => r.id === id)).toMatchObject({ endsOn: day });

    // A platform administrator may correct any organization's roles there.
    const admin = await someone(ctx.db, { admin: true });
    await endRole(ctx, await admin.actor(), network.slug, keepers.id, { endsOn: day });

    // The page offers each one only what they may do.
    const keeperPage = await getBody(ctx, keeperActor, network.slug, "consejo-mundial", "es");
    expect(keeperPage.viewer).toMatchObject({ canManage: true, canAssign: true, canEndAnyRole: false, canEndOwnRoles: true, canDocument: false });
    expect(keeperPage.members.map((m) => m.slug)).toEqual([recorder.slug]);
    const otherPage = await getBody(ctx, await otherStaff.actor(), network.slug, "consejo-mundial", "es");
    expect(otherPage.viewer).toMatchObject({ canManage: false, canAssign: false, canEndAnyRole: false, canEndOwnRoles: false });
    const adminPage = await getBody(ctx, await admin.actor(), network.slug, "consejo-mundial", "es");
    expect(adminPage.viewer).toMatchObject({ canAssign: true, canEndAnyRole: true, canDocument: true });
    expect(adminPage.members.map((m) => m.slug).sort()).toEqual([recorder.slug, other.slug].sort());
  });

  it("takes a source link only from a hosted network's secretariat or a platform administrator; anyone else is refused on the field", async () => {
    const { network, officer, city } = await world();
    const unit = await aBody(ctx.db, network.id);
    const sourceUrl = "https://example.org/acta-12";
    const { id } = await assignRole(ctx, await officer.actor(), network.slug, { body: unit.slug, organization: city.org.slug, role: "member", startsOn: day, sourceUrl });
    expect((await rolesOf(network.id)).find((r) => r.id === id)).toMatchObject({ sourceUrl });
    expect((await getBody(ctx, await officer.actor(), network.slug, unit.slug, "en")).viewer.canDocument).toBe(true);

    // An external network: its keeper and its members record roles, but do not document them.
    const recorder = await anOrganization(ctx.db, "Registradora");
    const keeper = await someone(ctx.db, { organization: { id: recorder.id, role: "focal_point" } });
    const external = await aNetwork(ctx.db, { hosted: false, recordedByOrganizationId: recorder.id });
    await aMembership(ctx.db, external.id, recorder.id);
    const presidency = await aBody(ctx.db, external.id, { kind: "presidency", names: { es: "Presidencia" } });
    const input = { body: presidency.slug, organization: recorder.slug, role: "president" as const, startsOn: day, endsOn: addDays(day, 300), sourceUrl: "https://fake.example/proof" };
    const refused = await refusal(assignRole(ctx, await keeper.actor(), external.slug, input));
    expect(refused).toMatchObject({ code: "invalid", fieldErrors: { sourceUrl: ["i18n:governance.validation.sourceNotAllowed"] } });
    expect(await rolesOf(external.id)).toEqual([]);
    expect((await getBody(ctx, await keeper.actor(), external.slug, presidency.slug, "en")).viewer.canDocument).toBe(false);
    // Without the link the same role is recorded.
    await assignRole(ctx, await keeper.actor(), external.slug, { ...input, sourceUrl: "" });
    expect(await rolesOf(external.id)).toMatchObject([{ role: "president", sourceUrl: null }]);
    // An administrator documents it.
    const admin = await someone(ctx.db, { admin: true });
    const documented = await assignRole(ctx, await admin.actor(), external.slug, { ...input, startsOn: addDays(day, 400), endsOn: addDays(day, 500) });
    expect((await rolesOf(external.id)).find((r) => r.id === documented.id)).toMatchObject({ sourceUrl: input.sourceUrl });
  });

});
