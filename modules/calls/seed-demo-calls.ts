// The demo South–South Cooperation Programme of Mercociudades (demo-calls.ts): the 2017 call
// (cap USD 7,000) closed, its awarded projects reported and closed; the 2018 call (cap USD 10,000)
// in evaluation, with reviews in progress; the current call open, with Porto Alegre's draft; and
// the Resilience School's 2026 edition with its cohort, attendance and certificates. The past is
// written as the use cases would have left it (they refuse to act in the past: deadlines are
// checked by the clock). Idempotent: nothing is added when the programme exists.
import { createHash, randomUUID } from "node:crypto";
import canonicalize from "canonicalize";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { networks } from "../networks/schema.ts";
import { demoNetworkSlug } from "../networks/seed-demo-network.ts";
import { ensureTeamPeople } from "../networks/seed-demo-sources.ts";
import { users } from "../accounts/schema.ts";
import { organizations } from "../organizations/schema.ts";
import { type DemoApplication, demo2017, demo2018, demoCriteria, demoCurrentDraft, demoProgramme } from "./demo-calls.ts";
import { certificateCode } from "./issue-certificates.ts";
import { weightedTotal } from "./submit-review.ts";
import {
  applicationBudgetLines,
  applicationDecisions,
  applicationPartners,
  applications,
  attendance,
  callCriteria,
  calls,
  enrolments,
  milestones,
  programmes,
  projectReports,
  projects,
  reviews,
  reviewScores,
  trainingEditions,
  trainingSessions,
  trainings,
} from "./schema.ts";

const southAmericanKinds = ["local_government", "second_level_government", "civil_society", "university"] as const;
const rules = { leadMustBeMember: true, leadKinds: ["local_government" as const], oneLeadPerCall: true, minPartners: 1, minCountries: 2, partnerKinds: [...southAmericanKinds] };
const at = (iso: string) => new Date(iso);
const usd = (n: number) => n * 100;

const reviewerPeople = [
  { name: "Renata Duarte", email: "renata.duarte@evaluacion.mercociudades.example", locale: "pt" as const, position: "Evaluadora externa del Programa Sur Sur" },
  { name: "Jorge Medina", email: "jorge.medina@evaluacion.mercociudades.example", locale: "es" as const, position: "Evaluador externo del Programa Sur Sur" },
];

const cohort = [
  { name: "Paula Ibarra", email: "paula.ibarra@santafe.example", locale: "es" as const, position: "Gestión de riesgos", city: "santa-fe" },
  { name: "Rodrigo Lemos", email: "rodrigo.lemos@niteroi.example", locale: "pt" as const, position: "Defesa Civil", city: "niteroi" },
  { name: "Carolina Vera", email: "carolina.vera@valparaiso.example", locale: "es" as const, position: "Oficina de Resiliencia", city: "valparaiso" },
  { name: "Miguel Quispe", email: "miguel.quispe@arequipa.example", locale: "es" as const, position: "Planeamiento urbano", city: "arequipa" },
  { name: "Fernanda Rocha", email: "fernanda.rocha@campinas.example", locale: "pt" as const, position: "Meio Ambiente", city: "campinas" },
];

