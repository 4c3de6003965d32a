import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { anonymousActor } from "../organizations/actor.ts";
import { organizationMembers } from "../organizations/schema.ts";
import { addTeamMember } from "./add-team-member.ts";
import { assignRole } from "./assign-role.ts";
import { addDays, today } from "./dates.ts";
import { endRole } from "./end-role.ts";
import { getBody } from "./get-body.ts";
import { joinUnit } from "./join-unit.ts";
import { leaveUnit } from "./leave-unit.ts";
import { listBodies } from "./list-bodies.ts";
import { listCandidacies } from "./list-candidacies.ts";
import { removeTeamMember } from "./remove-team-member.ts";
import { networkBodies, networkBodyParticipants, networkRoles } from "./schema.ts";
import { submitCandidacy } from "./submit-candidacy.ts";
import { aBody, aMemberCity, aMembership, aNetwork, anOrganization, aTerm, refusal, someone } from "./testing.ts";
import { updateBody } from "./update-body.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

const day = today();

async function world() {
  const network = await aNetwork(ctx.db);
  const officer = await someone(ctx.db, { name: "Officer", organization: { id: network.secretariatOrganizationId!, role: "staff" } });
  const city = await aMemberCity(ctx.db, network.id, { name: "Montevideo" });
  const unit = await aBody(ctx.db, network.id);
  return { network, officer, city, unit };
}
const memberRoles = (bodyId: string, organizationId: string) =>
  ctx.db
    .select()
    .from(networkRoles)
    .where(and(eq(networkRoles.bodyId, bodyId), eq(networkRoles.organizationId, organizationId)));
const teamOf = (bodyId: string) => ctx.db.select().from(networkBodyParticipants).where(eq(networkBodyParticipants.bodyId, bodyId));

describe("taking part in a unit", () => {
  it("an active member joins (a member role from today, open-ended; joining again changes nothing) and leaves (the role ends, kept)", async () => {
    const { network, city, unit } = await world();
    await joinUnit(ctx, await city.focal.actor(), network.slug, unit.slug);
    await joinUnit(ctx, await city.focal.actor(), network.slug, unit.slug);
    expect(await memberRoles(unit.id, city.org.id)).toMatchObject([{ role: "member", startsOn: day, endsOn: null }]);
    const page = await getBody(ctx, await city.focal.actor(), network.slug, unit.slug, "es");
    expect(page.participants.map((r) => r.organization.slug)).toEqual([city.org.slug]);
    expect(page.viewer).toMatchObject({ canJoinUnit: false, canLeaveUnit: true, canJoinTeam: true });
    // Staff may not join or leave for the organization.
    expect((await refusal(leaveUnit(ctx, await city.staff.actor(), network.slug, unit.slug))).code).toBe("forbidden");
    await leaveUnit(ctx, await city.focal.actor(), network.slug, unit.slug);
    await leaveUnit(ctx, await city.focal.actor(), network.slug, unit.slug);
    expect(await memberRoles(unit.id, city.org.id)).toMatchObject([{ role: "member", startsOn: day, endsOn: day }]);
    expect((await getBody(ctx, await city.focal.actor(), network.slug, unit.slug, "es")).viewer).toMatchObject({ canJoinUnit: true, canLeaveUnit: false });
    // Joining again the same day takes the membership up again.
    await joinUnit(ctx, await city.focal.actor(), network.slug, unit.slug);
    expect(await memberRoles(unit.id, city.org.id)).toMatchObject([{ role: "member", endsOn: null }]);
  });

  it("is refused to an organization that is not an active member, and for bodies that are not units", async () => {
    const { network, unit } = await world();
    const applicant = await aMemberCity(ctx.db, network.id, { status: "applicant" });
    const error = await refusal(joinUnit(ctx, await applicant.focal.actor(), network.slug, unit.slug));
    expect(error).toMatchObject({ rule: "governance.rule.notMember", field: "organization" });
    expect(await memberRoles(unit.id, applicant.org.id)).toEqual([]);
    const city = await aMemberCity(ctx.db, network.id);
    const council = await aBody(ctx.db, network.id, { kind: "council" });
    expect((await refusal(joinUnit(ctx, await city.focal.actor(), network.slug, council.slug))).rule).toBe("governance.rule.notUnit");
    expect((await refusal(joinUnit(ctx, anonymousActor, network.slug, unit.slug))).code).toBe("unauthorized");
  });
});

