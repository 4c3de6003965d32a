// Building blocks for tests of the network page and the portfolio: networks, members, bodies,
// terms and roles written straight to the database, dated relative to today.
import { sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/client.ts";
import type { Translated } from "../../platform/i18n/locales.ts";
import { type BodyKind, networkBodies, networkRoles, networkTerms, type RoleKind } from "../governance/schema.ts";
import { createOrganizationRecord } from "../organizations/factories.ts";
import type { OrganizationKind } from "../organizations/schema.ts";
import { type MembershipStatus, networkMemberships, type NetworkKind, networks } from "../networks/schema.ts";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

/** YYYY-MM-DD, `days` from today (UTC). */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export async function createTestNetwork(
  db: Database,
  spec: { name?: string; kind?: NetworkKind; hosted?: boolean; secretariatOrganizationId?: string; recordedByOrganizationId?: string; acronyms?: Translated } = {},
): Promise<{ id: string; slug: string; name: string }> {
  const suffix = unique();
  const name = spec.name ?? `Test network ${suffix}`;
  const [row] = await db
    .insert(networks)
    .values({
      slug: `test-network-${suffix}`,
      name,
      kind: spec.kind ?? "regional",
      hosted: spec.hosted ?? true,
      acronyms: spec.acronyms ?? {},
      secretariatOrganizationId: spec.secretariatOrganizationId ?? null,
      recordedByOrganizationId: spec.recordedByOrganizationId ?? null,
      description: { es: "Una red de prueba." },
      descriptionLanguage: "es",
    })
    .returning({ id: networks.id, slug: networks.slug });
  return { ...row!, name };
}

/**
 * A fresh local government of a reference city in this country that has none yet (the
 * `skip`-th most populous such city), with the city's population.
 */
export async function createCityGovernment(
  db: Database,
  countryCode: string,
  skip = 0,
): Promise<{ id: string; slug: string; name: string; cityId: number; population: number }> {
  const [city] = await queryRows<{ id: number; name: string; population: number }>(
    db,
    sql`select c.id, c.name, c.population from cities c
        where c.country_code = ${countryCode}
          and not exists (select 1 from organizations o where o.city_id = c.id and o.kind = 'local_government' and o.merged_into_id is null)
        order by c.population desc, c.id limit 1 offset ${skip}`,
  );
  if (!city) throw new Error(`no free city in ${countryCode}`);
  const name = `Municipio de prueba ${city.name} ${unique()}`;
  const org = await createOrganizationRecord(db, { name, kind: "local_government", countryCode, cityId: Number(city.id) });
  return { ...org, name, cityId: Number(city.id), population: Number(city.population) };
}

export async function createOtherOrganization(db: Database, kind: OrganizationKind, countryCode: string): Promise<{ id: string; slug: string; name: string }> {
  const name = `Organización de prueba ${unique()}`;
  return { ...(await createOrganizationRecord(db, { name, kind, countryCode })), name };
}

export async function addMembership(
  db: Database,
  networkId: string,
  organizationId: string,
  spec: { status?: MembershipStatus; founding?: boolean; since?: string; statusChangedDaysAgo?: number; sourceUrl?: string } = {},
): Promise<string> {
  const [row] = await db
    .insert(networkMemberships)
    .values({
      networkId,
      organizationId,
      status: spec.status ?? "active",
      founding: spec.founding ?? false,
      since: spec.since ?? null,
      sourceUrl: spec.sourceUrl ?? null,
      statusChangedAt: new Date(Date.now() - (spec.statusChangedDaysAgo ?? 0) * 86_400_000),
    })
    .returning({ id: networkMemberships.id });
  return row!.id;
}

export async function addBody(
  db: Database,
  networkId: string,
  spec: { slug: string; kind: BodyKind; names: Translated; active?: boolean; position?: number },
): Promise<string> {
  const [row] = await db
    .insert(networkBodies)
    .values({ networkId, slug: spec.slug, kind: spec.kind, names: spec.names, active: spec.active ?? true, position: spec.position ?? 0 })
    .returning({ id: networkBodies.id });
  return row!.id;
}

export async function addTerm(
  db: Database,
  networkId: string,
  spec: { label: string; startsOn: string; endsOn: string; candidaciesOpenOn?: string; candidaciesCloseOn?: string },
): Promise<string> {
  const [row] = await db
    .insert(networkTerms)
    .values({ networkId, ...spec })
    .returning({ id: networkTerms.id });
  return row!.id;
}

export async function addRole(
  db: Database,
  spec: { networkId: string; bodyId: string; organizationId: string; role: RoleKind; startsOn: string; endsOn?: string | null; termId?: string; sourceUrl?: string },
): Promise<string> {
  const [row] = await db
    .insert(networkRoles)
    .values({ ...spec, endsOn: spec.endsOn ?? null, termId: spec.termId ?? null, sourceUrl: spec.sourceUrl ?? null })
    .returning({ id: networkRoles.id });
  return row!.id;
}
