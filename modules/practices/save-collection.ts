import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { messageWith } from "../../platform/storage/field-message.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { collectionPracticeSlugs, findCollection } from "./collections.ts";
import { parseOrThrow } from "./create-practice.ts";
import { saveCollectionInput, type SaveCollectionInput } from "./inputs.ts";
import { bankPolicy } from "./policy.ts";
import { practiceCollectionItems, practiceCollections, practices } from "./schema.ts";

/**
 * The secretariat writes a collection's title, subtitle and foreword in one language and, when
 * given, its practices in order (published practices of the network only).
 */
export async function saveCollection(ctx: ServiceContext, actor: Actor, networkSlug: string, slug: string, raw: SaveCollectionInput): Promise<void> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  authorize(bankPolicy.manage(actor, { networkId: network.id, hosted: network.hosted }));
  const input = parseOrThrow(saveCollectionInput, raw);
  const collection = await findCollection(ctx.db, network.id, slug);
  await ctx.db.transaction(async (tx) => {
    const set = (value: Record<string, string>, text: string) => {
      const next = { ...value };
      if (text) next[input.language] = text;
      else delete next[input.language];
      return next;
    };
    await tx
      .update(practiceCollections)
      .set({
        title: set(collection.title, input.title),
        subtitle: set(collection.subtitle, input.subtitle),
        foreword: set(collection.foreword, input.foreword),
        updatedAt: new Date(),
      })
      .where(eq(practiceCollections.id, collection.id));
    if (input.practices) {
      const found = input.practices.length
        ? await tx
            .select({ id: practices.id, slug: practices.slug })
            .from(practices)
            .where(and(inArray(practices.slug, input.practices), eq(practices.networkId, network.id), isNotNull(practices.publishedVersionId)))
        : [];
      const bySlug = new Map(found.map((p) => [p.slug, p.id]));
      const missing = input.practices.filter((s) => !bySlug.has(s));
      if (missing.length > 0) throw invalid({ practices: [messageWith("practices.validation.collectionPractice", { slugs: missing.join(", ") })] });
      await tx.delete(practiceCollectionItems).where(eq(practiceCollectionItems.collectionId, collection.id));
      if (input.practices.length > 0) {
        await tx
          .insert(practiceCollectionItems)
          .values(input.practices.map((s, position) => ({ collectionId: collection.id, practiceId: bySlug.get(s)!, position })));
      }
    }
  });
}

/** Publishes (or withdraws) a collection: it needs a title and at least one published practice. */
export async function publishCollection(ctx: ServiceContext, actor: Actor, networkSlug: string, slug: string, publish = true): Promise<{ publishedAt: Date | null }> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  authorize(bankPolicy.manage(actor, { networkId: network.id, hosted: network.hosted }));
  const collection = await findCollection(ctx.db, network.id, slug);
  if (!publish) {
    await ctx.db.update(practiceCollections).set({ publishedAt: null, updatedAt: new Date() }).where(eq(practiceCollections.id, collection.id));
    return { publishedAt: null };
  }
  if (collection.publishedAt) return { publishedAt: collection.publishedAt };
  if ((await collectionPracticeSlugs(ctx.db, collection.id)).length === 0) throw new AppError("conflict", "practices.error.emptyCollection");
  const now = new Date();
  await ctx.db.update(practiceCollections).set({ publishedAt: now, updatedAt: now }).where(eq(practiceCollections.id, collection.id));
  return { publishedAt: now };
}
