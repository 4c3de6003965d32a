import { sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import { notify } from "../notifications/notify.ts";
import type { Actor } from "../organizations/actor.ts";
import { findApplication } from "./find.ts";
import { assignReviewerInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { reviews } from "./schema.ts";

/**
 * The secretariat assigns a reviewer to a submitted application. A person who belongs to an
 * organization of the application (the lead or a partner), or to an organization of one of its
 * countries, is excluded automatically, with the reason; the reviewer must still declare having
 * no conflict before scoring. Assigning the same person again changes nothing.
 */
export async function assignReviewer(ctx: ServiceContext, actor: Actor, applicationId: string, raw: { reviewer: string }): Promise<{ id: string; repeated: boolean }> {
  requireSignedIn(actor);
  const input = parseOrThrow(assignReviewerInput, raw);
  const { application, facts } = await findApplication(ctx.db, applicationId);
  authorize(callsPolicy.evaluate(actor, facts.call), { visible: callsPolicy.readApplication(actor, facts) });
  if (application.status === "draft" || application.status === "withdrawn") throw new AppError("conflict", "calls.error.notSubmitted");
  const [reviewer] = await queryRows<{ id: string; name: string }>(ctx.db, sql`select id, name from users where lower(email) = ${input.reviewer} and coalesce(banned, false) = false`);
  if (!reviewer) throw invalid({ reviewer: ["i18n:calls.validation.reviewerUnknown"] });
  // Conflicts of interest: the reviewer's organizations against the application's, and their countries.
  const [conflict] = await queryRows<{ sameOrganization: boolean; sameCountry: boolean }>(
    ctx.db,
    sql`with involved as (
          select ${application.leadOrganizationId}::uuid as id
          union select organization_id from application_partners where application_id = ${applicationId} and status <> 'declined'),
        theirs as (select o.id, o.country_code from organization_members m join organizations o on o.id = m.organization_id where m.user_id = ${reviewer.id})
        select exists (select 1 from theirs where id in (select id from involved)) as "sameOrganization",
               exists (select 1 from theirs t join organizations o on o.id in (select id from involved) where t.country_code = o.country_code) as "sameCountry"`,
  );
  if (conflict!.sameOrganization) throw invalid({ reviewer: ["i18n:calls.validation.conflictOrganization"] });
  if (conflict!.sameCountry) throw invalid({ reviewer: ["i18n:calls.validation.conflictCountry"] });
  const userId = actor.userId;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(reviews).values({ applicationId, reviewerId: reviewer.id, assignedBy: userId }).onConflictDoNothing().returning({ id: reviews.id });
    if (!row) {
      const [existing] = await queryRows<{ id: string }>(tx, sql`select id from reviews where application_id = ${applicationId} and reviewer_id = ${reviewer.id}`);
      return { id: existing!.id, repeated: true };
    }
    await notify(tx, {
      kind: "calls.review_assigned",
      key: `calls.review_assigned:${row.id}`,
      data: { path: `/reviews/${row.id}`, titles: { [application.language]: application.title }, originalLanguage: application.language },
      audience: { type: "users", userIds: [reviewer.id] },
      actorUserId: userId,
    });
    return { id: row.id, repeated: false };
  });
}
