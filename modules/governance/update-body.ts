import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { isLocale, type Locale } from "../../platform/i18n/locales.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { checkThemes } from "./create-body.ts";
import { factsOf, findBody } from "./find.ts";
import { updateBodyInput, type UpdateBodyInput } from "./inputs.ts";
import { governancePolicy } from "./policy.ts";
import { networkBodies } from "./schema.ts";

const descriptionOnly = new Set(["language", "description"]);

/**
 * Edits a body. The keepers change anything; a unit's coordinators change only its description.
 * Name and description are kept per language: writing one language leaves the others.
 */
export async function updateBody(ctx: ServiceContext, actor: Actor, networkSlug: string, bodySlug: string, raw: UpdateBodyInput): Promise<void> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  const body = await findBody(ctx.db, network.id, bodySlug);
  const facts = factsOf(network);
  const given = Object.entries(raw).filter(([, v]) => v !== undefined).map(([k]) => k);
  const allowed = governancePolicy.manage(actor, facts) || (given.every((k) => descriptionOnly.has(k)) && governancePolicy.editDescription(actor, facts, body));
  authorize(allowed);
  const parsed = updateBodyInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  if (input.themeIds) await checkThemes(ctx.db, input.themeIds);
  await ctx.db.transaction(async (tx) => {
    // Read again, locked, so edits in two languages at once both keep their text.
    const [current] = await tx.select().from(networkBodies).where(eq(networkBodies.id, body.id)).for("update");
    const language: Locale = input.language ?? (isLocale(current!.nameLanguage) ? current!.nameLanguage : "es");
    const names = { ...current!.names };
    if (input.name) names[language] = input.name;
    const description = { ...current!.description };
    if (input.description !== undefined) {
      if (input.description) description[language] = input.description;
      else delete description[language];
    }
    await tx
      .update(networkBodies)
      .set({
        names,
        description,
        themeIds: input.themeIds ? [...new Set(input.themeIds)] : current!.themeIds,
        regionCodes: input.regionCodes ? [...new Set(input.regionCodes)] : current!.regionCodes,
        active: input.active ?? current!.active,
        position: input.position ?? current!.position,
      })
      .where(eq(networkBodies.id, body.id));
    await recordAuditEvent(tx, {
      kind: "network_body_updated",
      actorUserId: actor.userId,
      organizationId: network.secretariatOrganizationId ?? network.recordedByOrganizationId,
      ipAddress: actor.ipAddress,
      details: { networkId: network.id, bodyId: body.id, fields: given, language },
    });
  });
}
