import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { refusal } from "../networks/testing.ts";
import { drainOutbox, mailbox } from "../notifications/testing.ts";
import { answerInvitation } from "./answer-invitation.ts";
import { getApplication } from "./get-application.ts";
import { invitePartner } from "./invite-partner.ts";
import { saveApplication } from "./save-application.ts";
import type { SaveApplicationInput } from "./inputs.ts";
import { startApplication } from "./start-application.ts";
import { submitApplication } from "./submit-application.ts";
import { closeCallIn, testCall } from "./testing.ts";
import { withdrawApplication } from "./withdraw-application.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

const draft = (revision: number, lead: string, partner: string, requested = "7000", counterpart = "7500"): SaveApplicationInput => ({
  revision,
  title: "Huertas urbanas en tres ciudades",
  language: "es",
  modality: "technical_assistance",
  themeIds: ["food-security"],
  sdgGoals: [2, 11],
  content: {
    summary: "Intercambio técnico sobre huertas comunitarias.",
    objectives: "Crear diez huertas por ciudad.",
    activities: [{ title: "Taller en Montevideo", startsOn: "2027-05-01", endsOn: "2027-05-03", description: "Tres días de taller." }],
    expectedResults: "Treinta huertas.",
    indicators: ["Huertas creadas", ""],
  },
  budget: [
    { organization: lead, description: "Viajes de técnicos", requested, counterpartCash: "2500" },
    { organization: partner, description: "Horas de técnicos", counterpartInKind: String(Number(counterpart) - 2500) },
  ],
});

