import { and, eq, like, or, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Database } from "../../platform/db/client.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import { slugify } from "../../platform/slug.ts";
import { findNetwork } from "../networks/find-network.ts";
import { actingOrganizationFor } from "../networks/join-external-network.ts";
import { networkMemberships } from "../networks/schema.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { checkReferences, emptyContent, mergeContent, resolvePartners } from "./content.ts";
import { createPracticeInput, type CreatePracticeInput } from "./inputs.ts";
import { practicePolicy } from "./policy.ts";
import { practiceEvents, practices, practiceVersions } from "./schema.ts";

export { parseOrThrow };

/**
 * A member of an organization that belongs (active) to a hosted network starts a practice for
 * the network's bank: a first version in draft, written in its original language (a title at
 * least). Repeating the request with the same idempotency key returns the first practice.
 */
export async function createPractice(ctx: ServiceContext, actor: Actor, raw: CreatePracticeInput): Promise<{ id: string; slug: string; repeated: boolean }> {
  requireSignedIn(actor);
  const input = parseOrThrow(createPracticeInput, raw);
  const network = await findNetwork(ctx.db, input.network);
  if (!network.hosted) throw new AppError("conflict", "practices.error.externalNetwork");
  const organizationId = await actingOrganizationFor(ctx.db, actor, input.organization);
  const [membership] = await ctx.db
    .select({ status: networkMemberships.status })
    .from(networkMemberships)
    .where(and(eq(networkMemberships.networkId, network.id), eq(networkMemberships.organizationId, organizationId)));
  const activeMember = membership?.status === "active" || organizationId === network.secretariatOrganizationId;
  if (actor.memberships.has(organizationId) && !activeMember) throw new AppError("forbidden", "practices.error.notAMember");
  authorize(practicePolicy.create(actor, organizationId, activeMember));
  const userId = actor.userId;
  if (input.idempotencyKey) {
    const [first] = await ctx.db
      .select({ id: practices.id, slug: practices.slug })
      .from(practices)
      .where(and(eq(practices.createdBy, userId), eq(practices.creationKey, input.idempotencyKey)));
    if (first) return { ...first, repeated: true };
  }
  const originalLanguage = input.originalLanguage ?? locales.find((l) => input.texts?.[l]?.title) ?? "es";
  const partners = await resolvePartners(ctx.db, input.partners);
  const content = await checkReferences(ctx.db, network.id, null, mergeContent(emptyContent(), { ...input, partners, fileIds: [] }));
  const title = content.texts[originalLanguage]?.title;
  if (!title) throw invalid({ [`texts.${originalLanguage}.title`]: ["i18n:practices.validation.required.title"] });
  const [org] = await ctx.db.select({ cityId: organizations.cityId, countryCode: organizations.countryCode }).from(organizations).where(eq(organizations.id, organizationId));
  return ctx.db.transaction(async (tx) => {
    // One slug choice at a time: two practices of the same title never race for one address.
    await tx.execute(practiceSlugLock);
    const slug = await freePracticeSlug(tx, slugify(title, 80));
    const [practice] = await tx
      .insert(practices)
      .values({
        slug,
        networkId: network.id,
        organizationId,
        cityId: org?.cityId ?? null,
        countryCode: org?.countryCode ?? null,
        originalLanguage,
        status: "draft",
        creationKey: input.idempotencyKey ?? null,
        createdBy: userId,
      })
      // Two requests with the same key at the same moment: the second finds the first.
      .onConflictDoNothing({ target: [practices.createdBy, practices.creationKey] })
      .returning({ id: practices.id, slug: practices.slug });
    if (!practice) {
      const [first] = await tx
        .select({ id: practices.id, slug: practices.slug })
        .from(practices)
        .where(and(eq(practices.createdBy, userId), eq(practices.creationKey, input.idempotencyKey!)));
      return { ...first!, repeated: true };
    }
    const [version] = await tx
      .insert(practiceVersions)
      .values({ practiceId: practice.id, number: 1, status: "draft", originalLanguage, content, createdBy: userId, updatedBy: userId })
      .returning({ id: practiceVersions.id });
    await tx.update(practices).set({ currentVersionId: version!.id }).where(eq(practices.id, practice.id));
    await tx.insert(practiceEvents).values({ practiceId: practice.id, versionId: version!.id, kind: "created", actorUserId: userId });
    return { ...practice, repeated: false };
  });
}

export const practiceSlugLock = sql`select pg_advisory_xact_lock(hashtext('practice-slug'))`;

/** The slug, or the slug with the first free numeric suffix. */
export async function freePracticeSlug(db: Database, base: string): Promise<string> {
  const wanted = ["new", "review", "queue", "search", "feed", "map", "export", "calls", "collections", "observatory"].includes(base) ? `${base}-practice` : base;
  const taken = new Set(
    (
      await db
        .select({ slug: practices.slug })
        .from(practices)
        .where(or(eq(practices.slug, wanted), like(practices.slug, `${wanted}-%`)))
    ).map((r) => r.slug),
  );
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}
