// Calls (seed 002's South–South Cooperation Programme): a network's programme, its calls for
// project funding or training admission with the rules each call sets (caps, funded share,
// eligibility), and the applications cities draft with their partners and submit once. Amounts
// are kept in minor units (cents) of the call's currency, as integers: no rounding in sums.
import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Locale } from "../../platform/i18n/locales.ts";
import { users } from "../accounts/schema.ts";
import { networks } from "../networks/schema.ts";
import { type OrganizationKind, organizations } from "../organizations/schema.ts";

/** Project funding and training admission now; practice, pairing and candidacy calls later use the same engine. */
export const callKinds = ["project_funding", "training_admission"] as const;
export type CallKind = (typeof callKinds)[number];

/** The programme's funding modalities (public call texts of the South–South programme). */
export const fundingModalities = ["technical_assistance", "expert_exchange", "internship", "forum_seminar_workshop", "training", "dissemination"] as const;
export type FundingModality = (typeof fundingModalities)[number];

export interface ProgrammeText {
  name: string;
  purpose: string;
  principles: string;
  linesOfAction: string;
}

export interface CallText {
  title: string;
  description: string;
}

/**
 * The eligibility rules a call checks automatically (modules/calls/eligibility.ts). Each is
 * configured per call; a rule left out is not checked.
 */
export interface EligibilityRules {
  /** The lead is an active member of the programme's network, of one of these kinds. */
  leadMustBeMember: boolean;
  leadKinds: OrganizationKind[];
  /** A city leads at most one proposal in the call (it may partner in others). */
  oneLeadPerCall: boolean;
  /** At least this many confirmed partners, from at least this many countries (the lead's included). */
  minPartners: number;
  minCountries: number;
  partnerKinds: OrganizationKind[];
}

/** Draft → published (visible; open between its dates) → in evaluation → decided (results published) → closed. */
export const callStatuses = ["draft", "published", "evaluation", "decided", "closed"] as const;
export type CallStatus = (typeof callStatuses)[number];

export const programmes = pgTable(
  "programmes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    originalLanguage: text("original_language").notNull(),
    texts: jsonb("texts").$type<Partial<Record<Locale, ProgrammeText>>>().notNull(),
    demo: boolean("demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("programmes_network_slug").on(t.networkId, t.slug)],
);

export const calls = pgTable(
  "calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    kind: text("kind", { enum: callKinds }).notNull(),
    status: text("status", { enum: callStatuses }).notNull().default("draft"),
    originalLanguage: text("original_language").notNull(),
    texts: jsonb("texts").$type<Partial<Record<Locale, CallText>>>().notNull(),
    themeIds: text("theme_ids").array().notNull().default(sql`'{}'::text[]`),
    /** Submissions are accepted from opens_at up to closes_at, by the server's clock; shown in time_zone and in each reader's. */
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    timeZone: text("time_zone").notNull(),
    currency: text("currency").notNull().default("USD"),
    totalBudgetCents: bigint("total_budget_cents", { mode: "number" }).notNull(),
    /** The most one project may request (USD 7,000 in 2017, USD 10,000 from 2018: the call's own). */
    projectCapCents: bigint("project_cap_cents", { mode: "number" }).notNull(),
    /** The largest share of a project's total cost the programme funds, in percent (50). */
    maxFundedSharePercent: smallint("max_funded_share_percent").notNull().default(50),
    executionMonths: smallint("execution_months").notNull().default(12),
    extensionMonths: smallint("extension_months").notNull().default(6),
    modalities: text("modalities").array().notNull().default(sql`'{}'::text[]`),
    rules: jsonb("rules").$type<EligibilityRules>().notNull(),
    /** Whether applicants read the reviewers' comments (anonymised) with the decision. */
    feedbackToApplicants: boolean("feedback_to_applicants").notNull().default(false),
    resultsPublishedAt: timestamp("results_published_at", { withTimezone: true }),
    demo: boolean("demo").notNull().default(false),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("calls_programme_slug").on(t.programmeId, t.slug),
    index("calls_status_idx").on(t.status, t.closesAt),
    check("calls_dates", sql`${t.closesAt} > ${t.opensAt}`),
    check("calls_money", sql`${t.projectCapCents} > 0 and ${t.totalBudgetCents} >= ${t.projectCapCents}`),
    check("calls_share", sql`${t.maxFundedSharePercent} between 1 and 100`),
  ],
);

