// What the demo networks are built from: the real memberships and roles in
// data/reference/city_network_memberships_partial.csv (each with the page it was read from), the
// reference cities they name, and the local-government organizations of those cities.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/client.ts";
import { referencePath } from "../../platform/db/datasets.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import { slugify } from "../../platform/slug.ts";
import { users } from "../accounts/schema.ts";
import { organizationMembers, organizations } from "../organizations/schema.ts";

/** One line of the sourced file. */
export interface SourcedFact {
  network: string;
  city: string;
  country: string;
  role: string;
  /** "1995", "2023-2024", "c.2008", "2023-" or empty, as written in the file. */
  period: string;
  sourceUrl: string;
}

export function readSourcedFacts(): SourcedFact[] {
  const rows = parse(readFileSync(referencePath("city_network_memberships_partial.csv"), "utf8"), { columns: true, bom: true }) as Record<string, string>[];
  return rows.map((r) => ({
    network: r.network!,
    city: r.city!,
    country: r.country_iso2!,
    role: r.role ?? "",
    period: r.period ?? "",
    sourceUrl: r.source_url ?? "",
  }));
}

/**
 * Cities the file names that the seed leaves out rather than guess (checked against the GeoNames
 * reference of cities over 50,000 inhabitants):
 * - Ayacucho (AR) and Tigre (AR): not in the reference (towns under 50,000; the reference's
 *   Ayacucho is the Peruvian one).
 * - San Justo (AR): the reference's San Justo is the seat of La Matanza partido (Buenos Aires),
 *   a locality, not a municipality; the member listed beside Villa María and Villa Carlos Paz is
 *   most likely San Justo (Santa Fe), under 50,000 and not in the reference.
 * - Andorra la Vella (AD, UCCI): not in the reference.
 */
export const skippedCities: ReadonlySet<string> = new Set(["Ayacucho|AR", "Tigre|AR", "San Justo|AR", "Andorra la Vella|AD"]);

export interface ReferenceCity {
  id: number;
  name: string;
  names: Translated;
  countryCode: string;
  population: number;
}

export const cityKey = (name: string, countryCode: string) => `${name}|${countryCode}`;

/** The most populous reference city of each name in its country (as findCityId does), by "name|CC"; names not found are absent. */
export async function resolveCities(db: Database, wanted: { name: string; country: string }[]): Promise<Map<string, ReferenceCity>> {
  const found = new Map<string, ReferenceCity>();
  const list = wanted.filter((w) => !skippedCities.has(cityKey(w.name, w.country)));
  if (list.length === 0) return found;
  // The names folded once, then every reference name equal to one of them, by index.
  const [{ norms }] = (await queryRows<{ norms: string[] }>(
    db,
    sql`select array[${sql.join(list.map((w) => sql`public.pares_normalize(${w.name})`), sql`, `)}]::text[] as norms`,
  )) as [{ norms: string[] }];
  const rows = await queryRows<{ norm: string; id: number; name: string; names: Translated; country_code: string; population: number }>(
    db,
    sql`select n.name_norm as norm, c.id, c.name, c.names, c.country_code, c.population
        from city_names n join cities c on c.id = n.city_id
        where n.name_norm in (${sql.join([...new Set(norms)].map((v) => sql`${v}`), sql`, `)})`,
  );
  list.forEach((w, i) => {
    // The most populous city of that name in that country.
    const best = rows
      .filter((r) => r.norm === norms[i] && r.country_code === w.country)
      .sort((a, b) => b.population - a.population)[0];
    if (best) found.set(cityKey(w.name, w.country), { id: best.id, name: best.name, names: best.names, countryCode: best.country_code, population: best.population });
  });
  return found;
}

/** The name a city's government goes by at home: Portuguese in Brazil and Portugal, Spanish elsewhere in Ibero-America, else the reference name. */
export function homeName(city: ReferenceCity): string {
  const language: Locale | undefined = ["BR", "PT"].includes(city.countryCode) ? "pt" : spanishSpeaking.has(city.countryCode) ? "es" : undefined;
  return (language && city.names[language]) || city.name;
}
const spanishSpeaking = new Set(["AR", "BO", "CL", "CO", "CR", "CU", "DO", "EC", "ES", "GT", "HN", "MX", "NI", "PA", "PE", "PR", "PY", "SV", "UY", "VE"]);

