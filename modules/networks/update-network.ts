import { eq, getTableColumns } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { isLocale, type Locale, locales, type Translated } from "../../platform/i18n/locales.ts";
import type { Actor } from "../organizations/actor.ts";
import { checkRegions, secretariatIdOf } from "./create-network.ts";
import { findNetwork } from "./find-network.ts";
import { updateNetworkInput, type UpdateNetworkInput } from "./inputs.ts";
import { networkPolicy } from "./policy.ts";
import { networks } from "./schema.ts";

const { logo: _logo, ...columns } = getTableColumns(networks);

/**
 * The secretariat (or a platform administrator) edits a hosted network's profile; the recording
 * organization's focal point edits an external one. Only the fields given change; the
 * description is kept per language, so writing it in one language leaves the others. Handing the
 * network to another secretariat is for administrators.
 */
export async function updateNetwork(ctx: ServiceContext, actor: Actor, slug: string, raw: UpdateNetworkInput): Promise<void> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, slug);
  authorize(networkPolicy.update(actor, network));
  const parsed = updateNetworkInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const given = (key: keyof UpdateNetworkInput) => key in raw && raw[key] !== undefined;
  if (given("secretariat") && !actor.platformAdmin) throw invalid({ secretariat: ["i18n:validation.secretariatAdminOnly"] });
  await ctx.db.transaction(async (tx) => {
    // Read again, locked, so two edits in different languages at once both keep their text.
    const [current] = await tx.select(columns).from(networks).where(eq(networks.id, network.id)).for("update");
    const language: Locale = input.descriptionLanguage ?? (isLocale(current!.descriptionLanguage) ? current!.descriptionLanguage : "es");
    const description = { ...current!.description };
    if ("description" in raw) {
      if (input.description) description[language] = input.description;
      else delete description[language];
    }
    if (input.regionCodes) await checkRegions(tx, input.regionCodes);
    const secretariatOrganizationId = given("secretariat") ? await secretariatIdOf(tx, input.secretariat!) : current!.secretariatOrganizationId;
    await tx
      .update(networks)
      .set({
        name: input.name ?? current!.name,
        names: mergeTranslated(current!.names, raw.names, input.names),
        acronyms: mergeTranslated(current!.acronyms, raw.acronyms, input.acronyms),
        kind: input.kind ?? current!.kind,
        regionCodes: input.regionCodes ?? current!.regionCodes,
        workingLanguages: input.workingLanguages ?? current!.workingLanguages,
        foundedOn: given("foundedOn") ? (input.foundedOn ?? null) : current!.foundedOn,
        description,
        // The original language stays the first one the description was written in.
        descriptionLanguage: Object.keys(current!.description).length > 0 ? current!.descriptionLanguage : language,
        website: given("website") ? (input.website ?? null) : current!.website,
        secretariatOrganizationId,
        updatedAt: new Date(),
      })
      .where(eq(networks.id, network.id));
    await recordAuditEvent(tx, {
      kind: "network_updated",
      actorUserId: actor.userId,
      organizationId: network.hosted ? secretariatOrganizationId : network.recordedByOrganizationId,
      ipAddress: actor.ipAddress,
      details: { networkId: network.id, fields: Object.keys(raw).filter((k) => k in updateNetworkInput.shape) },
    });
  });
}

/**
 * Text per language as given: a language sent empty is removed, one left out keeps its text.
 */
function mergeTranslated(current: Translated, raw: unknown, parsed: Translated | undefined): Translated {
  if (raw === undefined || raw === null || typeof raw !== "object") return current;
  const merged: Translated = { ...current };
  for (const l of locales) {
    if (!(l in raw)) continue;
    const text = parsed?.[l];
    if (text) merged[l] = text;
    else delete merged[l];
  }
  return merged;
}