/** Draft (the lead's team writes) → submitted (frozen) → withdrawn, or after evaluation awarded / not awarded. */
export const applicationStatuses = ["draft", "submitted", "withdrawn", "awarded", "not_awarded"] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export interface Activity {
  title: string;
  startsOn: string;
  endsOn: string;
  description: string;
}

/** The sections of an application, in the language its team writes. */
export interface ApplicationContent {
  summary: string;
  objectives: string;
  activities: Activity[];
  expectedResults: string;
  indicators: string[];
}

export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    leadOrganizationId: uuid("lead_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    status: text("status", { enum: applicationStatuses }).notNull().default("draft"),
    language: text("language").notNull(),
    title: text("title").notNull(),
    modality: text("modality", { enum: fundingModalities }),
    themeIds: text("theme_ids").array().notNull().default(sql`'{}'::text[]`),
    sdgGoals: integer("sdg_goals").array().notNull().default(sql`'{}'::integer[]`),
    content: jsonb("content").$type<ApplicationContent>().notNull(),
    /** Raised at every save: a save made from an older revision is refused, never silently lost. */
    revision: integer("revision").notNull().default(1),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** SHA-256 of the canonical JSON of what was submitted (on the receipt). */
    submissionHash: text("submission_hash"),
    submittedContent: jsonb("submitted_content"),
    submittedBy: text("submitted_by").references(() => users.id, { onDelete: "set null" }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    demo: boolean("demo").notNull().default(false),
    creationKey: text("creation_key"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("applications_creation_key").on(t.createdBy, t.creationKey),
    // A city leads at most one live proposal per call (the rule is also checked with a clear message).
    uniqueIndex("applications_one_lead").on(t.callId, t.leadOrganizationId).where(sql`${t.status} <> 'withdrawn'`),
    index("applications_call_idx").on(t.callId, t.status),
  ],
);

export const partnerStatuses = ["invited", "confirmed", "declined"] as const;
export type PartnerStatus = (typeof partnerStatuses)[number];

/** Partners are invited by the lead and confirm from their own accounts before submission. */
export const applicationPartners = pgTable(
  "application_partners",
  {
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    status: text("status", { enum: partnerStatuses }).notNull().default("invited"),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull().defaultNow(),
    answeredBy: text("answered_by").references(() => users.id, { onDelete: "set null" }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.organizationId] }), index("application_partners_organization_idx").on(t.organizationId)],
);

/** Budget lines: what is asked of the programme and what each organization puts in, in cash or in kind. */
export const applicationBudgetLines = pgTable(
  "application_budget_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    /** The organization that spends it (the lead or a partner). */
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    description: text("description").notNull(),
    requestedCents: bigint("requested_cents", { mode: "number" }).notNull().default(0),
    counterpartCashCents: bigint("counterpart_cash_cents", { mode: "number" }).notNull().default(0),
    counterpartInKindCents: bigint("counterpart_in_kind_cents", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    uniqueIndex("application_budget_lines_position").on(t.applicationId, t.position),
    check("application_budget_lines_amounts", sql`${t.requestedCents} >= 0 and ${t.counterpartCashCents} >= 0 and ${t.counterpartInKindCents} >= 0`),
  ],
);

/** What reviewers score: a call's rubric, each criterion weighted, on a scale from 0 to scaleMax. */
export interface CriterionText {
  name: string;
  guidance: string;
}

export const callCriteria = pgTable(
  "call_criteria",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    texts: jsonb("texts").$type<Partial<Record<Locale, CriterionText>>>().notNull(),
    weight: smallint("weight").notNull(),
    scaleMax: smallint("scale_max").notNull().default(5),
  },
  (t) => [uniqueIndex("call_criteria_position").on(t.callId, t.position), check("call_criteria_weight", sql`${t.weight} between 1 and 100 and ${t.scaleMax} between 1 and 100`)],
);

/**
 * Assigned → (the reviewer declares no conflict of interest) → submitted; or excused (the reviewer
 * declared a conflict, or the secretariat withdrew the assignment).
 */