describe("an organization holding a coordination of a unit", () => {
  it("already takes part: joining is not offered and answers so, writing no member role; it adds its people to the team and sees it", async () => {
    const { network, officer, unit } = await world();
    const coordinator = await aMemberCity(ctx.db, network.id, { name: "Buenos Aires" });
    await assignRole(ctx, await officer.actor(), network.slug, { body: unit.slug, organization: coordinator.org.slug, role: "coordinator", startsOn: addDays(day, -30) });
    const focal = await coordinator.focal.actor();
    const page = await getBody(ctx, focal, network.slug, unit.slug, "es");
    expect(page.viewer.organization).toMatchObject({ participates: true, roles: ["coordinator"] });
    expect(page.viewer).toMatchObject({ canJoinUnit: false, canLeaveUnit: false, canJoinTeam: true, canManageTeam: true });
    // Joining (by the API or a form sent twice) answers that it already takes part, and writes nothing.
    expect(await joinUnit(ctx, focal, network.slug, unit.slug)).toEqual({ joined: false, roles: ["coordinator"] });
    expect(await joinUnit(ctx, focal, network.slug, unit.slug)).toEqual({ joined: false, roles: ["coordinator"] });
    expect((await memberRoles(unit.id, coordinator.org.id)).map((r) => r.role)).toEqual(["coordinator"]);
    // Taking part, its people join the team and see it.
    await addTeamMember(ctx, await coordinator.staff.actor(), network.slug, unit.slug, coordinator.staff.id);
    expect((await getBody(ctx, await coordinator.staff.actor(), network.slug, unit.slug, "es")).team).toMatchObject([{ organization: { slug: coordinator.org.slug } }]);
    // A sub-coordinator likewise.
    const sub = await aMemberCity(ctx.db, network.id, { name: "Salto" });
    await assignRole(ctx, await officer.actor(), network.slug, { body: unit.slug, organization: sub.org.slug, role: "sub_coordinator", startsOn: day });
    expect(await joinUnit(ctx, await sub.focal.actor(), network.slug, unit.slug)).toEqual({ joined: false, roles: ["sub_coordinator"] });
    expect((await getBody(ctx, await sub.focal.actor(), network.slug, unit.slug, "es")).viewer).toMatchObject({ canJoinUnit: false, organization: { participates: true, roles: ["sub_coordinator"] } });
    expect((await memberRoles(unit.id, sub.org.id)).map((r) => r.role)).toEqual(["sub_coordinator"]);
  });

  it("a member joining answers joined once, then that it already takes part", async () => {
    const { network, city, unit } = await world();
    expect(await joinUnit(ctx, await city.focal.actor(), network.slug, unit.slug)).toEqual({ joined: true, roles: ["member"] });
    expect(await joinUnit(ctx, await city.focal.actor(), network.slug, unit.slug)).toEqual({ joined: false, roles: ["member"] });
    expect(await memberRoles(unit.id, city.org.id)).toHaveLength(1);
  });

  it("recorded also as a member (before joining was refused to it) is listed once, as its coordinator, and does not leave by that membership", async () => {
    const { network, officer, city, unit } = await world();
    const coordinator = await aMemberCity(ctx.db, network.id, { name: "Buenos Aires" });
    await assignRole(ctx, await officer.actor(), network.slug, { body: unit.slug, organization: coordinator.org.slug, role: "coordinator", startsOn: addDays(day, -30) });
    await ctx.db.insert(networkRoles).values({ networkId: network.id, bodyId: unit.id, organizationId: coordinator.org.id, role: "member", startsOn: addDays(day, -5) });
    await joinUnit(ctx, await city.focal.actor(), network.slug, unit.slug);
    const page = await getBody(ctx, await coordinator.focal.actor(), network.slug, unit.slug, "es");
    expect(page.current.map((r) => [r.organization.slug, r.role])).toEqual([[coordinator.org.slug, "coordinator"]]);
    expect(page.participants.map((r) => r.organization.slug)).toEqual([city.org.slug]);
    expect(page.viewer).toMatchObject({ canJoinUnit: false, canLeaveUnit: false, organization: { roles: ["coordinator", "member"] } });
    const listed = (await listBodies(ctx, anonymousActor, network.slug, "es")).groups[0]!.bodies.find((b) => b.slug === unit.slug)!;
    expect(listed.holders.map((h) => h.organization.slug)).toEqual([coordinator.org.slug]);
    expect(listed.memberCount).toBe(1);
  });
});

