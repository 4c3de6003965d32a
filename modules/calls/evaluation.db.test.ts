import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { refusal, testOrganization, testPerson } from "../networks/testing.ts";
import { answerInvitation } from "./answer-invitation.ts";
import { assignReviewer } from "./assign-reviewer.ts";
import { closeProject } from "./close-project.ts";
import { addMonths } from "./dates.ts";
import { decideExtension } from "./decide-extension.ts";
import { getProgrammeStatistics, statisticsCsv } from "./get-programme-statistics.ts";
import { getProject } from "./get-project.ts";
import { remindReports } from "./remind-reports.ts";
import { requestExtension } from "./request-extension.ts";
import { reviewReport } from "./review-report.ts";
import { submitReport } from "./submit-report.ts";
import { declareConflict } from "./declare-conflict.ts";
import { decideApplication } from "./decide-application.ts";
import { getApplication } from "./get-application.ts";
import { getReview } from "./get-review.ts";
import { invitePartner } from "./invite-partner.ts";
import { publishResults } from "./publish-results.ts";
import { rankApplications } from "./rank-applications.ts";
import { saveApplication } from "./save-application.ts";
import { saveRubric } from "./save-rubric.ts";
import { startApplication } from "./start-application.ts";
import { submitApplication } from "./submit-application.ts";
import { submitReview } from "./submit-review.ts";
import { closeCallIn, testCall } from "./testing.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

/** A call with two submitted applications (the first led by Lucía with Martín and Ana, the second by Martín's city with Ana and Pedro). */
async function submittedCall() {
  const x = await testCall(ctx.db);
  const [lucia, martin, ana, pedro] = await Promise.all([x.lead.person.actor(), x.partnerA.person.actor(), x.partnerB.person.actor(), x.outsider.person.actor()]);
  const submit = async (leader: typeof lucia, leadOrg: string, partners: [typeof lucia, string][], requested: string) => {
    const { id } = await startApplication(ctx, leader, { call: x.callId, title: `Proyecto ${requested}` });
    for (const [, slug] of partners) await invitePartner(ctx, leader, id, { organization: slug });
    for (const [who] of partners) await answerInvitation(ctx, who, id, { answer: "confirm" });
    await saveApplication(ctx, leader, id, {
      revision: 1,
      title: `Proyecto ${requested}`,
      language: "es",
      content: { summary: "Resumen", objectives: "Objetivos", activities: [], expectedResults: "Resultados", indicators: [] },
      budget: [{ organization: leadOrg, description: "Viajes", requested, counterpartCash: requested }],
    });
    await submitApplication(ctx, leader, id);
    return id;
  };
  const first = await submit(lucia, x.lead.org.id, [[martin, x.partnerA.org.slug], [ana, x.partnerB.org.slug]], "10000");
  const second = await submit(martin, x.partnerA.org.id, [[ana, x.partnerB.org.slug], [pedro, x.outsider.org.slug]], "9000");
  await saveRubric(ctx, x.secretariat, x.callId, {
    criteria: [
      { texts: { es: { name: "Pertinencia", guidance: "¿Responde a los temas priorizados?" }, en: { name: "Relevance", guidance: "Does it answer the priority themes?" } }, weight: 60, scaleMax: 5 },
      { texts: { es: { name: "Viabilidad", guidance: "¿Es realista el plan?" } }, weight: 40, scaleMax: 10 },
    ],
  });
  return { x, lucia, martin, ana, first, second };
}

/** A reviewer from a country not involved (Chile), in an organization of their own. */
async function reviewer(name: string) {
  const org = await testOrganization(ctx.db, `Universidad ${name}`, "CL");
  return testPerson(ctx.db, { name, locale: "es", organization: { id: org.id, role: "staff" } });
}

