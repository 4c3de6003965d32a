import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { memberCity } from "../exchange/testing.ts";
import { refusal, testNetwork, testPerson } from "../networks/testing.ts";
import { answerSeat } from "./answer-seat.ts";
import { applyToTraining } from "./apply-to-training.ts";
import { chooseSummitProjects } from "./choose-summit-projects.ts";
import { endorseEnrolment } from "./endorse-enrolment.ts";
import { giveFeedback } from "./give-feedback.ts";
import { issueCertificates } from "./issue-certificates.ts";
import { publishCall } from "./publish-call.ts";
import { recordAttendance } from "./record-attendance.ts";
import { saveCall } from "./save-call.ts";
import { saveEdition } from "./save-edition.ts";
import { saveTraining } from "./save-training.ts";
import { selectParticipants } from "./select-participants.ts";
import { closeCallIn, testCall } from "./testing.ts";
import { verifyCertificate } from "./verify-certificate.ts";
import { trainingSessions } from "./schema.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

const local = (date: Date) => date.toISOString().slice(0, 16);

describe("a training edition", () => {
  it("admits endorsed applicants within its seats with a waiting list, records attendance and issues certificates anyone can verify", async () => {
    const x = await testCall(ctx.db);
    const training = await saveTraining(ctx, x.secretariat, {
      programme: x.programme.id,
      slug: "escuela-de-resiliencia",
      texts: { es: { name: "Escuela de Resiliencia", description: "Gestión del riesgo de desastres.", covered: "Todo salvo los pasajes internacionales." }, en: { name: "Resilience School", description: "Disaster-risk management.", covered: "Everything but international travel." } },
    });
    const admission = await saveCall(ctx, x.secretariat, {
      programme: x.programme.id,
      slug: "escuela-2027",
      kind: "training_admission",
      texts: { es: { title: "Admisión a la Escuela de Resiliencia 2027", description: "Para funcionarias y funcionarios municipales." } },
      opensAt: local(new Date(Date.now() - 86_400_000)),
      closesAt: local(new Date(Date.now() + 86_400_000)),
      timeZone: "UTC",
      totalBudget: "6000",
      projectCap: "3000",
    });
    await publishCall(ctx, x.secretariat, admission.id);
    // A partner network's members may apply too.
    const partnerNetwork = (await testNetwork(ctx.db, "Red aliada")).network;
    const { id: editionId } = await saveEdition(ctx, x.secretariat, {
      training: training.id,
      call: admission.id,
      label: "2027",
      startsOn: "2027-08-02",
      endsOn: "2027-08-06",
      mode: "hybrid",
      place: "Santa Fe",
      seatsMin: 1,
      seatsMax: 2,
      valuePerParticipant: "3000",
      partnerNetworks: [partnerNetwork.slug],
      mentoringMonths: 3,
      sessions: [1, 2, 3, 4].map((d) => ({ title: `Día ${d}`, startsAt: `2027-08-0${d + 1}T12:00:00Z` })),
    });
    const ally = await memberCity(ctx.db, partnerNetwork.id, "BR", "Bia", "pt");
    const people = [x.lead, x.partnerA, x.partnerB, ally];
    const actors = await Promise.all(people.map((p) => p.person.actor()));
    const applied = [];
    for (const a of actors) applied.push((await applyToTraining(ctx, a, editionId, { motivation: "Quiero formular el plan de riesgo de mi ciudad." })).id);
    expect((await applyToTraining(ctx, actors[0]!, editionId, { motivation: "Otra vez" })).repeated).toBe(true);
    // Someone of an organization outside both networks cannot apply.
    const stranger = await testPerson(ctx.db, { name: "Sin red", organization: { id: (await memberCity(ctx.db, (await testNetwork(ctx.db, "Otra")).network.id, "CL", "X", "es")).org.id, role: "staff" } });
    expect((await refusal(applyToTraining(ctx, await stranger.actor(), editionId, { motivation: "Hola" }))).messageKey).toBe("calls.error.notEligibleForTraining");

    // Each organization's focal point endorses (here the applicants are their organizations' focal points).
    for (const [i, a] of actors.entries()) await endorseEnrolment(ctx, a, applied[i]!);
    expect((await refusal(selectParticipants(ctx, x.secretariat, editionId, { selected: [applied[0]!] }))).messageKey).toBe("calls.error.notClosedYet");
    await closeCallIn(ctx.db, admission.id, -1);
    expect((await refusal(selectParticipants(ctx, x.secretariat, editionId, { selected: applied.slice(0, 3) }))).fieldErrors).toEqual({ selected: ["i18n:calls.validation.tooManySelected"] });
    expect(await selectParticipants(ctx, x.secretariat, editionId, { selected: [applied[0]!, applied[1]!], waitlist: [applied[3]!] })).toEqual({ selected: 2, waitlisted: 1, notSelected: 1 });
    // One declines: the first on the waiting list gets the seat.
    await answerSeat(ctx, actors[0]!, applied[0]!, "confirm");
    expect(await answerSeat(ctx, actors[1]!, applied[1]!, "decline")).toEqual({ status: "declined", promoted: applied[3] });
    await answerSeat(ctx, actors[3]!, applied[3]!, "confirm");
    expect((await refusal(answerSeat(ctx, actors[2]!, applied[2]!, "confirm"))).messageKey).toBe("calls.error.notSelected");

    // Attendance: Lucía at all four sessions, Bia at two (50 %, under the 75 % required).
    const sessions = await ctx.db.select().from(trainingSessions).where(eq(trainingSessions.editionId, editionId)).orderBy(trainingSessions.position);
    for (const [i, s] of sessions.entries()) await recordAttendance(ctx, x.secretariat, s.id, { present: i < 2 ? [applied[0]!, applied[3]!] : [applied[0]!] });
    expect((await refusal(recordAttendance(ctx, actors[0]!, sessions[0]!.id, { present: [] }))).code).toBe("forbidden");
    const result = await issueCertificates(ctx, x.secretariat, editionId);
    expect(result).toEqual({ issued: 1, notEarned: [{ enrolmentId: applied[3], attendedPercent: 50 }] });
    expect((await issueCertificates(ctx, x.secretariat, editionId)).issued).toBe(0);

    const code = (await queryRows<{ code: string }>(ctx.db, sql`select certificate_code as code from enrolments where id = ${applied[0]!}`))[0]!.code;
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const verified = await verifyCertificate(ctx, code.toLowerCase().replace(/-/g, " "), "en");
    expect(verified).toMatchObject({ participant: "Lucía", training: "Resilience School", edition: "2027", startsOn: "2027-08-02" });
    expect((await refusal(verifyCertificate(ctx, "AAAA-BBBB-CCCC", "es"))).code).toBe("not_found");

    await giveFeedback(ctx, actors[0]!, applied[0]!, { overall: 5, usefulness: 4, comments: "Muy útil." });
    expect((await refusal(giveFeedback(ctx, actors[2]!, applied[2]!, { overall: 5, usefulness: 5 }))).messageKey).toBe("calls.error.notInCohort");
    expect(await chooseSummitProjects(ctx, x.secretariat, editionId, { projects: [{ enrolment: applied[0]!, title: "Plan de riesgo hídrico" }] })).toEqual({ chosen: 1 });
    expect((await refusal(chooseSummitProjects(ctx, x.secretariat, editionId, { projects: [{ enrolment: applied[2]!, title: "No" }] }))).fieldErrors).toEqual({ projects: ["i18n:calls.validation.notInCohort"] });
  });
});
