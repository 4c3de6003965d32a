// Who may do what with programmes, calls and applications. Default deny: every rule names who is
// allowed. A programme and its calls are run by the network's secretariat; a published call is
// public. An application belongs to its lead organization (any of its people drafts it); its
// partners read it and answer their invitation; the secretariat reads it once submitted, never a
// draft. Reviewers and scores come with the evaluation (their own rules, below).
import type { Actor } from "../organizations/actor.ts";
import { canWrite } from "../organizations/actor.ts";
import type { ApplicationStatus, CallStatus, PartnerStatus, ReviewStatus } from "./schema.ts";

export interface CallFacts {
  networkId: string;
  status: CallStatus;
}

export interface ApplicationFacts {
  leadOrganizationId: string;
  status: ApplicationStatus;
  partners: readonly { organizationId: string; status: PartnerStatus }[];
  /** The reviewers assigned (not excused). */
  reviewerIds: readonly string[];
  call: CallFacts;
}

export interface ProjectFacts {
  leadOrganizationId: string;
  partnerOrganizationIds: readonly string[];
  networkId: string;
  active: boolean;
}

export interface EnrolmentFacts {
  userId: string;
  organizationId: string;
  networkId: string;
}

export interface ReviewFacts {
  reviewerId: string;
  status: ReviewStatus;
  call: CallFacts;
}

const runs = (actor: Actor, networkId: string) => actor.secretariatOf.has(networkId) || actor.platformAdmin;
const isLead = (actor: Actor, application: ApplicationFacts) => actor.memberships.has(application.leadOrganizationId);
const isPartner = (actor: Actor, application: ApplicationFacts) =>
  application.partners.some((p) => p.status !== "declined" && actor.memberships.has(p.organizationId));

export const callsPolicy = {
  /** Programmes and calls are set up by the network's secretariat (or a platform administrator). */
  manage: (actor: Actor, networkId: string) => canWrite(actor) && runs(actor, networkId),
  /** A published call is public; a draft is its secretariat's. */
  readCall: (actor: Actor, call: CallFacts) => call.status !== "draft" || runs(actor, call.networkId),
  /** A person applies for an organization they belong to, to a published call. */
  apply: (actor: Actor, organizationId: string, call: CallFacts) => canWrite(actor) && actor.memberships.has(organizationId) && call.status === "published",
  readApplication: (actor: Actor, application: ApplicationFacts) =>
    actor.userId !== null &&
    (isLead(actor, application) ||
      isPartner(actor, application) ||
      (application.status !== "draft" && (runs(actor, application.call.networkId) || application.reviewerIds.includes(actor.userId)))),
  /** Only a draft is edited, by its lead organization's people. */
  editApplication: (actor: Actor, application: ApplicationFacts) => canWrite(actor) && isLead(actor, application) && application.status === "draft",
  /** A partner organization's people confirm or decline its participation. */
  answerInvitation: (actor: Actor, organizationId: string, application: ApplicationFacts) =>
    canWrite(actor) && actor.memberships.has(organizationId) && application.partners.some((p) => p.organizationId === organizationId),
  submit: (actor: Actor, application: ApplicationFacts) => canWrite(actor) && isLead(actor, application),
  withdraw: (actor: Actor, application: ApplicationFacts) => canWrite(actor) && isLead(actor, application),
  /** The secretariat lists the call's submitted applications. */
  listApplications: (actor: Actor, call: CallFacts) => actor.userId !== null && runs(actor, call.networkId),

  // Evaluation. Scores, comments and who reviewed what are confidential: the secretariat and each
  // reviewer (their own) only; applicants read the decision and, when the call allows, the
  // reviewers' feedback without names.
  /** The rubric, the assignments, the ranking and the decisions: the secretariat. */
  evaluate: (actor: Actor, call: CallFacts) => canWrite(actor) && runs(actor, call.networkId),
  seeScores: (actor: Actor, call: CallFacts) => actor.userId !== null && runs(actor, call.networkId),
  /** A reviewer works on their own assignment; once excused, no more. */
  review: (actor: Actor, review: ReviewFacts) => canWrite(actor) && review.reviewerId === actor.userId && review.status !== "excused",
  readReview: (actor: Actor, review: ReviewFacts) => actor.userId !== null && (review.reviewerId === actor.userId || runs(actor, review.call.networkId)),

  // Funded projects: the lead reports and asks for an extension; the secretariat accepts reports,
  // decides extensions and closes; the partners read along.
  readProject: (actor: Actor, project: ProjectFacts) =>
    actor.userId !== null &&
    (actor.memberships.has(project.leadOrganizationId) || project.partnerOrganizationIds.some((id) => actor.memberships.has(id)) || runs(actor, project.networkId)),
  reportProject: (actor: Actor, project: ProjectFacts) => canWrite(actor) && project.active && actor.memberships.has(project.leadOrganizationId),
  superviseProject: (actor: Actor, project: ProjectFacts) => canWrite(actor) && project.active && runs(actor, project.networkId),

  // Trainings: a person applies for themself, for an organization of theirs; its focal point or
  // authority endorses; the secretariat selects, records attendance and issues certificates.
  applyToTraining: (actor: Actor, organizationId: string) => canWrite(actor) && actor.memberships.has(organizationId),
  endorse: (actor: Actor, enrolment: EnrolmentFacts) => {
    const role = actor.memberships.get(enrolment.organizationId);
    return canWrite(actor) && (role === "focal_point" || role === "authority");
  },
  /** The participant acts on their own enrolment (confirm, decline, feedback, certificate). */
  participate: (actor: Actor, enrolment: EnrolmentFacts) => canWrite(actor) && actor.userId === enrolment.userId,
  readEnrolment: (actor: Actor, enrolment: EnrolmentFacts) =>
    actor.userId !== null && (actor.userId === enrolment.userId || actor.memberships.get(enrolment.organizationId) === "focal_point" || runs(actor, enrolment.networkId)),
  /** Reading one's certificate PDF: the participant and the secretariat (anyone verifies a code on the public page). */
  downloadCertificate: (actor: Actor, enrolment: EnrolmentFacts) => actor.userId !== null && (actor.userId === enrolment.userId || runs(actor, enrolment.networkId)),
};
