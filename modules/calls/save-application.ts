import { and, eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { findApplication } from "./find.ts";
import { cents, saveApplicationInput, type SaveApplicationInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { applicationBudgetLines, applications } from "./schema.ts";

/**
 * The lead's people save the draft (the form's autosave and its button): every section and the
 * budget lines at once, from the revision they read. A save from an older revision (someone else
 * saved meanwhile) is refused with "conflict", never written over the other person's work; the
 * page then shows both.
 */
export async function saveApplication(ctx: ServiceContext, actor: Actor, id: string, raw: SaveApplicationInput): Promise<{ revision: number }> {
  requireSignedIn(actor);
  const input = parseOrThrow(saveApplicationInput, raw);
  const { application, facts } = await findApplication(ctx.db, id);
  authorize(callsPolicy.editApplication(actor, facts), { visible: callsPolicy.readApplication(actor, facts) });
  // Each budget line is spent by the lead or a partner that has not declined.
  const spenders = new Set([application.leadOrganizationId, ...facts.partners.filter((p) => p.status !== "declined").map((p) => p.organizationId)]);
  const wrong = input.budget.flatMap((line, i) => (spenders.has(line.organization) ? [] : [[`budget.${i}.organization`, ["i18n:calls.validation.budgetOrganization"]]]));
  if (wrong.length > 0) throw invalid(Object.fromEntries(wrong));
  const userId = actor.userId;
  return ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .update(applications)
      .set({
        title: input.title,
        language: input.language,
        modality: input.modality,
        themeIds: input.themeIds,
        sdgGoals: input.sdgGoals,
        content: input.content,
        revision: sql`${applications.revision} + 1`,
        updatedAt: sql`now()`,
        updatedBy: userId,
      })
      .where(and(eq(applications.id, id), eq(applications.revision, input.revision), eq(applications.status, "draft")))
      .returning({ revision: applications.revision });
    if (!saved) {
      const [now] = await tx.select({ status: applications.status }).from(applications).where(eq(applications.id, id));
      throw new AppError("conflict", now?.status === "draft" ? "calls.error.staleRevision" : "calls.error.notDraft");
    }
    await tx.delete(applicationBudgetLines).where(eq(applicationBudgetLines.applicationId, id));
    if (input.budget.length > 0) {
      await tx.insert(applicationBudgetLines).values(
        input.budget.map((line, position) => ({
          applicationId: id,
          position,
          organizationId: line.organization,
          description: line.description,
          requestedCents: cents(line.requested),
          counterpartCashCents: cents(line.counterpartCash),
          counterpartInKindCents: cents(line.counterpartInKind),
        })),
      );
    }
    return { revision: saved.revision };
  });
}