describe("technical teams", () => {
  it("a person joins their organization's team; a focal point adds and removes its members; only for organizations taking part", async () => {
    const { network, city, unit } = await world();
    // Not taking part yet: refused naming the organization.
    const early = await refusal(addTeamMember(ctx, await city.staff.actor(), network.slug, unit.slug, city.staff.id));
    expect(early).toMatchObject({ rule: "governance.rule.notParticipating", field: "organization" });
    await joinUnit(ctx, await city.focal.actor(), network.slug, unit.slug);
    await addTeamMember(ctx, await city.staff.actor(), network.slug, unit.slug, city.staff.id);
    await addTeamMember(ctx, await city.staff.actor(), network.slug, unit.slug, city.staff.id);
    await addTeamMember(ctx, await city.focal.actor(), network.slug, unit.slug, city.focal.id);
    expect((await teamOf(unit.id)).map((p) => p.userId).sort()).toEqual([city.staff.id, city.focal.id].sort());
    // Staff may not add or remove others; someone outside the organization cannot be added.
    const colleague = await someone(ctx.db, { organization: { id: city.org.id, role: "staff" } });
    expect((await refusal(addTeamMember(ctx, await city.staff.actor(), network.slug, unit.slug, colleague.id))).code).toBe("forbidden");
    const stranger = await someone(ctx.db);
    expect((await refusal(addTeamMember(ctx, await city.focal.actor(), network.slug, unit.slug, stranger.id, { organization: city.org.slug }))).rule).toBe("governance.rule.notOrganizationMember");
    await addTeamMember(ctx, await city.focal.actor(), network.slug, unit.slug, colleague.id);
    await removeTeamMember(ctx, await city.focal.actor(), network.slug, unit.slug, colleague.id);
    await removeTeamMember(ctx, await city.staff.actor(), network.slug, unit.slug, city.staff.id);
    await removeTeamMember(ctx, await city.staff.actor(), network.slug, unit.slug, city.staff.id);
    expect((await teamOf(unit.id)).map((p) => p.userId)).toEqual([city.focal.id]);
    // Leaving the unit takes its people off the team.
    await leaveUnit(ctx, await city.focal.actor(), network.slug, unit.slug);
    expect(await teamOf(unit.id)).toEqual([]);
  });

  it("are personal data: seen by the unit's organizations, its coordinators and the secretariat — not by the public or other members", async () => {
    const { network, officer, city, unit } = await world();
    await joinUnit(ctx, await city.focal.actor(), network.slug, unit.slug);
    await addTeamMember(ctx, await city.staff.actor(), network.slug, unit.slug, city.staff.id);
    const other = await aMemberCity(ctx.db, network.id, { name: "Otra" });
    const outsider = await someone(ctx.db, { organization: { id: (await anOrganization(ctx.db)).id, role: "focal_point" } });
    expect((await getBody(ctx, anonymousActor, network.slug, unit.slug, "es")).team).toBeNull();
    expect((await getBody(ctx, await other.focal.actor(), network.slug, unit.slug, "es")).team).toBeNull();
    expect((await getBody(ctx, await outsider.actor(), network.slug, unit.slug, "es")).team).toBeNull();
    const seen = await getBody(ctx, await city.staff.actor(), network.slug, unit.slug, "es");
    expect(seen.team).toEqual([{ organization: { slug: city.org.slug, name: city.org.name }, people: [{ userId: city.staff.id, name: "Técnica", position: null }] }]);
    expect((await getBody(ctx, await officer.actor(), network.slug, unit.slug, "es")).team).toHaveLength(1);
    // The other member joins: now it takes part, and sees the team.
    await joinUnit(ctx, await other.focal.actor(), network.slug, unit.slug);
    expect((await getBody(ctx, await other.focal.actor(), network.slug, unit.slug, "es")).team).toHaveLength(1);
  });
});

