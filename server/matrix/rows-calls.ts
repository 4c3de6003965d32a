// Authorization matrix rows of calls (pages and API): a programme's page and figures, a call as
// everyone reads it, applications by their authors, reviews by their reviewers, the
// secretariat's ranking and decisions, a programme's figures and a certificate's public check.
//
// Each world gets a network run by the demo Mercociudades secretariat, whose members are the
// world's organization and the outsider's university, with a programme and:
// - an open call with a draft led by the world's organization, the university a confirmed
//   partner, its budget within the rules (it can be submitted);
// - a second open call nobody applied to yet;
// - a closed call with a submitted application of the same two, reviewed by a person of no
//   organization (declared, not yet scored), with a rubric;
// - a training edition of that programme with a completed enrolment and its certificate.
// The reviewer is none of the matrix's actors: nobody here reads another's review, and no
// applicant (member, focal point, the outsider's partner) reads a score, a ranking or a review.
import { randomUUID } from "node:crypto";
import { users } from "../../modules/accounts/schema.ts";
import { certificateCode } from "../../modules/calls/issue-certificates.ts";
import {
  applicationBudgetLines,
  applicationPartners,
  applications,
  callCriteria,
  calls,
  enrolments,
  programmes,
  reviews,
  trainingEditions,
  trainings,
} from "../../modules/calls/schema.ts";
import { networkMemberships, networks } from "../../modules/networks/schema.ts";
import { organizations } from "../../modules/organizations/schema.ts";
import type { Database } from "../../platform/db/client.ts";
import { everyone, type Expect, type MatrixArea, p } from "./support.ts";

const c = (w: { areas: Record<string, Record<string, string>> }) => w.areas.calls!;

/** The application's own people: the world's organization (its lead) and the outsider's university (its partner) read it; the secretariat and administrators do not see a draft. */
const authors = (lead: number, partner: number): Expect => ({ anonymous: 401, member: lead, outsider: partner, focalPoint: lead, secretariat: 404, admin: 404 });
/** The network's secretariat (and administrators); the applicants, who read the application, are refused. */
const secretariatOnly = (status: number): Expect => ({ anonymous: 401, member: 403, outsider: 403, focalPoint: 403, secretariat: status, admin: status });
/** A review is its reviewer's (none of the actors here) and the secretariat's. */
const reviewers = (secretariat: number): Expect => ({ anonymous: 401, member: 404, outsider: 404, focalPoint: 404, secretariat, admin: secretariat });

const demoIds = new WeakMap<Database, { secretariat: string; university: string; universitySlug: string }>();
async function demoOrganizations(db: Database) {
  let ids = demoIds.get(db);
  if (!ids) {
    const rows = await db.select({ id: organizations.id, slug: organizations.slug }).from(organizations);
    const id = (slug: string) => rows.find((r) => r.slug === slug)!.id;
    demoIds.set(db, (ids = { secretariat: id("secretaria-tecnica-mercociudades"), university: id("universidad-de-la-republica"), universitySlug: "universidad-de-la-republica" }));
  }
  return ids;
}

const content = { summary: "Matrix summary.", objectives: "Matrix objectives.", activities: [], expectedResults: "Matrix results.", indicators: [] };
const rules = { leadMustBeMember: true, leadKinds: [], oneLeadPerCall: true, minPartners: 1, minCountries: 0, partnerKinds: [] };