export const reviewStatuses = ["assigned", "declared", "submitted", "excused"] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/** A reviewer's work on one application. Confidential: the secretariat and the reviewer only. */
export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    reviewerId: text("reviewer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: reviewStatuses }).notNull().default("assigned"),
    assignedBy: text("assigned_by").references(() => users.id, { onDelete: "set null" }),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
    declaredAt: timestamp("declared_at", { withTimezone: true }),
    /** For the secretariat only. */
    comment: text("comment"),
    /** Shown to the applicant without the reviewer's name, when the call allows feedback. */
    feedback: text("feedback"),
    /** The weighted total on 0–100, written at submission. */
    total: real("total"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("reviews_application_reviewer").on(t.applicationId, t.reviewerId), index("reviews_reviewer_idx").on(t.reviewerId, t.status)],
);

export const reviewScores = pgTable(
  "review_scores",
  {
    reviewId: uuid("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    criterionId: uuid("criterion_id")
      .notNull()
      .references(() => callCriteria.id, { onDelete: "cascade" }),
    score: smallint("score").notNull(),
    comment: text("comment").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.criterionId] }), check("review_scores_score", sql`${t.score} >= 0`)],
);

/** The secretariat's decision on an application, with its reasons (awarded amount ≤ requested). */
export const applicationDecisions = pgTable(
  "application_decisions",
  {
    applicationId: uuid("application_id")
      .primaryKey()
      .references(() => applications.id, { onDelete: "cascade" }),
    decision: text("decision", { enum: ["awarded", "not_awarded"] }).notNull(),
    awardedCents: bigint("awarded_cents", { mode: "number" }).notNull().default(0),
    reasons: text("reasons").notNull(),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("application_decisions_amount", sql`${t.awardedCents} >= 0 and (${t.decision} = 'awarded' or ${t.awardedCents} = 0)`)],
);

/** An awarded application becomes a project: carried out, reported on, extended at most once per call's terms, closed. */
export const projectStatuses = ["active", "closed"] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .unique()
      .references(() => applications.id, { onDelete: "cascade" }),
    status: text("status", { enum: projectStatuses }).notNull().default("active"),
    startsOn: date("starts_on").notNull(),
    /** The end of the execution period, moved by an approved extension. */
    endsOn: date("ends_on").notNull(),
    extendedMonths: smallint("extended_months").notNull().default(0),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: text("closed_by").references(() => users.id, { onDelete: "set null" }),
    closingNote: text("closing_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("projects_status_idx").on(t.status, t.endsOn)],
);

export const milestones = pgTable(
  "project_milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    title: text("title").notNull(),
    dueOn: date("due_on").notNull(),
    doneOn: date("done_on"),
  },
  (t) => [uniqueIndex("project_milestones_position").on(t.projectId, t.position)],
);

export const reportKinds = ["interim", "final"] as const;
export type ReportKind = (typeof reportKinds)[number];
/** Due (waiting for the lead) → submitted → accepted by the secretariat, or returned with a note (due again). */
export const projectReportStatuses = ["due", "submitted", "accepted"] as const;
export type ProjectReportStatus = (typeof projectReportStatuses)[number];

export interface ReportExpense {
  /** The organization that spent it. */
  organization: string;
  description: string;
  /** From the programme's funds. */
  fundedCents: number;
  counterpartCashCents: number;
  counterpartInKindCents: number;
}

export const projectReports = pgTable(
  "project_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: reportKinds }).notNull(),
    dueOn: date("due_on").notNull(),
    status: text("status", { enum: projectReportStatuses }).notNull().default("due"),
    narrative: text("narrative").notNull().default(""),
    expenses: jsonb("expenses").$type<ReportExpense[]>().notNull().default(sql`'[]'::jsonb`),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: text("submitted_by").references(() => users.id, { onDelete: "set null" }),
    reviewNote: text("review_note"),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("project_reports_kind").on(t.projectId, t.kind), index("project_reports_due_idx").on(t.status, t.dueOn)],
);