describe("a coordinator's scoped permissions", () => {
  it("follow a current coordination: edit the unit's description and see its team — not the next term's candidacies — and end with the role", async () => {
    const { network, officer, city, unit } = await world();
    const coordinator = await aMemberCity(ctx.db, network.id, { name: "Rosario" });
    const { id: roleId } = await assignRole(ctx, await officer.actor(), network.slug, { body: unit.slug, organization: coordinator.org.slug, role: "coordinator", startsOn: addDays(day, -60) });
    const focal = await coordinator.focal.actor();
    expect(focal.coordinatorOf.has(unit.id)).toBe(true);
    // Its staff coordinate too once in the unit's team.
    expect((await coordinator.staff.actor()).coordinatorOf.has(unit.id)).toBe(false);
    await addTeamMember(ctx, await coordinator.staff.actor(), network.slug, unit.slug, coordinator.staff.id);
    expect((await coordinator.staff.actor()).coordinatorOf.has(unit.id)).toBe(true);

    await updateBody(ctx, focal, network.slug, unit.slug, { language: "en", description: "Cultural policies of member cities." });
    const [row] = await ctx.db.select().from(networkBodies).where(eq(networkBodies.id, unit.id));
    expect(row!.description.en).toBe("Cultural policies of member cities.");
    // Only the description: anything else is the secretariat's.
    expect((await refusal(updateBody(ctx, focal, network.slug, unit.slug, { active: false }))).code).toBe("forbidden");
    expect((await refusal(updateBody(ctx, focal, network.slug, unit.slug, { language: "en", name: "Renamed" }))).code).toBe("forbidden");

    await joinUnit(ctx, await city.focal.actor(), network.slug, unit.slug);
    await addTeamMember(ctx, await city.staff.actor(), network.slug, unit.slug, city.staff.id);
    const term = await aTerm(ctx.db, network.id);
    const { id: candidacyId } = await submitCandidacy(ctx, await city.focal.actor(), network.slug, {
      body: unit.slug,
      term: term.id,
      role: "sub_coordinator",
      statement: "Montevideo quiere subcoordinar la unidad el próximo mandato.",
    });
    const page = await getBody(ctx, focal, network.slug, unit.slug, "en");
    expect(page.viewer).toMatchObject({ coordinates: true, canEditDescription: true, canManage: false, canAssign: false });
    expect(page.team!.map((t) => t.organization.slug).sort()).toEqual([city.org.slug, coordinator.org.slug].sort());
    // The coordinators may be candidates themselves: the others' candidacies are the secretariat's to see.
    expect(page.candidacies).toBeNull();
    expect((await listCandidacies(ctx, focal, network.slug, {}, "en")).items).toEqual([]);
    expect((await getBody(ctx, await officer.actor(), network.slug, unit.slug, "en")).candidacies!.map((c) => c.id)).toEqual([candidacyId]);

    // The role ends yesterday: the permissions go with it.
    await endRole(ctx, await officer.actor(), network.slug, roleId, { endsOn: addDays(day, -1) });
    const after = await coordinator.focal.actor();
    expect(after.coordinatorOf.has(unit.id)).toBe(false);
    expect((await refusal(updateBody(ctx, after, network.slug, unit.slug, { language: "en", description: "Again." }))).code).toBe("forbidden");
    const later = await getBody(ctx, after, network.slug, unit.slug, "en");
    expect(later.candidacies).toBeNull();
    expect(later.viewer.canEditDescription).toBe(false);
    expect((await listCandidacies(ctx, after, network.slug, {}, "en")).items).toEqual([]);
  });
});

