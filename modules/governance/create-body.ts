import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Database } from "../../platform/db/client.ts";
import { invalid } from "../../platform/errors.ts";
import { slugify } from "../../platform/slug.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { themes } from "../themes/schema.ts";
import { factsOf } from "./find.ts";
import { createBodyInput, type CreateBodyInput } from "./inputs.ts";
import { governancePolicy } from "./policy.ts";
import { RuleViolation } from "./rules.ts";
import { networkBodies } from "./schema.ts";

/** The themes a body may cover: the network-spaces scheme. Unknown ids are refused on themeIds. */
export async function checkThemes(db: Database, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await db
    .select({ id: themes.id })
    .from(themes)
    .where(and(inArray(themes.id, [...ids]), eq(themes.scheme, "network-spaces")));
  if (found.length !== new Set(ids).size) throw invalid({ themeIds: ["i18n:governance.validation.themes"] });
}

/**
 * The keepers of a network (its secretariat, or for an external network the organization that
 * recorded it) create a body. Sent twice, the same body is returned.
 */
export async function createBody(ctx: ServiceContext, actor: Actor, networkSlug: string, raw: CreateBodyInput): Promise<{ slug: string }> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  authorize(governancePolicy.manage(actor, factsOf(network)));
  const parsed = createBodyInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  await checkThemes(ctx.db, input.themeIds);
  const slug = input.slug ?? slugify(input.name, 80);
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(networkBodies)
      .values({
        networkId: network.id,
        slug,
        kind: input.kind,
        names: { [input.nameLanguage]: input.name },
        nameLanguage: input.nameLanguage,
        description: input.description ? { [input.nameLanguage]: input.description } : {},
        themeIds: [...new Set(input.themeIds)],
        regionCodes: [...new Set(input.regionCodes)],
        active: input.active,
        position: input.position,
      })
      .onConflictDoNothing()
      .returning({ id: networkBodies.id, slug: networkBodies.slug });
    if (!created) {
      // The same form sent twice finds its body; another body with that address is refused.
      const [existing] = await tx
        .select()
        .from(networkBodies)
        .where(and(eq(networkBodies.networkId, network.id), eq(networkBodies.slug, slug)));
      if (existing && existing.kind === input.kind && existing.names[input.nameLanguage] === input.name) return { slug };
      throw new RuleViolation("conflict", "governance.rule.slugTaken", "slug", { slug });
    }
    await recordAuditEvent(tx, {
      kind: "network_body_created",
      actorUserId: actor.userId,
      organizationId: network.secretariatOrganizationId ?? network.recordedByOrganizationId,
      ipAddress: actor.ipAddress,
      details: { networkId: network.id, bodyId: created.id, slug, kind: input.kind },
    });
    return { slug };
  });
}
