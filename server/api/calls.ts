// /api/v1 calls (the South–South programme's engine): a call as everyone reads it, applications
// by their authors (start, save from a revision, partners, submit exactly once, withdraw),
// reviews by their reviewers, the secretariat's ranking and decisions, a programme's public
// figures and the public check of a training certificate. Scores and reviewers' identities
// appear only in the ranking and in a reviewer's own review: never in what applicants read.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { answerInvitation } from "../../modules/calls/answer-invitation.ts";
import { assignReviewer } from "../../modules/calls/assign-reviewer.ts";
import { declareConflict } from "../../modules/calls/declare-conflict.ts";
import { decideApplication } from "../../modules/calls/decide-application.ts";
import { getApplication } from "../../modules/calls/get-application.ts";
import { getCall } from "../../modules/calls/get-call.ts";
import { getProgrammeStatistics } from "../../modules/calls/get-programme-statistics.ts";
import { getReview } from "../../modules/calls/get-review.ts";
import {
  answerInvitationInput,
  assignReviewerInput,
  declareInput,
  decideInput,
  invitePartnerInput,
  saveApplicationInput,
  slug,
  startApplicationInput,
  submitApplicationInput,
  submitReviewInput,
} from "../../modules/calls/inputs.ts";
import { invitePartner } from "../../modules/calls/invite-partner.ts";
import { rankApplications } from "../../modules/calls/rank-applications.ts";
import { saveApplication } from "../../modules/calls/save-application.ts";
import { applicationStatuses, callKinds, callStatuses, fundingModalities, partnerStatuses, reviewStatuses } from "../../modules/calls/schema.ts";
import { startApplication } from "../../modules/calls/start-application.ts";
import { submitApplication } from "../../modules/calls/submit-application.ts";
import { submitReview } from "../../modules/calls/submit-review.ts";
import { verifyCertificate } from "../../modules/calls/verify-certificate.ts";
import { withdrawApplication } from "../../modules/calls/withdraw-application.ts";
import { organizationKinds } from "../../modules/organizations/schema.ts";
import type { AppServices } from "../../platform/context.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { type ApiEnv, authResponses, bearer, json, problemResponse, wire } from "./common.ts";

const tags = ["Calls"];
const lang = z.enum(locales);
const uuid = (what: string) => z.uuid({ error: "i18n:error.notFound.detail" }).describe(what);
const idParam = z.object({ id: uuid("The id") });

const rulesSchema = z.object({
  leadMustBeMember: z.boolean(),
  leadKinds: z.array(z.enum(organizationKinds)),
  oneLeadPerCall: z.boolean(),
  minPartners: z.number().int(),
  minCountries: z.number().int(),
  partnerKinds: z.array(z.enum(organizationKinds)),
});

const callSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    network: z.string(),
    programme: z.string(),
    kind: z.enum(callKinds),
    status: z.enum(callStatuses),
    title: z.string(),
    description: z.string(),
    language: lang,
    themeIds: z.array(z.string()),
    opensAt: z.string(),
    closesAt: z.string().describe("Submissions are accepted up to this instant, by the server's clock"),
    timeZone: z.string(),
    open: z.boolean(),
    currency: z.string(),
    totalBudgetCents: z.number().int(),
    projectCapCents: z.number().int(),
    maxFundedSharePercent: z.number().int(),
    executionMonths: z.number().int(),
    extensionMonths: z.number().int(),
    modalities: z.array(z.enum(fundingModalities)),
    rules: rulesSchema,
    feedbackToApplicants: z.boolean(),
    resultsPublishedAt: z.string().nullable(),
    mine: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })).describe("The caller's organizations' applications to it"),
    submitted: z.number().int().nullable().describe("Submitted applications (the secretariat only)"),
  })
  .meta({ id: "Call" });