describe("membership of the network", () => {
  it("a coordinator city loses its coordinator's powers while suspended and once withdrawn, and gets them back when active again", async () => {
    const { network, officer, unit } = await world();
    const coordinator = await aMemberCity(ctx.db, network.id, { name: "Coordinadora" });
    await assignRole(ctx, await officer.actor(), network.slug, { body: unit.slug, organization: coordinator.org.slug, role: "coordinator", startsOn: day, endsOn: addDays(day, 300) });
    await addTeamMember(ctx, await coordinator.staff.actor(), network.slug, unit.slug, coordinator.staff.id);
    expect((await coordinator.focal.actor()).coordinatorOf.has(unit.id)).toBe(true);
    expect((await coordinator.staff.actor()).coordinatorOf.has(unit.id)).toBe(true);
    for (const status of ["suspended", "inactive", "withdrawn"] as const) {
      await aMembership(ctx.db, network.id, coordinator.org.id, status);
      const focal = await coordinator.focal.actor();
      expect(focal.coordinatorOf.has(unit.id)).toBe(false);
      expect((await coordinator.staff.actor()).coordinatorOf.has(unit.id)).toBe(false);
      expect((await refusal(updateBody(ctx, focal, network.slug, unit.slug, { language: "en", description: "Still ours." }))).code).toBe("forbidden");
      expect((await getBody(ctx, focal, network.slug, unit.slug, "en")).viewer).toMatchObject({ coordinates: false, canEditDescription: false });
    }
    await aMembership(ctx.db, network.id, coordinator.org.id, "active");
    expect((await coordinator.focal.actor()).coordinatorOf.has(unit.id)).toBe(true);
  });

  it("joining a unit and adding people to its team need the organization's active membership; a suspended one's people no longer see the team", async () => {
    const { network, city, unit } = await world();
    await joinUnit(ctx, await city.focal.actor(), network.slug, unit.slug);
    await addTeamMember(ctx, await city.staff.actor(), network.slug, unit.slug, city.staff.id);
    const other = await aMemberCity(ctx.db, network.id, { name: "Otra" });
    await joinUnit(ctx, await other.focal.actor(), network.slug, unit.slug);
    await addTeamMember(ctx, await other.focal.actor(), network.slug, unit.slug, other.focal.id);
    expect((await getBody(ctx, await city.staff.actor(), network.slug, unit.slug, "es")).team).toHaveLength(2);

    await aMembership(ctx.db, network.id, city.org.id, "suspended");
    const colleague = await someone(ctx.db, { organization: { id: city.org.id, role: "staff" } });
    const before = await teamOf(unit.id);
    const suspended = await refusal(addTeamMember(ctx, await city.focal.actor(), network.slug, unit.slug, colleague.id));
    expect(suspended).toMatchObject({ rule: "governance.rule.notMember", field: "organization", values: { status: "suspended" } });
    expect((await refusal(addTeamMember(ctx, await colleague.actor(), network.slug, unit.slug, colleague.id))).rule).toBe("governance.rule.notMember");
    expect(await teamOf(unit.id)).toEqual(before);
    // Its role in the unit is still there, but its people no longer see the others' team.
    const page = await getBody(ctx, await city.staff.actor(), network.slug, unit.slug, "es");
    expect(page.team).toBeNull();
    expect(page.viewer).toMatchObject({ canJoinTeam: false, canManageTeam: false });
    expect((await getBody(ctx, await city.focal.actor(), network.slug, unit.slug, "es")).viewer).toMatchObject({ canManageTeam: false, teamCandidates: [] });
    // Leaving is always possible; taking the participation up again the same day is not while suspended.
    await leaveUnit(ctx, await city.focal.actor(), network.slug, unit.slug);
    const rolesBefore = await memberRoles(unit.id, city.org.id);
    expect((await refusal(joinUnit(ctx, await city.focal.actor(), network.slug, unit.slug))).rule).toBe("governance.rule.notMember");
    expect(await memberRoles(unit.id, city.org.id)).toEqual(rolesBefore);
    expect((await getBody(ctx, await city.focal.actor(), network.slug, unit.slug, "es")).viewer.canJoinUnit).toBe(false);
  });

  it("the team lists only people who are still members of their organization", async () => {
    const { network, city, unit } = await world();
    await joinUnit(ctx, await city.focal.actor(), network.slug, unit.slug);
    await addTeamMember(ctx, await city.staff.actor(), network.slug, unit.slug, city.staff.id);
    await addTeamMember(ctx, await city.focal.actor(), network.slug, unit.slug, city.focal.id);
    expect((await getBody(ctx, await city.focal.actor(), network.slug, unit.slug, "es")).team![0]!.people.map((p) => p.userId).sort()).toEqual([city.focal.id, city.staff.id].sort());
    // The technician leaves the organization (the team row stays behind): no longer listed.
    await ctx.db.delete(organizationMembers).where(and(eq(organizationMembers.organizationId, city.org.id), eq(organizationMembers.userId, city.staff.id)));
    const page = await getBody(ctx, await city.focal.actor(), network.slug, unit.slug, "es");
    expect(page.team).toEqual([{ organization: { slug: city.org.slug, name: city.org.name }, people: [{ userId: city.focal.id, name: "Punto focal", position: null }] }]);
  });
});