export async function seedDemoCalls(db: Database): Promise<string[]> {
  return db.transaction(async (tx) => {
    const [network] = await tx.select({ id: networks.id }).from(networks).where(eq(networks.slug, demoNetworkSlug));
    if (!network) return [];
    const [existing] = await tx.select({ id: programmes.id }).from(programmes).where(and(eq(programmes.networkId, network.id), eq(programmes.slug, demoProgramme.slug)));
    if (existing) return [];
    const slugs = [...new Set([...demo2017, ...demo2018, demoCurrentDraft].flatMap((a) => [a.lead, ...a.partners]).concat(cohort.map((c) => c.city)))];
    const orgRows = await tx.select({ id: organizations.id, slug: organizations.slug, name: organizations.name }).from(organizations).where(inArray(organizations.slug, slugs));
    const org = new Map(orgRows.map((o) => [o.slug, o]));
    if (slugs.some((s) => !org.has(s))) return []; // the demo network's cities are not all there (a partial seed)
    const secretariatPerson = (await tx.select({ id: users.id }).from(users).where(eq(users.email, "secretaria@mercociudades.example")))[0]?.id ?? null;
    const [programme] = await tx.insert(programmes).values({ networkId: network.id, slug: demoProgramme.slug, originalLanguage: "es", texts: demoProgramme.texts, demo: true }).returning({ id: programmes.id });

    const call = async (slug: string, values: { year: string; opens: string; closes: string; cap: number; budget: number; status: "published" | "evaluation" | "decided"; results?: string; kind?: "project_funding" | "training_admission"; texts?: Record<string, { title: string; description: string }> }) => {
      const [row] = await tx
        .insert(calls)
        .values({
          programmeId: programme!.id,
          slug,
          kind: values.kind ?? "project_funding",
          status: values.status,
          originalLanguage: "es",
          texts: values.texts ?? {
            es: { title: `Convocatoria ${values.year} de proyectos de cooperación Sur Sur`, description: `Financiamiento de iniciativas de cooperación entre ciudades miembro, con gobiernos de segundo nivel, organizaciones de la sociedad civil e instituciones académicas de América del Sur. Hasta USD ${values.cap.toLocaleString("es")} por proyecto; el programa financia como máximo el 50 % del costo total.` },
            pt: { title: `Chamada ${values.year} de projetos de cooperação Sul-Sul`, description: `Financiamento de iniciativas de cooperação entre cidades membro, com governos de segundo nível, organizações da sociedade civil e instituições acadêmicas da América do Sul. Até USD ${values.cap.toLocaleString("pt")} por projeto; o programa financia no máximo 50 % do custo total.` },
            en: { title: `${values.year} call for South–South cooperation projects`, description: `Funding for cooperation initiatives among member cities, with second-level governments, civil-society organisations and academic institutions of South America. Up to USD ${values.cap.toLocaleString("en")} per project; the programme funds at most 50% of the total cost.` },
          },
          themeIds: [],
          opensAt: at(values.opens),
          closesAt: at(values.closes),
          timeZone: "America/Montevideo",
          totalBudgetCents: usd(values.budget),
          projectCapCents: usd(values.cap),
          rules,
          feedbackToApplicants: true,
          resultsPublishedAt: values.results ? at(values.results) : null,
          demo: true,
          createdBy: secretariatPerson,
        })
        .returning({ id: calls.id });
      return row!.id;
    };
    const c2017 = await call("convocatoria-2017", { year: "2017", opens: "2017-04-03T12:00:00Z", closes: "2017-07-01T02:59:59Z", cap: 7000, budget: 35000, status: "decided", results: "2017-09-15T15:00:00Z" });
    const c2018 = await call("convocatoria-2018", { year: "2018", opens: "2018-03-05T12:00:00Z", closes: "2018-06-30T02:59:59Z", cap: 10000, budget: 60000, status: "evaluation" });
    const current = await call("convocatoria-2027", { year: "2027", opens: "2026-11-02T12:00:00Z", closes: "2027-03-01T02:59:59Z", cap: 10000, budget: 80000, status: "published" });

    // External reviewers: people of no organization of the network (no conflict of interest with any city).
    await tx
      .insert(users)
      .values(reviewerPeople.map((p) => ({ id: randomUUID(), name: p.name, email: p.email, emailVerified: true, locale: p.locale, position: p.position, languages: [p.locale] })))
      .onConflictDoNothing();
    const reviewerRows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, reviewerPeople.map((p) => p.email)));
    const reviewersOf = reviewerPeople.map((p) => reviewerRows.find((r) => r.email === p.email)!.id);
    for (const callId of [c2017, c2018]) {
      await tx.insert(callCriteria).values(demoCriteria.map((c, position) => ({ callId, position, texts: { es: c.es, pt: c.pt, en: c.en }, weight: c.weight, scaleMax: 5 })));
    }

    const write = async (callId: string, a: DemoApplication, status: "draft" | "submitted" | "awarded" | "not_awarded", submittedAt: string | null, year: number) => {
      const lead = org.get(a.lead)!;
      const content = { summary: a.summary, objectives: a.summary, activities: [{ title: a.title, startsOn: `${year}-09-01`, endsOn: `${year + 1}-06-30`, description: a.summary }], expectedResults: "", indicators: [] };
      const partners = a.partners.map((s) => org.get(s)!);
      const snapshot = { call: callId, lead: { id: lead.id, name: lead.name }, partners: partners.map((p) => ({ id: p.id, name: p.name })), title: a.title, content };
      const [row] = await tx
        .insert(applications)
        .values({
          callId,
          leadOrganizationId: lead.id,
          status,
          language: a.lead.startsWith("prefeitura") ? "pt" : "es",
          title: a.title,
          modality: a.modality,
          themeIds: a.themeIds,
          sdgGoals: a.sdgGoals,
          content,
          demo: true,
          ...(submittedAt ? { submittedAt: at(submittedAt), submittedContent: snapshot, submissionHash: createHash("sha256").update(canonicalize(snapshot)!).digest("hex") } : {}),
        })
        .returning({ id: applications.id });
      const id = row!.id;
      await tx.insert(applicationPartners).values(
        partners.map((p, i) => ({ applicationId: id, organizationId: p.id, status: status === "draft" && i > 0 ? ("invited" as const) : ("confirmed" as const), answeredAt: status === "draft" && i > 0 ? null : at(submittedAt ?? "2026-11-20T12:00:00Z") })),
      );
      await tx.insert(applicationBudgetLines).values([
        { applicationId: id, position: 0, organizationId: lead.id, description: "Pasajes y viáticos de los equipos técnicos", requestedCents: usd(a.requested), counterpartCashCents: usd(a.cash) },
        { applicationId: id, position: 1, organizationId: partners[0]!.id, description: "Horas de trabajo de los equipos técnicos", counterpartInKindCents: usd(a.inKind) },
      ]);
      return id;
    };

    const criteria = async (callId: string) => tx.select().from(callCriteria).where(eq(callCriteria.callId, callId)).orderBy(callCriteria.position);
    const review = async (callId: string, applicationId: string, scores: [number, number, number][] | undefined, submittedAt: string) => {
      const list = await criteria(callId);
      for (const [i, reviewerId] of reviewersOf.entries()) {
        const s = scores?.[i];
        const total = s ? weightedTotal(list, new Map(list.map((c, j) => [c.id, s[j]!]))) : null;
        const [r] = await tx
          .insert(reviews)
          .values({ applicationId, reviewerId, status: s ? "submitted" : "declared", assignedBy: secretariatPerson, declaredAt: at(submittedAt), total, submittedAt: s ? at(submittedAt) : null, feedback: s ? "Propuesta clara; fortalecer los indicadores de resultado." : null })
          .returning({ id: reviews.id });
        if (s) await tx.insert(reviewScores).values(list.map((c, j) => ({ reviewId: r!.id, criterionId: c.id, score: s[j]! })));
      }
    };

    let funded = 0;
    for (const a of demo2017) {
      const awarded = a.decision?.awarded ?? null;
      const id = await write(c2017, a, awarded ? "awarded" : "not_awarded", "2017-06-28T18:00:00Z", 2017);
      await review(c2017, id, a.scores, "2017-08-10T15:00:00Z");
      await tx.insert(applicationDecisions).values({ applicationId: id, decision: awarded ? "awarded" : "not_awarded", awardedCents: usd(awarded ?? 0), reasons: a.decision!.reasons, decidedBy: secretariatPerson, decidedAt: at("2017-09-10T15:00:00Z") });
      if (!awarded) continue;
      funded++;
      const [project] = await tx
        .insert(projects)
        .values({ applicationId: id, status: "closed", startsOn: "2017-09-15", endsOn: "2018-09-15", closedAt: at("2018-11-05T15:00:00Z"), closedBy: secretariatPerson, closingNote: "Objetivos cumplidos; informe final aceptado." })
        .returning({ id: projects.id });
      await tx.insert(milestones).values({ projectId: project!.id, position: 0, title: a.title, dueOn: "2018-06-30", doneOn: "2018-06-20" });
      const lead = org.get(a.lead)!.id;
      const partner = org.get(a.partners[0]!)!.id;
      const expenses = (share: number) => [
        { organization: lead, description: "Pasajes y viáticos", fundedCents: Math.round(usd(awarded) * share), counterpartCashCents: Math.round(usd(a.cash) * share), counterpartInKindCents: 0 },
        { organization: partner, description: "Horas de trabajo", fundedCents: 0, counterpartCashCents: 0, counterpartInKindCents: Math.round(usd(a.inKind) * share) },
      ];
      await tx.insert(projectReports).values([
        { projectId: project!.id, kind: "interim", dueOn: "2018-03-15", status: "accepted", narrative: "Primera misión técnica y taller realizados.", expenses: expenses(0.5), submittedAt: at("2018-03-10T15:00:00Z"), acceptedAt: at("2018-03-20T15:00:00Z") },
        { projectId: project!.id, kind: "final", dueOn: "2018-10-15", status: "accepted", narrative: "Actividades completadas; guía publicada y presentada en la Cumbre.", expenses: expenses(1), submittedAt: at("2018-10-10T15:00:00Z"), acceptedAt: at("2018-10-30T15:00:00Z") },
      ]);
    }
    for (const a of demo2018) {
      const id = await write(c2018, a, "submitted", "2018-06-27T20:00:00Z", 2018);
      await review(c2018, id, a.scores, "2018-07-20T15:00:00Z");
    }
    await write(current, demoCurrentDraft, "draft", null, 2027);

    // The Resilience School, 2026 edition: admission closed, cohort confirmed, attendance taken, certificates issued.
    const admission = await call("escuela-de-resiliencia-2026", {
      year: "2026",
      opens: "2026-08-03T12:00:00Z",
      closes: "2026-09-30T02:59:59Z",
      cap: 3000,
      budget: 75000,
      status: "decided",
      kind: "training_admission",
      texts: {
        es: { title: "Admisión a la Escuela de Resiliencia 2026", description: "Formación para gobiernos locales en gestión del riesgo de desastres y política pública de resiliencia urbana. Entre 20 y 25 participantes." },
        pt: { title: "Admissão à Escola de Resiliência 2026", description: "Formação para governos locais em gestão do risco de desastres e política pública de resiliência urbana. Entre 20 e 25 participantes." },
        en: { title: "Admission to the 2026 Resilience School", description: "Training for local governments in disaster-risk management and urban resilience policy. 20 to 25 participants." },
      },
    });
    const [school] = await tx
      .insert(trainings)
      .values({
        programmeId: programme!.id,
        slug: "escuela-de-resiliencia",
        originalLanguage: "es",
        demo: true,
        texts: {
          es: { name: "Escuela de Resiliencia", description: "Un espacio para gobiernos locales que desean crear una política pública de resiliencia urbana capaz de anticipar y mitigar los riesgos de su territorio.", covered: "Todos los gastos pagos; en la mayoría de las ediciones también el pasaje internacional." },
          pt: { name: "Escola de Resiliência", description: "Um espaço para governos locais que desejam criar uma política pública de resiliência urbana capaz de antecipar e mitigar os riscos do seu território.", covered: "Todas as despesas pagas; na maioria das edições também a passagem internacional." },
          en: { name: "Resilience School", description: "For local governments that want to build an urban resilience policy able to anticipate and mitigate their territory's risks.", covered: "All expenses paid; in most editions the international flight too." },
        },
      })
      .returning({ id: trainings.id });
    const [edition] = await tx
      .insert(trainingEditions)
      .values({ trainingId: school!.id, callId: admission, label: "2026", startsOn: "2026-11-16", endsOn: "2026-11-20", mode: "hybrid", place: "Santa Fe", seatsMin: 20, seatsMax: 25, valuePerParticipantCents: usd(3000), mentoringMonths: 3, attendanceRequiredPercent: 75 })
      .returning({ id: trainingEditions.id });
    const sessions = await tx
      .insert(trainingSessions)
      .values([1, 2, 3, 4, 5].map((d, position) => ({ editionId: edition!.id, position, title: ["Riesgo y territorio", "Diagnóstico de vulnerabilidades", "Sistemas de alerta temprana", "Financiamiento de la resiliencia", "Hoja de ruta de cada ciudad"][position]!, startsAt: at(`2026-11-${15 + d}T12:00:00Z`) })))
      .returning({ id: trainingSessions.id });
    const { ids: cohortIds } = await ensureTeamPeople(tx, cohort.map((c) => ({ person: c, organizationId: org.get(c.city)!.id })));
    const lucia = (await tx.select({ id: users.id }).from(users).where(eq(users.email, "lucia.fernandez@buenosaires.example")))[0]?.id;
    const participants = [...cohort.map((c) => ({ userId: cohortIds.get(c.email)!, organizationId: org.get(c.city)!.id })), ...(lucia ? [{ userId: lucia, organizationId: org.get("gobierno-de-la-ciudad-de-buenos-aires")!.id }] : [])];
    for (const [i, p] of participants.entries()) {
      const attended = i === 1 ? 3 : 5; // one participant missed two days: 60 %, no certificate
      const earned = attended / sessions.length >= 0.75;
      const [e] = await tx
        .insert(enrolments)
        .values({
          editionId: edition!.id,
          userId: p.userId,
          organizationId: p.organizationId,
          motivation: "Mi ciudad prepara su primera estrategia de resiliencia.",
          status: earned ? "completed" : "confirmed",
          endorsedAt: at("2026-09-20T12:00:00Z"),
          decidedAt: at("2026-10-05T12:00:00Z"),
          confirmedAt: at("2026-10-08T12:00:00Z"),
          certificateCode: earned ? certificateCode() : null,
          certificateIssuedAt: earned ? at("2026-11-21T12:00:00Z") : null,
          projectTitle: i < 3 ? ["Alerta temprana de crecidas del Salado", "Encostas seguras em Niterói", "Quebradas sin fuego"][i] : null,
          chosenForSummit: i < 3,
        })
        .returning({ id: enrolments.id });
      await tx.insert(attendance).values(sessions.map((s, j) => ({ sessionId: s.id, enrolmentId: e!.id, present: j < attended })));
    }
    return [`the South–South programme of Mercociudades: the 2017 call with ${funded} closed projects, the 2018 call in evaluation, the current call open, the Resilience School 2026 with ${participants.length} participants`];
  });
}