describe("evaluating a call", () => {
  it("excludes conflicted reviewers, keeps scores from applicants and from other reviewers until they submit, ranks, selects within budget and publishes", async () => {
    const { x, lucia, ana, first, second } = await submittedCall();
    // A person of a partner organization, or of a country involved, is excluded automatically.
    expect((await refusal(assignReviewer(ctx, x.secretariat, first, { reviewer: x.partnerB.person.email }))).fieldErrors).toEqual({ reviewer: ["i18n:calls.validation.conflictOrganization"] });
    const argentine = await testPerson(ctx.db, { name: "Ariel", organization: { id: (await testOrganization(ctx.db, "ONG porteña", "AR")).id, role: "staff" } });
    expect((await refusal(assignReviewer(ctx, x.secretariat, first, { reviewer: argentine.email }))).fieldErrors).toEqual({ reviewer: ["i18n:calls.validation.conflictCountry"] });
    // Applicants cannot assign reviewers, nor rank.
    expect((await refusal(assignReviewer(ctx, lucia, first, { reviewer: argentine.email }))).code).toBe("forbidden");
    expect((await refusal(rankApplications(ctx, lucia, x.callId))).code).toBe("forbidden");

    const [rosa, tomas] = [await reviewer("Rosa"), await reviewer("Tomás")];
    const [r1, r2] = [await assignReviewer(ctx, x.secretariat, first, { reviewer: rosa.email }), await assignReviewer(ctx, x.secretariat, first, { reviewer: tomas.email })];
    const r3 = await assignReviewer(ctx, x.secretariat, second, { reviewer: rosa.email });
    const [rosaActor, tomasActor] = [await rosa.actor(), await tomas.actor()];
    // Declaring no conflict comes first; scoring waits for the close.
    const review = await getReview(ctx, rosaActor, r1.id, "en");
    const scores = (a: number, b: number) => ({ scores: [{ criterion: review.criteria[0]!.id, score: a, comment: "" }, { criterion: review.criteria[1]!.id, score: b, comment: "" }], comment: "Interno", feedback: "Buen enfoque regional." });
    expect((await refusal(submitReview(ctx, rosaActor, r1.id, scores(5, 10)))).messageKey).toBe("calls.error.declareFirst");
    await declareConflict(ctx, rosaActor, r1.id, { conflict: false });
    await declareConflict(ctx, tomasActor, r2.id, { conflict: false });
    await declareConflict(ctx, rosaActor, r3.id, { conflict: false });
    expect((await refusal(submitReview(ctx, rosaActor, r1.id, scores(5, 10)))).messageKey).toBe("calls.error.notClosedYet");
    await closeCallIn(ctx.db, x.callId, -1);
    expect((await refusal(submitReview(ctx, rosaActor, r1.id, { ...scores(5, 10), scores: [scores(6, 1).scores[0]!] }))).fieldErrors).toMatchObject({ "scores.0.score": ["i18n:calls.validation.score"], "scores.1.score": ["i18n:validation.required"] });
    expect(await submitReview(ctx, rosaActor, r1.id, scores(5, 10))).toEqual({ total: 100, repeated: false });
    // Tomás does not see Rosa's score before submitting his own; then he does, without her name.
    expect((await getReview(ctx, tomasActor, r2.id, "es")).others).toEqual([]);
    expect((await submitReview(ctx, tomasActor, r2.id, scores(3, 5))).total).toBe(56);
    expect((await getReview(ctx, tomasActor, r2.id, "es")).others).toEqual([{ reviewer: 1, total: 100 }]);
    // Reviews are their reviewer's and the secretariat's only.
    expect((await refusal(getReview(ctx, tomasActor, r1.id, "es"))).code).toBe("not_found");
    expect((await refusal(getReview(ctx, lucia, r1.id, "es"))).code).toBe("not_found");
    await submitReview(ctx, rosaActor, r3.id, scores(2, 4));

    const ranking = await rankApplications(ctx, x.secretariat, x.callId);
    expect(ranking.applications.map((a) => [a.id, a.score, a.spread, a.reviewsSubmitted])).toEqual([
      [first, 78, 44, 2],
      [second, 40, 0, 1],
    ]);
    expect(ranking.remainingCents).toBe(10_000_000);
    // Within the budget: the call has USD 100,000; an award over the amount requested is refused.
    expect((await refusal(decideApplication(ctx, x.secretariat, first, { decision: "awarded", amount: "10000.01", reasons: "Mejor puntuada." }))).fieldErrors).toEqual({ amount: ["i18n:calls.validation.awardOverRequested"] });
    expect((await decideApplication(ctx, x.secretariat, first, { decision: "awarded", amount: "10000", reasons: "Mejor puntuada y con impacto regional." })).remainingCents).toBe(9_000_000);
    expect((await refusal(publishResults(ctx, x.secretariat, x.callId))).messageKey).toBe("calls.error.undecided");
    await decideApplication(ctx, x.secretariat, second, { decision: "not_awarded", reasons: "Puntuación insuficiente." });
    expect(await publishResults(ctx, x.secretariat, x.callId)).toEqual({ awarded: 1, notAwarded: 1 });

    // The applicant reads the decision and its reasons; never a score, a reviewer or a comment for the secretariat.
    const seen = await getApplication(ctx, ana, first, "pt");
    expect(seen.decision).toEqual({ decision: "awarded", awardedCents: 1_000_000, reasons: "Mejor puntuada y con impacto regional.", feedback: [] });
    const serialized = JSON.stringify(await getApplication(ctx, lucia, first, "es"));
    for (const secret of ["Interno", rosa.id, tomas.id, "Rosa", "Tomás", "\"total\"", "\"score\""]) expect(serialized).not.toContain(secret);
  });

  it("turns an awarded application into a project: reports against the budget, an extension within the call's months, closure, reminders and the programme's figures", async () => {
    const { x, lucia, first, second } = await submittedCall();
    const rosa = await reviewer("Rosa");
    for (const id of [first, second]) {
      const { id: reviewId } = await assignReviewer(ctx, x.secretariat, id, { reviewer: rosa.email });
      await declareConflict(ctx, await rosa.actor(), reviewId, { conflict: false });
    }
    await closeCallIn(ctx.db, x.callId, -1);
    await decideApplication(ctx, x.secretariat, first, { decision: "awarded", amount: "8000", reasons: "Seleccionada." });
    await decideApplication(ctx, x.secretariat, second, { decision: "not_awarded", reasons: "No seleccionada." });
    await publishResults(ctx, x.secretariat, x.callId);
    const projectId = (await queryRows<{ id: string }>(ctx.db, sql`select id from projects where application_id = ${first}`))[0]?.id;
    expect(await queryRows(ctx.db, sql`select count(*)::int as n from projects where application_id = ${second}`)).toEqual([{ n: 0 }]);

    let project = await getProject(ctx, lucia, projectId!);
    expect(project.reports.map((r) => [r.kind, r.status])).toEqual([["interim", "due"], ["final", "due"]]);
    expect(project.awardedCents).toBe(800_000);
    expect(project.canReport).toBe(true);
    expect(project.canSupervise).toBe(false);
    // The report's expenses are set against the budget, per organization.
    await submitReport(ctx, lucia, projectId!, "interim", { narrative: "Primer taller realizado.", expenses: [{ organization: x.lead.org.id, description: "Pasajes", funded: "3000", counterpartCash: "2000" }] });
    expect((await refusal(submitReport(ctx, lucia, projectId!, "interim", { narrative: "Otra vez" }))).messageKey).toBe("calls.error.reportNotDue");
    expect((await refusal(reviewReport(ctx, lucia, projectId!, "interim", { accept: true }))).code).toBe("forbidden");
    await reviewReport(ctx, x.secretariat, projectId!, "interim", { accept: true });
    project = await getProject(ctx, x.secretariat, projectId!);
    expect(project.budget[0]).toMatchObject({ organization: x.lead.org.id, plannedFundedCents: 1_000_000, plannedCounterpartCents: 1_000_000, spentFundedCents: 300_000, spentCounterpartCents: 200_000 });

    // Extensions: 6 months in all.
    const { id: extensionId } = await requestExtension(ctx, lucia, projectId!, { months: 4, reason: "Las lluvias retrasaron las obras." });
    expect((await refusal(requestExtension(ctx, lucia, projectId!, { months: 1, reason: "Otra" }))).messageKey).toBe("calls.error.extensionPending");
    const approved = await decideExtension(ctx, x.secretariat, projectId!, extensionId, { approve: true });
    expect(approved.endsOn).toBe(addMonths(project.endsOn, 4));
    expect((await refusal(requestExtension(ctx, lucia, projectId!, { months: 3, reason: "Más lluvias." }))).fieldErrors).toEqual({ months: ["i18n:calls.validation.extensionTooLong"] });

    // The final report is reminded two weeks before it is due, once.
    const finalDue = (await getProject(ctx, lucia, projectId!)).reports.find((r) => r.kind === "final")!.dueOn;
    expect(finalDue).toBe(addMonths(approved.endsOn, 1));
    const reminded = async () => (await queryRows<{ at: Date | null }>(ctx.db, sql`select reminded_at as at from project_reports where project_id = ${projectId} and kind = 'final'`))[0]!.at;
    await remindReports(ctx.db, addMonths(finalDue, -1));
    expect(await reminded()).toBeNull();
    expect((await remindReports(ctx.db, finalDue)).reportReminders).toBeGreaterThan(0);
    expect(await reminded()).not.toBeNull();
    expect((await remindReports(ctx.db, finalDue)).reportReminders).toBe(0);

    expect((await refusal(closeProject(ctx, x.secretariat, projectId!))).messageKey).toBe("calls.error.finalReportMissing");
    await submitReport(ctx, lucia, projectId!, "final", { narrative: "Treinta huertas funcionando.", expenses: [{ organization: x.lead.org.id, description: "Todo", funded: "8000", counterpartCash: "9000" }] });
    await reviewReport(ctx, x.secretariat, projectId!, "final", { accept: true });
    expect(await closeProject(ctx, x.secretariat, projectId!, { note: "Cumplido." })).toEqual({ status: "closed" });
    expect(await closeProject(ctx, x.secretariat, projectId!)).toEqual({ status: "closed" });

    // The programme's figures are computed from the published results.
    const stats = await getProgrammeStatistics(ctx, x.network.slug, "cooperacion-sur-sur");
    expect(stats).toMatchObject({ projects: 1, awardedCents: 800_000, counterpartCents: 1_000_000, cities: 3, organizations: 3 });
    expect(stats.byCountry).toEqual([{ key: "AR", projects: 1, awardedCents: 800_000 }]);
    expect(statisticsCsv(stats)).toContain("country,AR,1,8000.00,USD");
  });
});
