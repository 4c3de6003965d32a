// Finding a practice by its address with the facts its policy decides from: the current and
// published versions, the units whose themes it carries, the observatory's co-moderator.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/client.ts";
import { notFound } from "../../platform/errors.ts";
import type { PracticeFacts } from "./policy.ts";
import { type PracticeContent, practiceAxes, practiceObservatories, practices, practiceVersions } from "./schema.ts";

export type PracticeRow = typeof practices.$inferSelect;
export type VersionRow = typeof practiceVersions.$inferSelect;

export interface PracticeRecord {
  practice: PracticeRow;
  current: VersionRow;
  published: VersionRow | null;
  facts: PracticeFacts;
}

/** The practice at this address with its versions and policy facts, or "not found". */
export async function findPractice(db: Database, slug: string, options: { forUpdate?: boolean } = {}): Promise<PracticeRecord> {
  const query = db.select().from(practices).where(eq(practices.slug, slug));
  const [practice] = options.forUpdate ? await query.for("update") : await query;
  if (!practice || !practice.currentVersionId) throw notFound("practices.error.notFound");
  const ids = [practice.currentVersionId, ...(practice.publishedVersionId ? [practice.publishedVersionId] : [])];
  const versions = await db.select().from(practiceVersions).where(inArray(practiceVersions.id, ids));
  const current = versions.find((v) => v.id === practice.currentVersionId)!;
  const published = versions.find((v) => v.id === practice.publishedVersionId) ?? null;
  return { practice, current, published, facts: await practiceFacts(db, practice, current.content) };
}

/** The themes a version carries: its own and those its network's axes map onto. */
export async function effectiveThemes(db: Database, networkId: string | null, content: Pick<PracticeContent, "themeIds" | "axisKeys">): Promise<string[]> {
  const themes = new Set(content.themeIds);
  if (networkId && content.axisKeys.length > 0) {
    const axes = await db
      .select({ themeIds: practiceAxes.themeIds })
      .from(practiceAxes)
      .where(and(eq(practiceAxes.networkId, networkId), inArray(practiceAxes.key, content.axisKeys)));
    for (const axis of axes) for (const theme of axis.themeIds) themes.add(theme);
  }
  return [...themes];
}

export async function practiceFacts(db: Database, practice: PracticeRow, content: PracticeContent): Promise<PracticeFacts> {
  const themes = practice.networkId ? await effectiveThemes(db, practice.networkId, content) : [];
  const units =
    practice.networkId && themes.length > 0
      ? await queryRows<{ id: string }>(
          db,
          sql`select id from network_bodies
              where network_id = ${practice.networkId} and active and kind in ('thematic_unit', 'working_group', 'commission')
                and theme_ids && ${`{${themes.join(",")}}`}::text[]`,
        )
      : [];
  const [observatory] = practice.networkId
    ? await db
        .select({ partner: practiceObservatories.partnerOrganizationId })
        .from(practiceObservatories)
        .where(eq(practiceObservatories.networkId, practice.networkId))
    : [];
  return {
    networkId: practice.networkId,
    organizationId: practice.organizationId,
    status: practice.status,
    public: practice.publishedVersionId !== null && practice.hiddenAt === null,
    unitIds: units.map((u) => u.id),
    observatory: isObservatory(content),
    observatoryPartnerId: observatory?.partner ?? null,
  };
}

/** Born of city–university cooperation: a university (or an association of them) among the partners. */
export function isObservatory(content: Pick<PracticeContent, "partners">): boolean {
  return content.partners.some((p) => p.kind === "university" || p.kind === "university_association");
}
