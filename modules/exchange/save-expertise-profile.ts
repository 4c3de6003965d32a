import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import { actingOrganizationFor } from "../networks/join-external-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { themes } from "../themes/schema.ts";
import { expertiseProfileInput } from "./inputs.ts";
import { exchangePolicy } from "./policy.ts";
import { expertiseProfiles } from "./schema.ts";

/**
 * A person's entry in the directory of local expertise: their own, for an organization they
 * belong to. `listed` is their consent; without it the entry is kept but nobody else sees it.
 */
export async function saveExpertiseProfile(ctx: ServiceContext, actor: Actor, raw: z.input<typeof expertiseProfileInput>): Promise<{ listed: boolean }> {
  requireSignedIn(actor);
  const input = parseOrThrow(expertiseProfileInput, raw);
  const organizationId = await actingOrganizationFor(ctx.db, actor, input.organization);
  authorize(exchangePolicy.saveOwnProfile(actor, organizationId));
  if (input.themeIds.length > 0) {
    const found = await ctx.db.select({ id: themes.id }).from(themes).where(sql`${themes.id} = any(${`{${input.themeIds.join(",")}}`}::text[])`);
    if (found.length < input.themeIds.length) throw invalid({ themeIds: ["i18n:exchange.validation.theme"] });
  }
  const summary = Object.fromEntries(Object.entries(input.summary).filter(([, v]) => v));
  const values = { organizationId, position: input.position, summary, themeIds: input.themeIds, languages: input.languages, listed: input.listed, updatedAt: sql`now()` };
  await ctx.db
    .insert(expertiseProfiles)
    .values({ userId: actor.userId, ...values })
    .onConflictDoUpdate({ target: expertiseProfiles.userId, set: values });
  return { listed: input.listed };
}

/** The person's own entry (listed or not), or null. */
export async function getExpertiseProfile(ctx: ServiceContext, actor: Actor) {
  requireSignedIn(actor);
  const [row] = await ctx.db
    .select({ profile: expertiseProfiles, organization: organizations.slug })
    .from(expertiseProfiles)
    .innerJoin(organizations, eq(organizations.id, expertiseProfiles.organizationId))
    .where(eq(expertiseProfiles.userId, actor.userId));
  if (!row) return null;
  const p = row.profile;
  return { organization: row.organization, position: p.position, summary: p.summary, themeIds: p.themeIds, languages: p.languages, listed: p.listed };
}
