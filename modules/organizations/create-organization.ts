import { and, eq, gt, isNull, like, or, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { slugify } from "../../platform/slug.ts";
import { users } from "../accounts/schema.ts";
import { cities, countries } from "../cities/schema.ts";
import type { Actor } from "./actor.ts";
import { createOrganizationInput, type CreateOrganizationInput } from "./inputs.ts";
import { organizationPolicy } from "./policy.ts";
import { organizationMembers, organizations } from "./schema.ts";

/** A second submission of the same form within this window returns the first organization. */
const repeatWindow = "10 minutes";

/**
 * Registers an organization; its creator becomes its first focal point and acts for it. A city
 * has one local government on Pares: a second one is refused, naming the field. Unverified
 * until a platform administrator checks it.
 */
export async function createOrganization(
  ctx: ServiceContext,
  actor: Actor,
  raw: CreateOrganizationInput,
  options: { join?: boolean } = {},
): Promise<{ id: string; slug: string }> {
  requireSignedIn(actor);
  authorize(organizationPolicy.create(actor));
  // A platform administrator may register an organization for others without joining it.
  const join = options.join ?? true;
  authorize(join || actor.platformAdmin);
  const parsed = createOrganizationInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const userId = actor.userId;

  return ctx.db.transaction(async (tx) => {
    // One creation at a time (organizations are registered rarely): a double submit finds the
    // first one, and two people registering the same city's government or the same name cannot
    // both pass the checks below.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('organization-create'))`);
    const [repeated] = await tx
      .select({ id: organizations.id, slug: organizations.slug })
      .from(organizations)
      .where(
        and(
          eq(organizations.createdBy, userId),
          eq(organizations.name, input.name),
          eq(organizations.kind, input.kind),
          gt(organizations.createdAt, sql`now() - ${repeatWindow}::interval`),
        ),
      );
    if (repeated) return repeated;

    let countryCode = input.countryCode;
    if (input.cityId !== undefined) {
      const [city] = await tx.select({ countryCode: cities.countryCode }).from(cities).where(eq(cities.id, input.cityId));
      if (!city) throw invalid({ cityId: ["i18n:validation.city"] });
      countryCode = city.countryCode;
    } else {
      const [country] = await tx.select({ code: countries.code }).from(countries).where(eq(countries.code, countryCode!));
      if (!country) throw invalid({ countryCode: ["i18n:validation.countryCode"] });
    }
    if (input.kind === "local_government") {
      const [existing] = await tx
        .select({ slug: organizations.slug })
        .from(organizations)
        .where(and(eq(organizations.cityId, input.cityId!), eq(organizations.kind, "local_government"), isNull(organizations.mergedIntoId)));
      if (existing) throw invalid({ cityId: ["i18n:error.organization.cityTaken"] });
    }

    const slug = await freeSlug(tx, slugify(input.name));
    const [org] = await tx
      .insert(organizations)
      .values({
        slug,
        name: input.name,
        kind: input.kind,
        cityId: input.cityId ?? null,
        countryCode: countryCode!,
        description: input.description ? { [input.descriptionLanguage]: input.description } : {},
        descriptionLanguage: input.description ? input.descriptionLanguage : null,
        website: input.website ?? null,
        createdBy: userId,
      })
      .returning({ id: organizations.id, slug: organizations.slug });
    await recordAuditEvent(tx, { kind: "organization_created", actorUserId: userId, organizationId: org!.id, ipAddress: actor.ipAddress, details: { name: input.name, kind: input.kind } });
    if (join) {
      await tx.insert(organizationMembers).values({ organizationId: org!.id, userId, role: "focal_point" });
      await tx.update(users).set({ actingOrganizationId: org!.id }).where(eq(users.id, userId));
      await recordAuditEvent(tx, { kind: "member_added", actorUserId: userId, subjectUserId: userId, organizationId: org!.id, ipAddress: actor.ipAddress, details: { role: "focal_point" } });
    }
    return org!;
  });
}

/** The slug, or the slug with the first free numeric suffix. */
async function freeSlug(db: ServiceContext["db"], base: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .select({ slug: organizations.slug })
        .from(organizations)
        .where(or(eq(organizations.slug, base), like(organizations.slug, `${base}-%`)))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
