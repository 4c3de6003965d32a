// Loading a programme, a call or an application with the facts its policy decides from. A
// missing one is "not found"; so is one the reader may not see (use cases authorize with
// visible: false), so a refusal never confirms that it exists.
import { and, eq, ne, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { networks } from "../networks/schema.ts";
import type { ApplicationFacts, CallFacts, ProjectFacts } from "./policy.ts";
import { applicationPartners, applications, calls, enrolments, programmes, projects, reviews, trainingEditions, trainings } from "./schema.ts";

export type ProgrammeRow = typeof programmes.$inferSelect & { networkSlug: string };
export type CallRow = typeof calls.$inferSelect & { networkId: string; networkSlug: string; programmeSlug: string };
export type ApplicationRow = typeof applications.$inferSelect;

const notFound = () => new AppError("not_found", "error.notFound.detail");

export async function findProgramme(db: Database, networkSlug: string, slug: string): Promise<ProgrammeRow> {
  const [row] = await db
    .select({ programme: programmes, networkSlug: networks.slug })
    .from(programmes)
    .innerJoin(networks, eq(networks.id, programmes.networkId))
    .where(and(eq(networks.slug, networkSlug), eq(programmes.slug, slug)));
  if (!row) throw notFound();
  return { ...row.programme, networkSlug: row.networkSlug };
}

/** A call by its id. */
export async function findCall(db: Database, id: string): Promise<{ call: CallRow; facts: CallFacts }> {
  const [row] = await db
    .select({ call: calls, networkId: programmes.networkId, networkSlug: networks.slug, programmeSlug: programmes.slug })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .innerJoin(networks, eq(networks.id, programmes.networkId))
    .where(eq(calls.id, id));
  if (!row) throw notFound();
  const call = { ...row.call, networkId: row.networkId, networkSlug: row.networkSlug, programmeSlug: row.programmeSlug };
  return { call, facts: { networkId: call.networkId, status: call.status } };
}

export async function findApplication(db: Database, id: string): Promise<{ application: ApplicationRow; call: CallRow; facts: ApplicationFacts }> {
  const [application] = await db.select().from(applications).where(eq(applications.id, id));
  if (!application) throw notFound();
  const { call, facts: callFacts } = await findCall(db, application.callId);
  const partners = await db
    .select({ organizationId: applicationPartners.organizationId, status: applicationPartners.status })
    .from(applicationPartners)
    .where(eq(applicationPartners.applicationId, id));
  const reviewerIds = (
    await db
      .select({ id: reviews.reviewerId })
      .from(reviews)
      .where(and(eq(reviews.applicationId, id), ne(reviews.status, "excused")))
  ).map((r) => r.id);
  return { application, call, facts: { leadOrganizationId: application.leadOrganizationId, status: application.status, partners, reviewerIds, call: callFacts } };
}

/** Whether the organization is an active member of the network. */
export async function isActiveMember(db: Database, networkId: string, organizationId: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from network_memberships where network_id = ${networkId} and organization_id = ${organizationId} and status = 'active'`,
  );
  return rows.length > 0;
}

export type ReviewRow = typeof reviews.$inferSelect;

export async function findReview(db: Database, id: string) {
  const [review] = await db.select().from(reviews).where(eq(reviews.id, id));
  if (!review) throw notFound();
  const found = await findApplication(db, review.applicationId);
  return { review, ...found, reviewFacts: { reviewerId: review.reviewerId, status: review.status, call: found.facts.call } };
}

export type ProjectRow = typeof projects.$inferSelect;

export async function findProject(db: Database, id: string) {
  const [project] = await db.select().from(projects).where(eq(projects.id, id));
  if (!project) throw notFound();
  const found = await findApplication(db, project.applicationId);
  const facts: ProjectFacts = {
    leadOrganizationId: found.application.leadOrganizationId,
    partnerOrganizationIds: found.facts.partners.filter((p) => p.status === "confirmed").map((p) => p.organizationId),
    networkId: found.call.networkId,
    active: project.status === "active",
  };
  return { project, ...found, projectFacts: facts };
}

export type EditionRow = typeof trainingEditions.$inferSelect;

/** A training edition with its training, its admission call and the programme's network. */
export async function findEdition(db: Database, id: string) {
  const [row] = await db
    .select({ edition: trainingEditions, training: trainings, networkId: programmes.networkId })
    .from(trainingEditions)
    .innerJoin(trainings, eq(trainings.id, trainingEditions.trainingId))
    .innerJoin(programmes, eq(programmes.id, trainings.programmeId))
    .where(eq(trainingEditions.id, id));
  if (!row) throw notFound();
  const { call } = await findCall(db, row.edition.callId);
  return { edition: row.edition, training: row.training, networkId: row.networkId, call };
}

export async function findEnrolment(db: Database, id: string) {
  const [enrolment] = await db.select().from(enrolments).where(eq(enrolments.id, id));
  if (!enrolment) throw notFound();
  const found = await findEdition(db, enrolment.editionId);
  return { enrolment, ...found, enrolmentFacts: { userId: enrolment.userId, organizationId: enrolment.organizationId, networkId: found.networkId } };
}
