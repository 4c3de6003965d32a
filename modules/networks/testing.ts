// Building blocks for the networks module's tests: people with a role, a hosted network with its
// secretariat, and the refusal a use case throws.
import { and, desc, eq, gte, lt, notExists, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { users } from "../accounts/schema.ts";
import { cities } from "../cities/schema.ts";
import { organizations } from "../organizations/schema.ts";
import { type Actor, loadActor } from "../organizations/actor.ts";
import { addMember, createOrganizationRecord, createPerson } from "../organizations/factories.ts";
import type { MemberRole } from "../organizations/schema.ts";
import { createNetwork } from "./create-network.ts";

let people = 0;

export interface TestPerson {
  id: string;
  email: string;
  actor: () => Promise<Actor>;
}

/** A person; administrators and secretariat members get two-step sign-in on, as their roles require. */
export async function testPerson(
  db: Database,
  options: { name?: string; admin?: boolean; locale?: Locale; organization?: { id: string; role: MemberRole } } = {},
): Promise<TestPerson> {
  const email = `network-person${++people}-${Math.random().toString(36).slice(2, 8)}@networks.test`;
  const id = await createPerson(db, { name: options.name ?? `Person ${people}`, email, password: "not used in these tests", role: options.admin ? "admin" : "user", locale: options.locale });
  await db.update(users).set({ twoFactorEnabled: true }).where(eq(users.id, id));
  if (options.organization) await addMember(db, options.organization.id, id, options.organization.role);
  return { id, email, actor: async () => (await loadActor({ db }, id))! };
}

export async function testOrganization(db: Database, name: string, countryCode = "UY", cityId?: number) {
  return createOrganizationRecord(db, {
    name: `${name} ${Math.random().toString(36).slice(2, 8)}`,
    kind: cityId ? "local_government" : "civil_society",
    countryCode,
    cityId,
  });
}

/** A reference city of the country, between these populations, with no local government on Pares yet (the demo data has many). */
export async function freeCity(db: Database, countryCode: string, minPopulation = 100_000, maxPopulation = 5_000_000) {
  const [city] = await db
    .select({ id: cities.id, name: cities.name, population: cities.population })
    .from(cities)
    .where(
      and(
        eq(cities.countryCode, countryCode),
        gte(cities.population, minPopulation),
        lt(cities.population, maxPopulation),
        notExists(db.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.cityId, cities.id), eq(organizations.kind, "local_government")))),
        // Not claimed by another test of the same file.
        sql`${cities.id} <> all(${`{${[...claimed].join(",")}}`}::int[])`,
      ),
    )
    .orderBy(desc(cities.population))
    .limit(1);
  if (!city) throw new Error(`no free city in ${countryCode}`);
  claimed.add(city.id);
  return city;
}
const claimed = new Set<number>();

/** A hosted network run by a fresh secretariat organization, with one secretariat officer. */
export async function testNetwork(db: Database, name = "Red de prueba") {
  const admin = await testPerson(db, { admin: true });
  const secretariatOrg = await testOrganization(db, "Secretaría");
  const officer = await testPerson(db, { name: "Officer", organization: { id: secretariatOrg.id, role: "focal_point" } });
  const network = await createNetwork({ db }, await admin.actor(), {
    name: `${name} ${Math.random().toString(36).slice(2, 8)}`,
    kind: "regional",
    secretariat: secretariatOrg.slug,
    descriptionLanguage: "es",
    description: "Una red de prueba.",
  });
  return { admin, secretariatOrg, officer, network };
}

/** The domain error a piece of work throws (fails when it does not refuse). */
export async function refusal(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the use case to refuse");
}
