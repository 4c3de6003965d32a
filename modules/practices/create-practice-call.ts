import { and, eq, inArray, like, or } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { slugify } from "../../platform/slug.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { themes } from "../themes/schema.ts";
import { parseOrThrow } from "./create-practice.ts";
import { createCallInput, type CreateCallInput } from "./inputs.ts";
import { bankPolicy } from "./policy.ts";
import { practiceCalls, practiceCollections } from "./schema.ts";

/**
 * The secretariat opens a call for practices on one or more themes, with opening and closing
 * moments (the deadline is checked against the server's clock). Its selection forms a collection,
 * created with the call and published when the secretariat decides.
 */
export async function createPracticeCall(ctx: ServiceContext, actor: Actor, networkSlug: string, raw: CreateCallInput): Promise<{ slug: string }> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  authorize(bankPolicy.manage(actor, { networkId: network.id, hosted: network.hosted }));
  const input = parseOrThrow(createCallInput, raw);
  if (input.themeIds.length > 0) {
    const known = await ctx.db.select({ id: themes.id }).from(themes).where(inArray(themes.id, input.themeIds));
    if (known.length !== input.themeIds.length) throw invalid({ themeIds: ["i18n:practices.validation.theme"] });
  }
  return ctx.db.transaction(async (tx) => {
    const base = slugify(input.title, 60);
    const taken = new Set(
      (
        await tx
          .select({ slug: practiceCalls.slug })
          .from(practiceCalls)
          .where(and(eq(practiceCalls.networkId, network.id), or(eq(practiceCalls.slug, base), like(practiceCalls.slug, `${base}-%`))))
      ).map((r) => r.slug),
    );
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    const [collection] = await tx
      .insert(practiceCollections)
      .values({ networkId: network.id, slug, title: { [input.language]: input.title }, originalLanguage: input.language, createdBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: practiceCollections.id });
    await tx.insert(practiceCalls).values({
      networkId: network.id,
      slug,
      title: { [input.language]: input.title },
      description: input.description ? { [input.language]: input.description } : {},
      originalLanguage: input.language,
      themeIds: input.themeIds,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      collectionId: collection?.id ?? null,
      createdBy: actor.userId,
    });
    return { slug };
  });
}