const applicationSchema = z
  .object({
    id: z.string(),
    call: z.object({ id: z.string(), slug: z.string(), networkSlug: z.string(), closesAt: z.string(), timeZone: z.string(), currency: z.string(), projectCapCents: z.number(), maxFundedSharePercent: z.number() }),
    lead: z.object({ id: z.string(), name: z.string() }),
    status: z.enum(applicationStatuses),
    revision: z.number().int().describe("Send it back when saving"),
    title: z.string(),
    language: z.string(),
    modality: z.enum(fundingModalities).nullable(),
    themeIds: z.array(z.string()),
    sdgGoals: z.array(z.number().int()),
    content: z.object({
      summary: z.string(),
      objectives: z.string(),
      activities: z.array(z.object({ title: z.string(), startsOn: z.string(), endsOn: z.string(), description: z.string() })),
      expectedResults: z.string(),
      indicators: z.array(z.string()),
    }),
    partners: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), kind: z.string(), countryCode: z.string().nullable(), status: z.enum(partnerStatuses) })),
    budget: z.array(z.object({ organization: z.string(), description: z.string(), requestedCents: z.number(), counterpartCashCents: z.number(), counterpartInKindCents: z.number() })),
    totals: z.object({ requestedCents: z.number(), counterpartCashCents: z.number(), counterpartInKindCents: z.number() }),
    checklist: z.array(z.object({ rule: z.string(), passed: z.boolean(), message: z.string() })).describe("Every rule of the call, in the response language"),
    submittedAt: z.string().nullable(),
    submissionHash: z.string().nullable().describe("SHA-256 of the RFC 8785 canonical JSON of what was submitted"),
    editable: z.boolean(),
    decision: z
      .object({ decision: z.enum(["awarded", "not_awarded"]), awardedCents: z.number(), reasons: z.string(), feedback: z.array(z.string()).describe("Reviewers' feedback without their names, when the call allows it") })
      .nullable()
      .describe("Once the call's results are published. Never scores."),
  })
  .meta({ id: "Application" });

const receiptSchema = z.object({ id: z.string(), submittedAt: z.string(), hash: z.string(), repeated: z.boolean() }).meta({ id: "SubmissionReceipt" });

const reviewSchema = z
  .object({
    id: z.string(),
    status: z.enum(reviewStatuses),
    application: z.object({ id: z.string(), title: z.string(), submittedContent: z.unknown(), submissionHash: z.string().nullable() }),
    call: z.object({ id: z.string(), slug: z.string(), closesAt: z.string(), timeZone: z.string() }),
    criteria: z.array(z.object({ id: z.string(), name: z.string(), guidance: z.string(), weight: z.number(), scaleMax: z.number() })),
    mine: z.object({ scores: z.array(z.object({ criterion: z.string(), score: z.number(), comment: z.string() })), comment: z.string().nullable(), feedback: z.string().nullable(), total: z.number().nullable() }),
    others: z.array(z.object({ reviewer: z.number().int(), total: z.number() })).describe("The other reviewers' totals, without names, once this review is submitted"),
  })
  .meta({ id: "Review" });

const rankingSchema = z
  .object({
    call: z.object({ id: z.string(), currency: z.string(), totalBudgetCents: z.number(), resultsPublished: z.boolean() }),
    awardedCents: z.number(),
    remainingCents: z.number(),
    applications: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        lead: z.string(),
        countryCode: z.string().nullable(),
        requestedCents: z.number(),
        score: z.number().nullable(),
        spread: z.number().nullable(),
        reviewsSubmitted: z.number().int(),
        reviewsAssigned: z.number().int(),
        decision: z.enum(["awarded", "not_awarded"]).nullable(),
        awardedCents: z.number(),
      }),
    ),
  })
  .meta({ id: "Ranking" });

const statRow = z.object({ key: z.string(), projects: z.number().int(), awardedCents: z.number() });
const statisticsSchema = z
  .object({
    currency: z.string(),
    projects: z.number().int(),
    awardedCents: z.number(),
    counterpartCents: z.number(),
    cities: z.number().int(),
    organizations: z.number().int(),
    byYear: z.array(statRow),
    byCountry: z.array(statRow),
    byTheme: z.array(statRow),
    byModality: z.array(statRow),
  })
  .meta({ id: "ProgrammeStatistics" });

const certificateSchema = z
  .object({ code: z.string(), participant: z.string(), organization: z.string(), training: z.string(), edition: z.string(), startsOn: z.string(), endsOn: z.string(), issuedAt: z.string(), network: z.string() })
  .meta({ id: "Certificate" });

const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });

