// Finding a network's collection of practices, and the published practices it lists, in order.
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { notFound } from "../../platform/errors.ts";
import { practiceCollectionItems, practiceCollections, practices } from "./schema.ts";

export type CollectionRow = typeof practiceCollections.$inferSelect;

export async function findCollection(db: Database, networkId: string, slug: string): Promise<CollectionRow> {
  const [row] = await db
    .select()
    .from(practiceCollections)
    .where(and(eq(practiceCollections.networkId, networkId), eq(practiceCollections.slug, slug)));
  if (!row) throw notFound("practices.error.collectionNotFound");
  return row;
}

/** The collection's practices the public may read (published, not taken down), in order. */
export async function collectionPracticeSlugs(db: Database, collectionId: string): Promise<string[]> {
  const rows = await db
    .select({ slug: practices.slug, hidden: practices.hiddenAt })
    .from(practiceCollectionItems)
    .innerJoin(practices, eq(practices.id, practiceCollectionItems.practiceId))
    .where(and(eq(practiceCollectionItems.collectionId, collectionId), isNotNull(practices.publishedVersionId)))
    .orderBy(asc(practiceCollectionItems.position), asc(practices.slug));
  return rows.filter((r) => r.hidden === null).map((r) => r.slug);
}
