import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema.ts";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { outbox } from "../../platform/outbox/schema.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { renderEmail } from "../../platform/mail/render.ts";
import { anonymousActor } from "../organizations/actor.ts";
import { assignRole } from "./assign-role.ts";
import { addDays, today } from "./dates.ts";
import { decideCandidacy } from "./decide-candidacy.ts";
import { candidacyDecisionEmail } from "./emails.ts";
import { getBody } from "./get-body.ts";
import { listCandidacies } from "./list-candidacies.ts";
import { describeRuleViolation, localizeGovernanceError, type RuleViolation } from "./rules.ts";
import { networkCandidacies, networkRoles } from "./schema.ts";
import { submitCandidacy } from "./submit-candidacy.ts";
import { aBody, aMemberCity, aMembership, aNetwork, anOrganization, aTerm, refusal, someone } from "./testing.ts";
import { withdrawCandidacy } from "./withdraw-candidacy.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

const day = today();
const statement = "Montevideo propone coordinar la unidad con un plan de trabajo anual.";
const mails = async () => (await ctx.db.select().from(outbox).where(eq(outbox.kind, "email"))).filter((r) => r.payload.template === candidacyDecisionEmail.name);

async function world() {
  const network = await aNetwork(ctx.db);
  const officer = await someone(ctx.db, { name: "Officer", organization: { id: network.secretariatOrganizationId!, role: "staff" } });
  const city = await aMemberCity(ctx.db, network.id, { name: "Montevideo", locale: "pt" });
  const unit = await aBody(ctx.db, network.id, { names: { es: "Cultura", pt: "Cultura", en: "Culture" } });
  const term = await aTerm(ctx.db, network.id);
  return { network, officer, city, unit, term };
}

const candidaciesOf = (networkId: string) => ctx.db.select().from(networkCandidacies).where(eq(networkCandidacies.networkId, networkId)).orderBy(networkCandidacies.createdAt);

