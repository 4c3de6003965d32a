// Building blocks shared by the demo seed and the tests: people with verified accounts,
// organizations and memberships, written straight to the database.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { slugify } from "../../platform/slug.ts";
import { accounts, users } from "../accounts/schema.ts";
import { cities, cityNames } from "../cities/schema.ts";
import { type MemberRole, type OrganizationKind, organizationMembers, organizations } from "./schema.ts";

export interface PersonSpec {
  name: string;
  email: string;
  password: string;
  locale?: Locale;
  role?: "user" | "admin";
  position?: string;
  languages?: string[];
  timeZone?: string;
}

/** A person with a verified address and a password (an existing address is returned as it is). */
export async function createPerson(db: Database, spec: PersonSpec): Promise<string> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, spec.email));
  if (existing) return existing.id;
  const id = randomUUID();
  await db.insert(users).values({
    id,
    name: spec.name,
    email: spec.email,
    emailVerified: true,
    locale: spec.locale ?? "es",
    role: spec.role ?? "user",
    position: spec.position ?? null,
    languages: spec.languages ?? [],
    timeZone: spec.timeZone ?? null,
  });
  await db.insert(accounts).values({ id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: await hashPassword(spec.password) });
  return id;
}

/** The most populous reference city with this name in this country. */
export async function findCityId(db: Database, name: string, countryCode: string): Promise<number | null> {
  const [city] = await db
    .select({ id: cities.id })
    .from(cityNames)
    .innerJoin(cities, eq(cities.id, cityNames.cityId))
    .where(and(eq(cityNames.nameNorm, sql`public.pares_normalize(${name})`), eq(cities.countryCode, countryCode)))
    .orderBy(sql`${cities.population} desc`)
    .limit(1);
  return city?.id ?? null;
}

export interface OrganizationSpec {
  name: string;
  kind: OrganizationKind;
  countryCode: string;
  cityId?: number | null;
  slug?: string;
  verified?: boolean;
  description?: Partial<Record<Locale, string>>;
  descriptionLanguage?: Locale;
  website?: string;
}

/** An organization (the existing one when the slug is taken). */
export async function createOrganizationRecord(db: Database, spec: OrganizationSpec): Promise<{ id: string; slug: string }> {
  const slug = spec.slug ?? slugify(spec.name);
  const [existing] = await db.select({ id: organizations.id, slug: organizations.slug }).from(organizations).where(eq(organizations.slug, slug));
  if (existing) return existing;
  const [org] = await db
    .insert(organizations)
    .values({
      slug,
      name: spec.name,
      kind: spec.kind,
      countryCode: spec.countryCode,
      cityId: spec.cityId ?? null,
      verifiedAt: spec.verified ? new Date() : null,
      description: spec.description ?? {},
      descriptionLanguage: spec.descriptionLanguage ?? null,
      website: spec.website ?? null,
    })
    .returning({ id: organizations.id, slug: organizations.slug });
  return org!;
}

export async function addMember(db: Database, organizationId: string, userId: string, role: MemberRole): Promise<void> {
  await db.insert(organizationMembers).values({ organizationId, userId, role }).onConflictDoNothing();
  await db
    .update(users)
    .set({ actingOrganizationId: organizationId })
    .where(and(eq(users.id, userId), sql`${users.actingOrganizationId} is null`));
}