describe("applying to a call", () => {
  it("drafts with two partners who confirm, checks every rule, submits exactly once with a receipt, and freezes it", async () => {
    const x = await testCall(ctx.db);
    const [lucia, martin, ana] = await Promise.all([x.lead.person.actor(), x.partnerA.person.actor(), x.partnerB.person.actor()]);
    const started = await startApplication(ctx, lucia, { call: x.callId, title: "Huertas urbanas", idempotencyKey: "start-huertas-1" });
    expect(await startApplication(ctx, lucia, { call: x.callId, title: "Huertas urbanas", idempotencyKey: "start-huertas-1" })).toEqual({ id: started.id, repeated: true });
    // One lead proposal per call.
    expect((await refusal(startApplication(ctx, lucia, { call: x.callId, title: "Otra" }))).messageKey).toBe("calls.error.alreadyLeads");

    await invitePartner(ctx, lucia, started.id, { organization: x.partnerA.org.slug });
    await invitePartner(ctx, lucia, started.id, { organization: x.partnerB.org.slug });
    const saved = await saveApplication(ctx, lucia, started.id, draft(1, x.lead.org.id, x.partnerA.org.id));
    expect(saved).toEqual({ revision: 2 });
    // A second person saving from the revision they read (1) loses nothing: refused.
    expect((await refusal(saveApplication(ctx, lucia, started.id, draft(1, x.lead.org.id, x.partnerA.org.id)))).messageKey).toBe("calls.error.staleRevision");

    // Before the partners confirm, the checklist says what is missing and submitting is refused.
    let view = await getApplication(ctx, lucia, started.id, "en");
    expect(view.checklist.filter((c) => !c.passed).map((c) => c.rule)).toEqual(["partnersConfirmed", "minPartners", "minCountries"]);
    expect(view.checklist.find((c) => c.rule === "partnersConfirmed")!.message).toMatch(/^2 partners have not confirmed yet/);
    const early = await refusal(submitApplication(ctx, lucia, started.id));
    expect(early.code).toBe("invalid");
    expect(Object.keys(early.fieldErrors ?? {})).toContain("eligibility.partnersConfirmed");

    // Partners confirm from their own accounts; the lead's people hear of it.
    await answerInvitation(ctx, martin, started.id, { answer: "confirm" });
    await answerInvitation(ctx, ana, started.id, { answer: "confirm" });
    view = await getApplication(ctx, ana, started.id, "pt");
    expect(view.checklist.every((c) => c.passed)).toBe(true);
    expect(view.editable).toBe(false);
    expect(view.totals).toEqual({ requestedCents: 700_000, counterpartCashCents: 250_000, counterpartInKindCents: 500_000 });

    // Pressed twice at once: one submission, one receipt.
    const [a, b] = await Promise.all([submitApplication(ctx, lucia, started.id, { idempotencyKey: "submit-huertas" }), submitApplication(ctx, lucia, started.id, { idempotencyKey: "submit-huertas" })]);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.hash).toBe(a.hash);
    expect([a.repeated, b.repeated].sort()).toEqual([false, true]);
    const [row] = await queryRows<{ status: string; receipts: number }>(
      ctx.db,
      sql`select status, (select count(*) from outbox where idempotency_key like ${`fanout:calls.submitted:${started.id}:%`})::int as receipts from applications where id = ${started.id}`,
    );
    expect(row).toEqual({ status: "submitted", receipts: 1 });
    // Frozen: no more saving.
    expect((await refusal(saveApplication(ctx, lucia, started.id, draft(2, x.lead.org.id, x.partnerA.org.id)))).code).toBe("forbidden");
    // The receipt reaches the lead's and the partners' people, with the fingerprint.
    await drainOutbox(ctx.db);
    const receipt = (await mailbox(ctx.db, x.partnerB.person.email)).find((m) => m.subject.startsWith("Comprovante"));
    expect(receipt?.text).toContain(a.hash);
    expect((await mailbox(ctx.db, x.lead.person.email)).some((m) => m.subject.includes("Comprobante"))).toBe(true);
  });

  it("refuses a rule broken on the budget with the figures, and a submission one second late", async () => {
    const x = await testCall(ctx.db);
    const [lucia, martin, ana] = await Promise.all([x.lead.person.actor(), x.partnerA.person.actor(), x.partnerB.person.actor()]);
    const { id } = await startApplication(ctx, lucia, { call: x.callId, title: "Movilidad" });
    await invitePartner(ctx, lucia, id, { organization: x.partnerA.org.slug });
    await invitePartner(ctx, lucia, id, { organization: x.partnerB.org.slug });
    await answerInvitation(ctx, martin, id, { answer: "confirm" });
    await answerInvitation(ctx, ana, id, { answer: "confirm" });
    // USD 12,000 asked: over the cap; and more than half of the cost.
    await saveApplication(ctx, lucia, id, draft(1, x.lead.org.id, x.partnerA.org.id, "12000", "9000"));
    const failing = (await getApplication(ctx, lucia, id, "es")).checklist.filter((c) => !c.passed);
    expect(failing.map((c) => c.rule)).toEqual(["cap", "fundedShare"]);
    expect(failing[0]!.message).toMatch(/supera el tope de 10\.000,00/);
    await saveApplication(ctx, lucia, id, draft(2, x.lead.org.id, x.partnerA.org.id, "10000", "10000"));
    await closeCallIn(ctx.db, x.callId, -1);
    expect((await refusal(submitApplication(ctx, lucia, id))).messageKey).toBe("calls.error.closed");
    await closeCallIn(ctx.db, x.callId, 60);
    expect((await submitApplication(ctx, lucia, id)).repeated).toBe(false);
    // Withdrawn before the close, the city may lead another proposal.
    expect(await withdrawApplication(ctx, lucia, id)).toEqual({ status: "withdrawn" });
    expect((await startApplication(ctx, lucia, { call: x.callId, title: "Movilidad, segunda versión" })).repeated).toBe(false);
  });

  it("shows an application only to its lead, its partners and, once submitted, the secretariat", async () => {
    const x = await testCall(ctx.db);
    const [lucia, martin, pedro] = await Promise.all([x.lead.person.actor(), x.partnerA.person.actor(), x.outsider.person.actor()]);
    const { id } = await startApplication(ctx, lucia, { call: x.callId, title: "Residuos" });
    await invitePartner(ctx, lucia, id, { organization: x.partnerA.org.slug });
    expect((await getApplication(ctx, martin, id, "es")).title).toBe("Residuos");
    expect((await refusal(getApplication(ctx, pedro, id, "es"))).code).toBe("not_found");
    expect((await refusal(getApplication(ctx, x.secretariat, id, "es"))).code).toBe("not_found");
    // A partner may not edit, nor answer for another organization.
    expect((await refusal(saveApplication(ctx, martin, id, draft(1, x.lead.org.id, x.partnerA.org.id)))).code).toBe("forbidden");
    expect((await refusal(answerInvitation(ctx, pedro, id, { answer: "confirm" }))).code).toBe("not_found");
  });
});
