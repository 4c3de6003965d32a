import { eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { checkReferences, mergeContent, resolvePartners } from "./content.ts";
import { parseOrThrow } from "./create-practice.ts";
import { findPractice } from "./find.ts";
import { updatePracticeInput, type UpdatePracticeInput } from "./inputs.ts";
import { practicePolicy } from "./policy.ts";
import { practiceEvents, practices, practiceVersions } from "./schema.ts";

/** Statuses in which a version is with the moderators and cannot change. */
export const frozenStatuses = ["submitted", "in_review"] as const;

/**
 * The organization's people edit the practice. A draft is changed in place (each save raises its
 * revision; a save made from an older revision is refused, so two people editing at once never
 * overwrite each other silently). Editing a version the moderators answered (changes requested,
 * declined) or a published one starts a new draft version: the published one stays what the
 * public reads until the new one is published, and every earlier version is kept.
 */
export async function updatePractice(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  raw: UpdatePracticeInput,
): Promise<{ revision: number; versionNumber: number; newVersion: boolean }> {
  requireSignedIn(actor);
  const input = parseOrThrow(updatePracticeInput, raw);
  const partners = await resolvePartners(ctx.db, input.partners);
  const userId = actor.userId;
  return ctx.db.transaction(async (tx) => {
    const { practice, current, facts } = await findPractice(tx, slug, { forUpdate: true });
    authorize(practicePolicy.edit(actor, facts), { visible: practicePolicy.readWorking(actor, facts) || practicePolicy.read(actor, facts) });
    if ((frozenStatuses as readonly string[]).includes(current.status)) throw new AppError("conflict", "practices.error.withModerators");
    // Revisions grow across versions too, so an edit made from any older state is refused.
    if (input.revision !== undefined && input.revision !== current.revision) {
      throw new AppError("conflict", "practices.error.staleRevision");
    }
    const originalLanguage = input.originalLanguage ?? practice.originalLanguage;
    const content = await checkReferences(tx, practice.networkId, practice.id, mergeContent(current.content, { ...input, partners }));
    if (!content.texts[originalLanguage as "es"]?.title) {
      throw new AppError("invalid", "error.invalid.detail", { [`texts.${originalLanguage}.title`]: ["i18n:practices.validation.required.title"] });
    }
    if (current.status === "draft") {
      const [saved] = await tx
        .update(practiceVersions)
        .set({ content, originalLanguage, revision: sql`${practiceVersions.revision} + 1`, updatedBy: userId, updatedAt: new Date() })
        .where(eq(practiceVersions.id, current.id))
        .returning({ revision: practiceVersions.revision });
      await tx.update(practices).set({ originalLanguage, updatedAt: new Date() }).where(eq(practices.id, practice.id));
      return { revision: saved!.revision, versionNumber: current.number, newVersion: false };
    }
    const [next] = await tx
      .insert(practiceVersions)
      .values({ practiceId: practice.id, number: current.number + 1, status: "draft", originalLanguage, content, revision: current.revision + 1, createdBy: userId, updatedBy: userId })
      .returning({ id: practiceVersions.id, revision: practiceVersions.revision, number: practiceVersions.number });
    await tx.update(practices).set({ currentVersionId: next!.id, status: "draft", originalLanguage, updatedAt: new Date() }).where(eq(practices.id, practice.id));
    await tx.insert(practiceEvents).values({ practiceId: practice.id, versionId: next!.id, kind: "edited", actorUserId: userId });
    return { revision: next!.revision, versionNumber: next!.number, newVersion: true };
  });
}