export function registerCallRoutes(api: OpenAPIHono<ApiEnv>, services: AppServices) {
  api.openapi(
    createRoute({ method: "get", path: "/calls/{id}", summary: "A call", description: "Public once published; a draft is its secretariat's.", tags, request: { params: idParam }, responses: { 200: json(callSchema, "The call"), 404: problemResponse("Not found") } }),
    async (c) => c.json(wire(await getCall(services, c.get("actor"), c.req.valid("param").id, c.get("locale"))), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/calls/{id}/ranking",
      summary: "The ranking of a call's applications (the secretariat)",
      description: "Weighted average of the submitted reviews (0–100), spread, reviews done, decisions and what is left of the budget. Confidential: the network's secretariat only.",
      tags,
      security: bearer,
      request: { params: idParam },
      responses: { 200: json(rankingSchema, "The ranking"), ...authResponses },
    }),
    async (c) => c.json(wire(await rankApplications(services, c.get("actor"), c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/applications",
      summary: "Start an application (as its lead)",
      description: "For an organization the caller belongs to, to a published call before it closes. A city leads one proposal per call (409 otherwise). idempotencyKey makes a retry return the first draft.",
      tags,
      security: bearer,
      request: body(startApplicationInput),
      responses: { 201: json(applicationSchema, "The draft"), 200: json(applicationSchema, "Repeated: the draft started first"), 400: problemResponse("Invalid input"), 409: problemResponse("Already leads one, or closed"), ...authResponses },
    }),
    async (c) => {
      const started = await startApplication(services, c.get("actor"), c.req.valid("json"));
      return c.json(wire(await getApplication(services, c.get("actor"), started.id, c.get("locale"))), started.repeated ? 200 : 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/applications/{id}",
      summary: "An application, with the call's rules checked",
      description: "Its lead's and partners' people; once submitted, the secretariat and its reviewers too. Never scores nor reviewers.",
      tags,
      security: bearer,
      request: { params: idParam },
      responses: { 200: json(applicationSchema, "The application"), ...authResponses },
    }),
    async (c) => c.json(wire(await getApplication(services, c.get("actor"), c.req.valid("param").id, c.get("locale"))), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/applications/{id}",
      summary: "Save a draft (every section and the budget)",
      description: "The lead's people. Send the revision read: a save from an older one is refused with 409, never written over someone else's.",
      tags,
      security: bearer,
      request: { params: idParam, ...body(saveApplicationInput) },
      responses: { 200: json(applicationSchema, "Saved"), 400: problemResponse("Invalid input (each field named)"), 409: problemResponse("Saved meanwhile by someone else, or no longer a draft"), ...authResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await saveApplication(services, c.get("actor"), id, c.req.valid("json"));
      return c.json(wire(await getApplication(services, c.get("actor"), id, c.get("locale"))), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/partners",
      summary: "Invite a partner organization",
      description: "The lead's people, while a draft. The partner's people confirm from their own accounts.",
      tags,
      security: bearer,
      request: { params: idParam, ...body(invitePartnerInput) },
      responses: { 200: json(applicationSchema, "Invited"), 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await invitePartner(services, c.get("actor"), id, c.req.valid("json"));
      return c.json(wire(await getApplication(services, c.get("actor"), id, c.get("locale"))), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/partners/answer",
      summary: "Confirm or decline being a partner",
      description: "A person of the invited organization, while the application is a draft.",
      tags,
      security: bearer,
      request: { params: idParam, ...body(answerInvitationInput) },
      responses: { 200: json(applicationSchema, "Answered"), 400: problemResponse("Invalid input"), 409: problemResponse("No longer a draft"), ...authResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await answerInvitation(services, c.get("actor"), id, c.req.valid("json"));
      return c.json(wire(await getApplication(services, c.get("actor"), id, c.get("locale"))), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/submission",
      summary: "Submit (exactly once, before the deadline)",
      description: "Every rule is checked again (400 names each failed rule), by the server's clock (409 when closed). A second request gets the same receipt.",
      tags,
      security: bearer,
      request: { params: idParam, body: { content: { "application/json": { schema: submitApplicationInput } }, required: false } },
      responses: { 201: json(receiptSchema, "Submitted"), 200: json(receiptSchema, "Already submitted: the same receipt"), 400: problemResponse("A rule of the call fails"), 409: problemResponse("Closed, or not a draft"), ...authResponses },
    }),
    async (c) => {
      const receipt = await submitApplication(services, c.get("actor"), c.req.valid("param").id, (await c.req.json().catch(() => ({}))) as { idempotencyKey?: string });
      return c.json(wire(receipt), receipt.repeated ? 200 : 201);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/withdrawal",
      summary: "Withdraw (until the deadline)",
      tags,
      security: bearer,
      request: { params: idParam },
      responses: { 200: json(applicationSchema, "Withdrawn"), 409: problemResponse("Closed"), ...authResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await withdrawApplication(services, c.get("actor"), id);
      return c.json(wire(await getApplication(services, c.get("actor"), id, c.get("locale"))), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/reviewers",
      summary: "Assign a reviewer (the secretariat)",
      description: "A person of an organization of the application, or of one of its countries, is refused (conflict of interest, 400 naming the reason).",
      tags,
      security: bearer,
      request: { params: idParam, ...body(assignReviewerInput) },
      responses: { 201: json(z.object({ id: z.string(), repeated: z.boolean() }), "Assigned"), 200: json(z.object({ id: z.string(), repeated: z.boolean() }), "Already assigned"), 400: problemResponse("Unknown person or conflict of interest"), 409: problemResponse("Not submitted"), ...authResponses },
    }),
    async (c) => {
      const assigned = await assignReviewer(services, c.get("actor"), c.req.valid("param").id, c.req.valid("json"));
      return c.json(assigned, assigned.repeated ? 200 : 201);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/applications/{id}/decision",
      summary: "Record the decision on an application (the secretariat)",
      description: "Awarded (at most the amount requested, within what is left of the call's budget) or not, with the reasons; until the results are published.",
      tags,
      security: bearer,
      request: { params: idParam, ...body(decideInput) },
      responses: { 200: json(z.object({ decision: z.string(), remainingCents: z.number() }), "Recorded"), 400: problemResponse("Invalid input"), 409: problemResponse("Results published"), ...authResponses },
    }),
    async (c) => c.json(await decideApplication(services, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/reviews/{id}",
      summary: "A review (its reviewer, or the secretariat)",
      description: "The submitted application, the rubric and the reviewer's own scores; the other reviewers' totals (without names) only once this review is submitted.",
      tags,
      security: bearer,
      request: { params: idParam },
      responses: { 200: json(reviewSchema, "The review"), ...authResponses },
    }),
    async (c) => c.json(wire(await getReview(services, c.get("actor"), c.req.valid("param").id, c.get("locale"))), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/reviews/{id}/declaration",
      summary: "Declare whether the reviewer has a conflict of interest",
      description: "Before scoring. With a conflict the reviewer is excused.",
      tags,
      security: bearer,
      request: { params: idParam, ...body(declareInput) },
      responses: { 200: json(z.object({ status: z.enum(["declared", "excused"]) }), "Declared"), 409: problemResponse("Already declared or submitted"), ...authResponses },
    }),
    async (c) => c.json(await declareConflict(services, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/reviews/{id}/submission",
      summary: "Submit the scores",
      description: "Every criterion scored, after the call has closed and after the declaration. Submitted, the review no longer changes.",
      tags,
      security: bearer,
      request: { params: idParam, ...body(submitReviewInput) },
      responses: { 200: json(z.object({ total: z.number(), repeated: z.boolean() }), "Submitted"), 400: problemResponse("A criterion not scored or out of its scale"), 409: problemResponse("Not declared, or the call is still open"), ...authResponses },
    }),
    async (c) => c.json(await submitReview(services, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{network}/programmes/{programme}/statistics",
      summary: "A programme's public figures",
      description: "From the published results: awarded per year, lead's country, theme (a project with two themes counts in both) and modality; counterpart mobilised; cities and organizations involved.",
      tags,
      request: { params: z.object({ network: slug, programme: slug }) },
      responses: { 200: json(statisticsSchema, "The figures"), 404: problemResponse("Not found") },
    }),
    async (c) => {
      const { network, programme } = c.req.valid("param");
      return c.json(await getProgrammeStatistics(services, network, programme), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/certificates/{code}",
      summary: "Verify a training certificate",
      description: "Public: who earned it, for which training and edition. Case, spaces and dashes in the code are ignored.",
      tags,
      request: { params: z.object({ code: z.string().max(40).describe("The code printed on the certificate") }) },
      responses: { 200: json(certificateSchema, "A valid certificate"), 404: problemResponse("No certificate has this code") },
    }),
    async (c) => c.json(await verifyCertificate(services, c.req.valid("param").code, c.get("locale")), 200),
  );
}
