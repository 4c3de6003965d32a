import { and, eq, gt, inArray, isNull, like, or, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Database } from "../../platform/db/client.ts";
import { invalid } from "../../platform/errors.ts";
import type { Translated } from "../../platform/i18n/locales.ts";
import { slugify } from "../../platform/slug.ts";
import { worldRegions } from "../cities/schema.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { createNetworkInput, type CreateNetworkInput } from "./inputs.ts";
import { networkPolicy } from "./policy.ts";
import { networkCategories, networks } from "./schema.ts";

/** Every hosted network starts with these membership categories; the secretariat may rename them or add others. */
export const defaultCategories: { key: string; names: Translated }[] = [
  { key: "full", names: { es: "Miembro pleno", pt: "Membro pleno", en: "Full member" } },
  { key: "associate", names: { es: "Miembro asociado", pt: "Membro associado", en: "Associate member" } },
  { key: "partner", names: { es: "Socio", pt: "Parceiro", en: "Partner" } },
];

/** A second submission of the same form within this window returns the first network. */
const repeatWindow = "10 minutes";

/**
 * A platform administrator sets up a network hosted here and names the organization that runs it
 * (its members become the network's secretariat). It starts with the default categories.
 */
export async function createNetwork(ctx: ServiceContext, actor: Actor, raw: CreateNetworkInput): Promise<{ id: string; slug: string }> {
  requireSignedIn(actor);
  authorize(networkPolicy.create(actor), { visible: actor.platformAdmin });
  const parsed = createNetworkInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const userId = actor.userId;
  return ctx.db.transaction(async (tx) => {
    // One creation at a time: a double submit finds the first network.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('network-create'))`);
    const [repeated] = await tx
      .select({ id: networks.id, slug: networks.slug })
      .from(networks)
      .where(and(eq(networks.createdBy, userId), eq(networks.name, input.name), gt(networks.createdAt, sql`now() - ${repeatWindow}::interval`)));
    if (repeated) return repeated;
    const secretariatId = await secretariatIdOf(tx, input.secretariat);
    await checkRegions(tx, input.regionCodes ?? []);
    const slug = await freeNetworkSlug(tx, slugify(input.name));
    const language = input.descriptionLanguage ?? "es";
    const [network] = await tx
      .insert(networks)
      .values({
        slug,
        name: input.name,
        names: input.names ?? {},
        acronyms: input.acronyms ?? {},
        kind: input.kind,
        hosted: true,
        regionCodes: input.regionCodes ?? [],
        workingLanguages: input.workingLanguages ?? [],
        foundedOn: input.foundedOn ?? null,
        description: input.description ? { [language]: input.description } : {},
        descriptionLanguage: language,
        website: input.website ?? null,
        secretariatOrganizationId: secretariatId,
        createdBy: userId,
      })
      .returning({ id: networks.id, slug: networks.slug });
    await tx.insert(networkCategories).values(defaultCategories.map((c, position) => ({ networkId: network!.id, key: c.key, names: c.names, position })));
    await recordAuditEvent(tx, {
      kind: "network_created",
      actorUserId: userId,
      organizationId: secretariatId,
      ipAddress: actor.ipAddress,
      details: { networkId: network!.id, slug, name: input.name, hosted: true },
    });
    return network!;
  });
}

/** The id of the organization named as secretariat, or an error on the field. */
export async function secretariatIdOf(tx: Database, slug: string): Promise<string> {
  const [org] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.slug, slug), isNull(organizations.mergedIntoId)));
  if (!org) throw invalid({ secretariat: ["i18n:validation.secretariat"] });
  return org.id;
}

/** Every region code must be a UN M49 region of the reference data. */
export async function checkRegions(tx: Database, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  const known = await tx.select({ code: worldRegions.code }).from(worldRegions).where(inArray(worldRegions.code, codes));
  if (known.length !== codes.length) throw invalid({ regionCodes: ["i18n:validation.regionCode"] });
}

/** The slug, or the slug with the first free numeric suffix. */
export async function freeNetworkSlug(db: Database, base: string): Promise<string> {
  // "new" would hide the creation page at /networks/new.
  const wanted = base === "new" || base === "org" ? "network" : base;
  const taken = new Set(
    (await db.select({ slug: networks.slug }).from(networks).where(or(eq(networks.slug, wanted), like(networks.slug, `${wanted}-%`)))).map((r) => r.slug),
  );
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}