describe("submitting a candidacy", () => {
  it("is for an active member's focal point, to coordinate a unit for a term not started while its window is open; sent twice, it is one candidacy", async () => {
    const { network, city, unit, term, officer } = await world();
    const input = { body: unit.slug, term: term.id, role: "coordinator" as const, statement };
    const { id } = await submitCandidacy(ctx, await city.focal.actor(), network.slug, input);
    expect(await submitCandidacy(ctx, await city.focal.actor(), network.slug, input)).toEqual({ id });
    expect(await candidaciesOf(network.id)).toMatchObject([{ id, status: "submitted", role: "coordinator", statement, organizationId: city.org.id }]);
    // Another live candidacy of the same organization for the unit and term is refused.
    const again = await refusal(submitCandidacy(ctx, await city.focal.actor(), network.slug, { ...input, role: "sub_coordinator" }));
    expect(again).toMatchObject({ code: "conflict", rule: "governance.rule.candidacyExists", field: "term", values: { status: "submitted", role: "coordinator" } });
    // Its staff may not apply; neither may nobody.
    expect((await refusal(submitCandidacy(ctx, await city.staff.actor(), network.slug, input))).code).toBe("forbidden");
    expect((await refusal(submitCandidacy(ctx, anonymousActor, network.slug, input))).code).toBe("unauthorized");
    // A statement is required, naming the field.
    expect((await refusal(submitCandidacy(ctx, await city.focal.actor(), network.slug, { ...input, statement: "Sí" }))).fieldErrors).toEqual({
      statement: ["i18n:governance.validation.statement"],
    });
    // The secretariat sees it; the city sees its own; another organization sees none.
    expect((await listCandidacies(ctx, await officer.actor(), network.slug, {}, "en")).items.map((c) => c.id)).toEqual([id]);
    expect((await listCandidacies(ctx, await city.staff.actor(), network.slug, {}, "en")).items.map((c) => c.id)).toEqual([id]);
    const other = await aMemberCity(ctx.db, network.id, { name: "Rosario" });
    expect((await listCandidacies(ctx, await other.focal.actor(), network.slug, {}, "en")).items).toEqual([]);
    expect((await refusal(listCandidacies(ctx, anonymousActor, network.slug, {}, "en"))).code).toBe("unauthorized");
    // Filters: by status and unit.
    expect((await listCandidacies(ctx, await officer.actor(), network.slug, { status: "approved" }, "en")).items).toEqual([]);
    expect((await listCandidacies(ctx, await officer.actor(), network.slug, { body: unit.slug, term: term.id }, "en")).items).toHaveLength(1);
    const audit = await ctx.db.select().from(auditEvents).where(eq(auditEvents.kind, "candidacy_submitted"));
    expect(audit.filter((e) => (e.details as { candidacyId: string }).candidacyId === id)).toHaveLength(1);
  });

  it("is refused outside the window, for a term already begun, for a body that is not a unit, and for an organization that is not an active member — nothing changes", async () => {
    const { network, city, unit } = await world();
    const actor = await city.focal.actor();
    const closedWindow = await aTerm(ctx.db, network.id, { startsIn: 400, window: [-30, -1] });
    const closed = await refusal(submitCandidacy(ctx, actor, network.slug, { body: unit.slug, term: closedWindow.id, role: "coordinator", statement }));
    expect(closed).toMatchObject({ code: "invalid", rule: "governance.rule.windowClosed", field: "term", values: { state: "closed", close: addDays(day, -1) } });
    const notYet = await aTerm(ctx.db, network.id, { startsIn: 800, window: [5, 20] });
    expect((await refusal(submitCandidacy(ctx, actor, network.slug, { body: unit.slug, term: notYet.id, role: "coordinator", statement }))).values).toMatchObject({ state: "notYet" });
    const noWindow = await aTerm(ctx.db, network.id, { startsIn: 1200, window: null });
    const none = await refusal(submitCandidacy(ctx, actor, network.slug, { body: unit.slug, term: noWindow.id, role: "coordinator", statement }));
    expect(describeRuleViolation(none as RuleViolation, "en")).toBe(`the term ${noWindow.label} takes no candidacies`);
    const begun = await aTerm(ctx.db, network.id, { startsIn: -100, days: 90, window: null });
    expect((await refusal(submitCandidacy(ctx, actor, network.slug, { body: unit.slug, term: begun.id, role: "coordinator", statement }))).rule).toBe("governance.rule.termStarted");
    const open = await aTerm(ctx.db, network.id, { startsIn: 1600 });
    const council = await aBody(ctx.db, network.id, { kind: "council", names: { es: "Consejo" } });
    expect((await refusal(submitCandidacy(ctx, actor, network.slug, { body: council.slug, term: open.id, role: "coordinator", statement }))).rule).toBe("governance.rule.notCandidateBody");
    const closedUnit = await aBody(ctx.db, network.id, { active: false });
    expect((await refusal(submitCandidacy(ctx, actor, network.slug, { body: closedUnit.slug, term: open.id, role: "coordinator", statement }))).rule).toBe("governance.rule.bodyInactive");
    await aMembership(ctx.db, network.id, city.org.id, "suspended");
    const suspended = await refusal(submitCandidacy(ctx, await city.focal.actor(), network.slug, { body: unit.slug, term: open.id, role: "coordinator", statement }));
    expect(suspended).toMatchObject({ rule: "governance.rule.notMember", field: "organization", values: { status: "suspended" } });
    expect(await candidaciesOf(network.id)).toEqual([]);
  });

  it("is refused at submission, with the overlap message on the term, when the city already coordinates the unit into the term", async () => {
    const { network, city, unit, term, officer } = await world();
    const input = { body: unit.slug, term: term.id, role: "sub_coordinator" as const, statement };
    await assignRole(ctx, await officer.actor(), network.slug, { body: unit.slug, organization: city.org.slug, role: "coordinator", startsOn: day, endsOn: addDays(term.startsOn, 30) });
    const error = await refusal(submitCandidacy(ctx, await city.focal.actor(), network.slug, input));
    expect(error).toMatchObject({ code: "conflict", rule: "governance.rule.overlappingCoordination", field: "term", values: { role: "coordinator", from: day, to: addDays(term.startsOn, 30) } });
    expect(describeRuleViolation(error as RuleViolation, "en")).toMatch(/ already coordinates Culture from .*: a city cannot hold two overlapping coordinations of the same unit$/);
    // The form shows it next to the term.
    const shown = localizeGovernanceError(error, "es", ["term", "role", "statement"]) as { fieldErrors: Record<string, string[]> };
    expect(shown.fieldErrors.term![0]).toContain("ya coordina Cultura desde el");
    expect(await candidaciesOf(network.id)).toEqual([]);
    // Another unit, or a coordination ending the day before the term starts, is no obstacle.
    const other = await aBody(ctx.db, network.id, { names: { es: "Turismo", en: "Tourism" } });
    await submitCandidacy(ctx, await city.focal.actor(), network.slug, { ...input, body: other.slug });
    const neighbour = await aMemberCity(ctx.db, network.id, { name: "Vecina" });
    await assignRole(ctx, await officer.actor(), network.slug, { body: unit.slug, organization: neighbour.org.slug, role: "coordinator", startsOn: day, endsOn: addDays(term.startsOn, -1) });
    await submitCandidacy(ctx, await neighbour.focal.actor(), network.slug, input);
    expect(await candidaciesOf(network.id)).toHaveLength(2);
  });

  it("is not offered again on the unit's page while the organization has a live candidacy for the term: the page says which one instead", async () => {
    const { network, city, unit, term, officer } = await world();
    const other = await aTerm(ctx.db, network.id, { startsIn: 500 });
    const open = async () => (await getBody(ctx, await city.focal.actor(), network.slug, unit.slug, "es")).viewer;
    expect((await open()).openTerms.map((t) => t.id)).toEqual([term.id, other.id]);
    expect((await open()).liveCandidacies).toEqual([]);
    const { id } = await submitCandidacy(ctx, await city.focal.actor(), network.slug, { body: unit.slug, term: term.id, role: "sub_coordinator", statement });
    // Submitted: that term is no longer offered; the other still is.
    expect((await open()).openTerms.map((t) => t.id)).toEqual([other.id]);
    expect((await open()).liveCandidacies).toMatchObject([{ id, status: "submitted", role: "sub_coordinator", term: { id: term.id } }]);
    // Approved: still live.
    await decideCandidacy(ctx, await officer.actor(), network.slug, id, { decision: "approve", decidingBody: "council", reference: "Acta 3" });
    expect((await open()).liveCandidacies).toMatchObject([{ id, status: "approved" }]);
    expect((await open()).openTerms.map((t) => t.id)).toEqual([other.id]);
    // Withdrawn or rejected ones leave the term open again.
    const second = await submitCandidacy(ctx, await city.focal.actor(), network.slug, { body: unit.slug, term: other.id, role: "coordinator", statement });
    expect((await open()).openTerms).toEqual([]);
    await withdrawCandidacy(ctx, await city.focal.actor(), network.slug, second.id);
    expect((await open()).openTerms.map((t) => t.id)).toEqual([other.id]);
    expect((await open()).liveCandidacies.map((c) => c.id)).toEqual([id]);
    // Its staff are not offered the form, nor told in its place.
    expect((await getBody(ctx, await city.staff.actor(), network.slug, unit.slug, "es")).viewer).toMatchObject({ openTerms: [], liveCandidacies: [] });
  });

  it("is withdrawn by the candidate before a decision; then another may be submitted", async () => {
    const { network, city, unit, term, officer } = await world();
    const input = { body: unit.slug, term: term.id, role: "coordinator" as const, statement };
    const { id } = await submitCandidacy(ctx, await city.focal.actor(), network.slug, input);
    expect((await refusal(withdrawCandidacy(ctx, await city.staff.actor(), network.slug, id))).code).toBe("forbidden");
    const outsider = await someone(ctx.db, { organization: { id: (await anOrganization(ctx.db)).id, role: "focal_point" } });
    expect((await refusal(withdrawCandidacy(ctx, await outsider.actor(), network.slug, id))).code).toBe("not_found");
    await withdrawCandidacy(ctx, await city.focal.actor(), network.slug, id);
    await withdrawCandidacy(ctx, await city.focal.actor(), network.slug, id);
    expect((await candidaciesOf(network.id))[0]!.status).toBe("withdrawn");
    const second = await submitCandidacy(ctx, await city.focal.actor(), network.slug, { ...input, role: "sub_coordinator" });
    await decideCandidacy(ctx, await officer.actor(), network.slug, second.id, { decision: "reject", decidingBody: "council", reference: "Acta 12", reason: "Otra ciudad fue elegida." });
    expect((await refusal(withdrawCandidacy(ctx, await city.focal.actor(), network.slug, second.id))).messageKey).toBe("governance.error.candidacyDecided");
  });
});