export const callsArea: MatrixArea = {
  name: "calls",
  async prepare({ db, people, world }) {
    const { secretariat, university, universitySlug } = await demoOrganizations(db);
    const n = world.n;
    const [network] = await db
      .insert(networks)
      .values({ slug: `matrix-calls-${n}`, name: `Matrix calls ${n}`, kind: "regional" as const, secretariatOrganizationId: secretariat })
      .returning({ id: networks.id, slug: networks.slug });
    await db.insert(networkMemberships).values([
      { networkId: network!.id, organizationId: world.organizationId, status: "active", since: "2020-01-01" },
      { networkId: network!.id, organizationId: university, status: "active", since: "2020-01-01" },
    ]);
    const [programme] = await db
      .insert(programmes)
      .values({ networkId: network!.id, slug: "programme", originalLanguage: "en", texts: { en: { name: `Matrix programme ${n}`, purpose: "", principles: "", linesOfAction: "" } } })
      .returning({ id: programmes.id });
    const day = 86_400_000;
    const now = Date.now();
    const call = (slug: string, closesIn: number, kind: "project_funding" | "training_admission" = "project_funding") => ({
      id: randomUUID(),
      programmeId: programme!.id,
      slug,
      kind,
      status: "published" as const,
      originalLanguage: "en",
      texts: { en: { title: `Matrix ${slug} ${n}`, description: "A call of the authorization matrix." } },
      opensAt: new Date(now - 30 * day),
      closesAt: new Date(now + closesIn * day),
      timeZone: "UTC",
      totalBudgetCents: 10_000_000,
      projectCapCents: 1_000_000,
      rules,
    });
    const open = call("open", 30);
    const fresh = call("fresh", 30);
    const closed = call("closed", -1);
    const admission = call("admission", -10, "training_admission");
    await db.insert(calls).values([open, fresh, closed, admission]);
    const application = (callId: string, status: "draft" | "submitted") => ({
      id: randomUUID(),
      callId,
      leadOrganizationId: world.organizationId,
      status,
      language: "en",
      title: `Matrix application ${n}`,
      content,
      createdBy: people.focalPoint,
      ...(status === "submitted" ? { submittedAt: new Date(now - 2 * day), submissionHash: "0".repeat(64), submittedContent: content, submittedBy: people.focalPoint } : {}),
    });
    const draft = application(open.id, "draft");
    const submitted = application(closed.id, "submitted");
    await db.insert(applications).values([draft, submitted]);
    await db.insert(applicationPartners).values([
      { applicationId: draft.id, organizationId: university, status: "confirmed" as const, invitedBy: people.focalPoint, answeredBy: people.outsider, answeredAt: new Date() },
      { applicationId: submitted.id, organizationId: university, status: "confirmed" as const, invitedBy: people.focalPoint, answeredBy: people.outsider, answeredAt: new Date() },
    ]);
    await db.insert(applicationBudgetLines).values(
      [draft.id, submitted.id].map((applicationId) => ({ applicationId, position: 0, organizationId: world.organizationId, description: "Travel", requestedCents: 500_000, counterpartCashCents: 500_000 })),
    );
    const [reviewer, spare] = [randomUUID(), randomUUID()];
    await db.insert(users).values([
      { id: reviewer, name: `Matrix reviewer ${n}`, email: `matrix-reviewer-${n}-${reviewer.slice(0, 6)}@calls.test`, emailVerified: true },
      { id: spare, name: `Matrix second reviewer ${n}`, email: `matrix-reviewer-2-${n}-${spare.slice(0, 6)}@calls.test`, emailVerified: true },
    ]);
    const [criterion] = await db
      .insert(callCriteria)
      .values({ callId: closed.id, position: 0, texts: { en: { name: "Relevance", guidance: "Does it answer the call?" } }, weight: 100, scaleMax: 5 })
      .returning({ id: callCriteria.id });
    const [review] = await db.insert(reviews).values({ applicationId: submitted.id, reviewerId: reviewer, status: "declared", assignedBy: people.secretariat, declaredAt: new Date() }).returning({ id: reviews.id });
    const [training] = await db
      .insert(trainings)
      .values({ programmeId: programme!.id, slug: "school", originalLanguage: "en", texts: { en: { name: `Matrix school ${n}`, description: "", covered: "" } } })
      .returning({ id: trainings.id });
    const [edition] = await db
      .insert(trainingEditions)
      .values({ trainingId: training!.id, callId: admission.id, label: "2026", startsOn: "2026-08-03", endsOn: "2026-08-07", mode: "online", seatsMin: 1, seatsMax: 20, valuePerParticipantCents: 300_000 })
      .returning({ id: trainingEditions.id });
    const code = certificateCode();
    await db.insert(enrolments).values({ editionId: edition!.id, userId: people.member, organizationId: world.organizationId, motivation: "Matrix", status: "completed", certificateCode: code, certificateIssuedAt: new Date() });
    const spareEmail = `matrix-reviewer-2-${n}-${spare.slice(0, 6)}@calls.test`;
    return { network: network!.slug, open: open.id, fresh: fresh.id, closed: closed.id, draft: draft.id, submitted: submitted.id, review: review!.id, criterion: criterion!.id, spareEmail, code, universitySlug };
  },
  pageRows: {
    "routes/programme": [{ method: "GET", path: (w) => p(`/networks/${c(w).network}/programmes/programme`), expect: everyone(200) }],
    "routes/programme-statistics": [{ method: "GET", path: (w) => p(`/networks/${c(w).network}/programmes/programme/statistics.csv`), expect: everyone(200) }],
    "routes/call": [
      { method: "GET", path: (w) => p(`/calls/${c(w).open}`), expect: everyone(200) },
      // For the organization each acts for (the outsider's university and the secretariat lead one too); an administrator acts for none.
      { method: "POST", path: (w) => p(`/calls/${c(w).fresh}`), body: (w) => ({ title: `Matrix page application ${w.n}` }), expect: { anonymous: 302, member: 302, outsider: 302, focalPoint: 302, secretariat: 302, admin: 400 } },
    ],
    "routes/application": [
      { method: "GET", path: (w) => p(`/applications/${c(w).draft}`), expect: { anonymous: 302, member: 200, outsider: 200, focalPoint: 200, secretariat: 404, admin: 404 } },
      {
        method: "POST",
        path: (w) => p(`/applications/${c(w).draft}`),
        body: (w) => ({ intent: "save", revision: "1", title: `Matrix application ${w.n}, saved`, language: "en", summary: "Saved by the matrix.", "budget.0.organization": w.organizationId, "budget.0.description": "Travel", "budget.0.requested": "5000", "budget.0.counterpartCash": "5000" }),
        expect: { anonymous: 302, member: 302, outsider: 403, focalPoint: 302, secretariat: 404, admin: 404 },
      },
    ],
    "routes/certificates": [{ method: "GET", path: () => p("/certificates"), expect: everyone(200) }],
    "routes/certificate": [{ method: "GET", path: (w) => p(`/certificates/${encodeURIComponent(c(w).code!)}`), expect: everyone(200) }],
  },
  apiRows: {
    "GET /calls/:id": { method: "GET", path: (w) => `/calls/${c(w).open}`, expect: everyone(200) },
    "GET /calls/:id/ranking": { method: "GET", path: (w) => `/calls/${c(w).closed}/ranking`, expect: secretariatOnly(200) },
    "POST /applications": {
      method: "POST",
      path: () => "/applications",
      body: (w) => ({ call: c(w).fresh!, organization: w.slug, title: `Matrix API application ${w.n}` }),
      // For an organization of one's own: the world's people; the others do not belong to it.
      expect: { anonymous: 401, member: 201, outsider: 403, focalPoint: 201, secretariat: 403, admin: 403 },
    },
    "GET /applications/:id": { method: "GET", path: (w) => `/applications/${c(w).draft}`, expect: authors(200, 200) },
    "PUT /applications/:id": {
      method: "PUT",
      path: (w) => `/applications/${c(w).draft}`,
      body: (w) => ({ revision: 1, title: `Matrix application ${w.n}, saved`, language: "en", content, budget: [{ organization: w.organizationId, description: "Travel", requested: "5000", counterpartCash: "5000" }] }),
      expect: authors(200, 403),
    },
    "POST /applications/:id/partners": { method: "POST", path: (w) => `/applications/${c(w).draft}/partners`, body: (w) => ({ organization: w.duplicateSlug }), expect: authors(200, 403) },
    // The partner's people answer for it; the lead's cannot answer for the university.
    "POST /applications/:id/partners/answer": {
      method: "POST",
      path: (w) => `/applications/${c(w).draft}/partners/answer`,
      body: (w) => ({ organization: c(w).universitySlug!, answer: "confirm" }),
      expect: authors(403, 200),
    },
    "POST /applications/:id/submission": { method: "POST", path: (w) => `/applications/${c(w).draft}/submission`, body: () => ({}), expect: authors(201, 403) },
    "POST /applications/:id/withdrawal": { method: "POST", path: (w) => `/applications/${c(w).draft}/withdrawal`, expect: authors(200, 403) },
    "POST /applications/:id/reviewers": { method: "POST", path: (w) => `/applications/${c(w).submitted}/reviewers`, body: (w) => ({ reviewer: c(w).spareEmail! }), expect: secretariatOnly(201) },
    "PUT /applications/:id/decision": {
      method: "PUT",
      path: (w) => `/applications/${c(w).submitted}/decision`,
      body: () => ({ decision: "awarded", amount: "4000", reasons: "Decided by the authorization matrix." }),
      expect: secretariatOnly(200),
    },
    // No applicant reads a review; the secretariat reads it but does not write it.
    "GET /reviews/:id": { method: "GET", path: (w) => `/reviews/${c(w).review}`, expect: reviewers(200) },
    "POST /reviews/:id/declaration": { method: "POST", path: (w) => `/reviews/${c(w).review}/declaration`, body: () => ({ conflict: false }), expect: reviewers(403) },
    "POST /reviews/:id/submission": {
      method: "POST",
      path: (w) => `/reviews/${c(w).review}/submission`,
      body: (w) => ({ scores: [{ criterion: c(w).criterion!, score: 4, comment: "" }], comment: "", feedback: "" }),
      expect: reviewers(403),
    },
    "GET /networks/:network/programmes/:programme/statistics": { method: "GET", path: (w) => `/networks/${c(w).network}/programmes/programme/statistics`, expect: everyone(200) },
    "GET /certificates/:code": { method: "GET", path: (w) => `/certificates/${encodeURIComponent(c(w).code!)}`, expect: everyone(200) },
  },
};