/**
 * The local-government organization of each city, by city id: the existing one (one government
 * per city), else a new one named after the city. Slugs already taken get the country code, then
 * the city id.
 */
export async function ensureLocalGovernments(db: Database, cities: ReferenceCity[]): Promise<{ byCity: Map<number, string>; created: number }> {
  const unique = [...new Map(cities.map((c) => [c.id, c])).values()];
  const byCity = await existingGovernments(db, unique.map((c) => c.id));
  const missing = unique.filter((c) => !byCity.has(c.id));
  if (missing.length === 0) return { byCity, created: 0 };
  const candidates = missing.map((c) => {
    const base = slugify(homeName(c));
    return [base, `${base}-${c.countryCode.toLowerCase()}`, `${base}-${c.id}`];
  });
  const taken = new Set(
    (await db.select({ slug: organizations.slug }).from(organizations).where(inArray(organizations.slug, candidates.flat()))).map((r) => r.slug),
  );
  const values = missing.map((c, i) => {
    const slug = candidates[i]!.find((s) => !taken.has(s))!;
    taken.add(slug);
    return { slug, name: homeName(c), kind: "local_government" as const, countryCode: c.countryCode, cityId: c.id };
  });
  const inserted = await db.insert(organizations).values(values).onConflictDoNothing().returning({ id: organizations.id });
  for (const [id, orgId] of await existingGovernments(db, missing.map((c) => c.id))) byCity.set(id, orgId);
  return { byCity, created: inserted.length };
}

async function existingGovernments(db: Database, cityIds: number[]): Promise<Map<number, string>> {
  if (cityIds.length === 0) return new Map();
  const rows = await db
    .select({ id: organizations.id, cityId: organizations.cityId })
    .from(organizations)
    .where(and(inArray(organizations.cityId, cityIds), eq(organizations.kind, "local_government"), isNull(organizations.mergedIntoId)));
  return new Map(rows.map((r) => [r.cityId!, r.id]));
}

export interface DemoTeamPerson {
  name: string;
  email: string;
  locale: Locale;
  position: string;
}

/**
 * People of the demo technical teams: staff of their organization, with no password (nobody can
 * sign in as them). Returns their ids by address, existing ones included.
 */
export async function ensureTeamPeople(db: Database, people: { person: DemoTeamPerson; organizationId: string }[]): Promise<{ ids: Map<string, string>; created: number }> {
  if (people.length === 0) return { ids: new Map(), created: 0 };
  const created = await db
    .insert(users)
    .values(people.map(({ person }) => ({ id: randomUUID(), name: person.name, email: person.email, emailVerified: true, locale: person.locale, position: person.position, languages: [person.locale] })))
    .onConflictDoNothing()
    .returning({ id: users.id });
  const ids = await userIds(db, people.map((p) => p.person.email));
  const members = await db
    .insert(organizationMembers)
    .values(people.flatMap(({ person, organizationId }) => (ids.has(person.email) ? [{ organizationId, userId: ids.get(person.email)!, role: "staff" as const }] : [])))
    .onConflictDoNothing()
    .returning({ userId: organizationMembers.userId });
  // Each person acts for their organization (as addMember does).
  if (members.length > 0) {
    for (const { person, organizationId } of people) {
      const id = ids.get(person.email);
      if (id) await db.update(users).set({ actingOrganizationId: organizationId }).where(and(eq(users.id, id), isNull(users.actingOrganizationId)));
    }
  }
  return { ids, created: created.length + members.length };
}

/** Ids of the people with these addresses (those that exist). */
export async function userIds(db: Database, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** Dates as ISO strings (YYYY-MM-DD), computed in UTC. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
export const maxDate = (a: string, b: string) => (a > b ? a : b);
export const minDate = (a: string, b: string) => (a < b ? a : b);

/** A stable pseudo-random number in [0, 1) for a key, so the illustrative data is the same at every run. */
export function stable(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 1_000_003) / 1_000_003;
}
