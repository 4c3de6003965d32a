import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { isLocale, type Locale } from "../../platform/i18n/locales.ts";
import type { Actor } from "./actor.ts";
import { findOrganization } from "./find-organization.ts";
import { updateOrganizationInput, type UpdateOrganizationInput } from "./inputs.ts";
import { organizationPolicy } from "./policy.ts";
import { organizations } from "./schema.ts";

/**
 * A focal point edits the organization's profile. The description is kept per language: writing
 * it in one language leaves the others as they were.
 */
export async function updateOrganization(ctx: ServiceContext, actor: Actor, slug: string, raw: UpdateOrganizationInput): Promise<void> {
  requireSignedIn(actor);
  const org = await findOrganization(ctx.db, slug);
  authorize(organizationPolicy.update(actor, org) && !org.mergedIntoId);
  const parsed = updateOrganizationInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  await ctx.db.transaction(async (tx) => {
    // Read again, locked, so two edits in different languages at once both keep their text.
    const [current] = await tx.select().from(organizations).where(eq(organizations.id, org.id)).for("update");
    const language: Locale = input.descriptionLanguage ?? (isLocale(current!.descriptionLanguage) ? current!.descriptionLanguage : "es");
    const description = { ...current!.description };
    if ("description" in raw) {
      if (input.description) description[language] = input.description;
      else delete description[language];
    }
    await tx
      .update(organizations)
      .set({
        name: input.name ?? current!.name,
        description,
        descriptionLanguage: current!.descriptionLanguage ?? (input.description ? language : null),
        website: "website" in raw ? (input.website ?? null) : current!.website,
        updatedAt: new Date(),
      })
      .where(eq(organizations.id, org.id));
    await recordAuditEvent(tx, {
      kind: "organization_updated",
      actorUserId: actor.userId,
      organizationId: org.id,
      ipAddress: actor.ipAddress,
      details: { fields: Object.keys(raw).filter((k) => k in updateOrganizationInput.shape) },
    });
  });
}
