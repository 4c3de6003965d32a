import { and, eq, inArray } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { findEdition } from "./find.ts";
import { summitProjectsInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { enrolments } from "./schema.ts";

/** After the mentoring, the secretariat chooses (up to) three of the cohort's projects to present at the summit; choosing again replaces the choice. */
export async function chooseSummitProjects(ctx: ServiceContext, actor: Actor, editionId: string, raw: { projects: { enrolment: string; title: string }[] }): Promise<{ chosen: number }> {
  requireSignedIn(actor);
  const input = parseOrThrow(summitProjectsInput, raw);
  const { networkId } = await findEdition(ctx.db, editionId);
  authorize(callsPolicy.manage(actor, networkId), { visible: false });
  return ctx.db.transaction(async (tx) => {
    const cohort = new Set(
      (await tx.select({ id: enrolments.id }).from(enrolments).where(and(eq(enrolments.editionId, editionId), inArray(enrolments.status, ["confirmed", "completed"])))).map((e) => e.id),
    );
    if (input.projects.some((p) => !cohort.has(p.enrolment))) throw invalid({ projects: ["i18n:calls.validation.notInCohort"] });
    await tx.update(enrolments).set({ chosenForSummit: false }).where(eq(enrolments.editionId, editionId));
    for (const p of input.projects) await tx.update(enrolments).set({ chosenForSummit: true, projectTitle: p.title }).where(eq(enrolments.id, p.enrolment));
    return { chosen: input.projects.length };
  });
}