describe("deciding a candidacy", () => {
  it("approved, becomes a role from the term's start; the focal points are told in their language", async () => {
    const { network, city, unit, term, officer } = await world();
    const spanishFocal = await someone(ctx.db, { name: "Otro punto focal", locale: "es", organization: { id: city.org.id, role: "focal_point" } });
    const { id } = await submitCandidacy(ctx, await city.focal.actor(), network.slug, { body: unit.slug, term: term.id, role: "coordinator", statement });
    // Only the secretariat decides; the candidate sees it but may not.
    expect((await refusal(decideCandidacy(ctx, await city.focal.actor(), network.slug, id, { decision: "approve", decidingBody: "assembly", reference: "x" }))).code).toBe("forbidden");
    const missing = await refusal(decideCandidacy(ctx, await officer.actor(), network.slug, id, { decision: "reject", decidingBody: "assembly", reference: "" }));
    expect(missing.fieldErrors).toEqual({ reference: ["i18n:validation.required"], reason: ["i18n:governance.validation.rejectionReason"] });
    const decision = { decision: "approve" as const, decidingBody: "summit" as const, reference: "XXIX Cumbre, resolución 4" };
    const { roleId } = await decideCandidacy(ctx, await officer.actor(), network.slug, id, decision);
    expect(await decideCandidacy(ctx, await officer.actor(), network.slug, id, decision)).toEqual({ roleId });
    const [role] = await ctx.db.select().from(networkRoles).where(eq(networkRoles.id, roleId!));
    expect(role).toMatchObject({ role: "coordinator", bodyId: unit.id, organizationId: city.org.id, termId: term.id, startsOn: term.startsOn, endsOn: term.endsOn, candidacyId: id });
    expect((await candidaciesOf(network.id))[0]).toMatchObject({ status: "approved", roleId, decidingBody: "summit", decisionReference: decision.reference, decidedBy: officer.id });
    // Shown as upcoming on the unit's page until the term starts.
    const page = await getBody(ctx, anonymousActor, network.slug, unit.slug, "en");
    expect(page.upcoming.map((r) => r.id)).toEqual([roleId]);
    expect(page.current).toEqual([]);
    // A decided candidacy is not decided again the other way.
    expect((await refusal(decideCandidacy(ctx, await officer.actor(), network.slug, id, { ...decision, decision: "reject", reason: "No" }))).messageKey).toBe("governance.error.candidacyDecided");
    const sent = (await mails()).filter((m) => (m.payload.data as { bodySlug: string }).bodySlug === unit.slug);
    expect(sent.map((m) => [m.payload.to, m.payload.locale]).sort()).toEqual([[city.focal.email, "pt"], [spanishFocal.email, "es"]].sort());
    const pt = sent.find((m) => m.payload.locale === "pt")!;
    const t = createTranslator("pt", catalogs.pt);
    const rendered = renderEmail("pt", candidacyDecisionEmail.content(t, candidacyDecisionEmail.data.parse(pt.payload.data), { locale: "pt", publicUrl: "https://pares.test" }));
    expect(rendered.subject).toBe(`Candidatura aprovada: coordenação de Cultura, ${term.label}`);
    expect(rendered.text).toContain("XXIX Cumbre, resolución 4");
  });

  it("rejected, is kept with the reason; approving one that would break a rule is refused and changes nothing", async () => {
    const { network, city, unit, term, officer } = await world();
    const { id } = await submitCandidacy(ctx, await city.focal.actor(), network.slug, { body: unit.slug, term: term.id, role: "sub_coordinator", statement });
    // Meanwhile the city was given a coordination of the same unit reaching into the next term.
    await assignRole(ctx, await officer.actor(), network.slug, { body: unit.slug, organization: city.org.slug, role: "coordinator", startsOn: day, endsOn: addDays(term.startsOn, 30) });
    const before = await ctx.db.select().from(networkRoles).where(eq(networkRoles.networkId, network.id));
    const outboxBefore = (await mails()).length;
    const error = await refusal(decideCandidacy(ctx, await officer.actor(), network.slug, id, { decision: "approve", decidingBody: "assembly", reference: "Asamblea 2026" }));
    expect(error).toMatchObject({ code: "conflict", rule: "governance.rule.overlappingCoordination", values: { role: "coordinator", from: day } });
    expect(await ctx.db.select().from(networkRoles).where(eq(networkRoles.networkId, network.id))).toEqual(before);
    expect((await candidaciesOf(network.id))[0]!.status).toBe("submitted");
    expect((await mails()).length).toBe(outboxBefore);
    // A city that stopped being an active member cannot be approved either.
    const other = await aMemberCity(ctx.db, network.id, { name: "Asunción" });
    const theirs = await submitCandidacy(ctx, await other.focal.actor(), network.slug, { body: unit.slug, term: term.id, role: "coordinator", statement });
    await aMembership(ctx.db, network.id, other.org.id, "inactive");
    expect((await refusal(decideCandidacy(ctx, await officer.actor(), network.slug, theirs.id, { decision: "approve", decidingBody: "assembly", reference: "Asamblea" }))).rule).toBe("governance.rule.notMember");

    await decideCandidacy(ctx, await officer.actor(), network.slug, id, { decision: "reject", decidingBody: "council", reference: "Consejo, acta 3", reason: "La ciudad ya coordina la unidad." });
    expect((await candidaciesOf(network.id))[0]).toMatchObject({ status: "rejected", decisionReason: "La ciudad ya coordina la unidad.", roleId: null });
    const listed = await listCandidacies(ctx, await city.focal.actor(), network.slug, { status: "rejected" }, "es");
    expect(listed.items).toMatchObject([{ id, decisionReason: "La ciudad ya coordina la unidad.", body: { name: "Cultura" } }]);
  });
});