export const extensionStatuses = ["requested", "approved", "declined"] as const;
export const projectExtensions = pgTable(
  "project_extensions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    months: smallint("months").notNull(),
    reason: text("reason").notNull(),
    status: text("status", { enum: extensionStatuses }).notNull().default("requested"),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
  },
  (t) => [uniqueIndex("project_extensions_one_pending").on(t.projectId).where(sql`${t.status} = 'requested'`), check("project_extensions_months", sql`${t.months} > 0`)],
);

// Trainings (seed 002: regional project formulation; the Resilience School): a training has
// editions, each admitting its cohort through a call of kind "training_admission".
export interface TrainingText {
  name: string;
  description: string;
  /** What the programme pays ("everything but international travel"). */
  covered: string;
}

export const trainings = pgTable(
  "trainings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    originalLanguage: text("original_language").notNull(),
    texts: jsonb("texts").$type<Partial<Record<Locale, TrainingText>>>().notNull(),
    demo: boolean("demo").notNull().default(false),
  },
  (t) => [uniqueIndex("trainings_programme_slug").on(t.programmeId, t.slug)],
);

export const trainingModes = ["in_person", "online", "hybrid"] as const;
export type TrainingMode = (typeof trainingModes)[number];

export const trainingEditions = pgTable(
  "training_editions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trainingId: uuid("training_id")
      .notNull()
      .references(() => trainings.id, { onDelete: "cascade" }),
    /** The admission call (its dates are the application window). */
    callId: uuid("call_id")
      .notNull()
      .unique()
      .references(() => calls.id, { onDelete: "restrict" }),
    label: text("label").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    mode: text("mode", { enum: trainingModes }).notNull(),
    place: text("place").notNull().default(""),
    seatsMin: smallint("seats_min").notNull(),
    seatsMax: smallint("seats_max").notNull(),
    valuePerParticipantCents: bigint("value_per_participant_cents", { mode: "number" }).notNull(),
    currency: text("currency").notNull().default("USD"),
    /** Besides the programme's network, people of these partner networks' members may apply. */
    partnerNetworkIds: uuid("partner_network_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /** The online mentoring after the course, in months. */
    mentoringMonths: smallint("mentoring_months").notNull().default(0),
    /** The share of sessions attended that earns the certificate, in percent. */
    attendanceRequiredPercent: smallint("attendance_required_percent").notNull().default(75),
  },
  (t) => [check("training_editions_seats", sql`${t.seatsMin} >= 1 and ${t.seatsMax} >= ${t.seatsMin}`), check("training_editions_dates", sql`${t.endsOn} >= ${t.startsOn}`)],
);

export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => trainingEditions.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("training_sessions_position").on(t.editionId, t.position)],
);

/**
 * Applied (waiting for the organization's endorsement and the selection) → selected (a seat) or
 * waitlisted (in order) or not selected → confirmed by the participant (or declined: the first
 * waitlisted is selected) → completed (certificate issued). Withdrawn at any time before.
 */
export const enrolmentStatuses = ["applied", "selected", "waitlisted", "not_selected", "confirmed", "declined", "completed", "withdrawn"] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

export interface TrainingFeedback {
  /** 1–5. */
  overall: number;
  usefulness: number;
  comments: string;
}

export const enrolments = pgTable(
  "enrolments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => trainingEditions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    motivation: text("motivation").notNull(),
    status: text("status", { enum: enrolmentStatuses }).notNull().default("applied"),
    endorsedBy: text("endorsed_by").references(() => users.id, { onDelete: "set null" }),
    endorsedAt: timestamp("endorsed_at", { withTimezone: true }),
    waitlistPosition: integer("waitlist_position"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    /** The project the participant works on in the mentoring; three are chosen for the summit. */
    projectTitle: text("project_title"),
    chosenForSummit: boolean("chosen_for_summit").notNull().default(false),
    certificateCode: text("certificate_code").unique(),
    certificateIssuedAt: timestamp("certificate_issued_at", { withTimezone: true }),
    feedback: jsonb("feedback").$type<TrainingFeedback>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("enrolments_edition_user").on(t.editionId, t.userId), index("enrolments_edition_status_idx").on(t.editionId, t.status)],
);

export const attendance = pgTable(
  "training_attendance",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSessions.id, { onDelete: "cascade" }),
    enrolmentId: uuid("enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    present: boolean("present").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.enrolmentId] })],
);