describe("external networks", () => {
  /** A network recorded by a city (its keeper), with a unit the keeper takes part in and a technician in its team. */
  async function external() {
    const recorder = await anOrganization(ctx.db, "Registradora");
    const keeper = await someone(ctx.db, { organization: { id: recorder.id, role: "focal_point" } });
    const technician = await someone(ctx.db, { name: "Ana Técnica Confidencial", organization: { id: recorder.id, role: "staff" } });
    const network = await aNetwork(ctx.db, { hosted: false, recordedByOrganizationId: recorder.id });
    await aMembership(ctx.db, network.id, recorder.id);
    const unit = await aBody(ctx.db, network.id, { kind: "working_group" });
    await joinUnit(ctx, await keeper.actor(), network.slug, unit.slug);
    await addTeamMember(ctx, await keeper.actor(), network.slug, unit.slug, technician.id);
    return { recorder, keeper, network, unit };
  }

  it("anyone who signs up and creates an organization neither joins a unit nor reads its team without recording a membership", async () => {
    const { network, unit } = await external();
    const stranger = await anOrganization(ctx.db, "Org Fantasma");
    const strangerFocal = await someone(ctx.db, { organization: { id: stranger.id, role: "focal_point" } });
    const actor = await strangerFocal.actor();
    const refused = await refusal(joinUnit(ctx, actor, network.slug, unit.slug));
    expect(refused).toMatchObject({ rule: "governance.rule.notMember", field: "organization", values: { status: "none" } });
    expect(await memberRoles(unit.id, stranger.id)).toEqual([]);
    const page = await getBody(ctx, actor, network.slug, unit.slug, "es");
    expect(page.team).toBeNull();
    expect(page.viewer).toMatchObject({ canJoinUnit: false, canAssign: false });
    expect(page.viewer.organization).toMatchObject({ activeMember: false });
    // Recording its membership (as active), it joins like any member.
    await aMembership(ctx.db, network.id, stranger.id);
    expect((await getBody(ctx, await strangerFocal.actor(), network.slug, unit.slug, "es")).viewer.canJoinUnit).toBe(true);
    await joinUnit(ctx, await strangerFocal.actor(), network.slug, unit.slug);
    expect((await getBody(ctx, await strangerFocal.actor(), network.slug, unit.slug, "es")).team).toHaveLength(1);
  });

  it("a self-declared coordinator of an external network's unit gets no coordinator's powers", async () => {
    const { network, unit } = await external();
    const city = await anOrganization(ctx.db, "Declarante");
    const focal = await someone(ctx.db, { organization: { id: city.id, role: "focal_point" } });
    // Without a membership it may not even declare it.
    expect((await refusal(assignRole(ctx, await focal.actor(), network.slug, { body: unit.slug, organization: city.slug, role: "coordinator", startsOn: day }))).rule).toBe(
      "governance.rule.notMember",
    );
    await aMembership(ctx.db, network.id, city.id);
    await assignRole(ctx, await focal.actor(), network.slug, { body: unit.slug, organization: city.slug, role: "coordinator", startsOn: day });
    const actor = await focal.actor();
    expect(actor.coordinatorOf.has(unit.id)).toBe(false);
    expect((await refusal(updateBody(ctx, actor, network.slug, unit.slug, { language: "es", description: "Desfigurada" }))).code).toBe("forbidden");
    const page = await getBody(ctx, actor, network.slug, unit.slug, "es");
    expect(page.viewer).toMatchObject({ coordinates: false, canEditDescription: false });
    // It holds the role (listed as its own declaration), as a member taking part: no more.
    expect(page.current.map((r) => r.organization.slug)).toEqual([city.slug]);
  });
});
