// Building blocks for the governance tests and the authorization matrix: a hosted network with
// its secretariat, member organizations with their people, bodies and terms, written straight
// to the database.
import { eq } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { users } from "../accounts/schema.ts";
import { type MembershipStatus, networkMemberships, networks } from "../networks/schema.ts";
import { type Actor, loadActor } from "../organizations/actor.ts";
import { addMember, createOrganizationRecord, createPerson } from "../organizations/factories.ts";
import type { MemberRole } from "../organizations/schema.ts";
import { addDays, today } from "./dates.ts";
import { type BodyKind, networkBodies, networkTerms } from "./schema.ts";

let counter = 0;
const unique = () => `${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export interface Someone {
  id: string;
  email: string;
  actor: () => Promise<Actor>;
}

/** A person (two-step sign-in on, so a secretariat's powers are not withheld), optionally a member of an organization. */
export async function someone(db: Database, options: { name?: string; locale?: Locale; organization?: { id: string; role: MemberRole }; admin?: boolean } = {}): Promise<Someone> {
  const email = `governance-${unique()}@governance.test`;
  const id = await createPerson(db, { name: options.name ?? "Persona de prueba", email, password: "not used in these tests", locale: options.locale, role: options.admin ? "admin" : "user" });
  await db.update(users).set({ twoFactorEnabled: true }).where(eq(users.id, id));
  if (options.organization) await addMember(db, options.organization.id, id, options.organization.role);
  return { id, email, actor: async () => (await loadActor({ db }, id))! };
}

export async function anOrganization(db: Database, name = "Ciudad de prueba", countryCode = "UY") {
  const full = `${name} ${unique()}`;
  const org = await createOrganizationRecord(db, { name: full, kind: "civil_society", countryCode });
  return { ...org, name: full, countryCode };
}

/** A hosted network run by `secretariatOrganizationId` (a fresh one when not given). */
export async function aNetwork(db: Database, options: { secretariatOrganizationId?: string; hosted?: boolean; recordedByOrganizationId?: string } = {}) {
  const secretariatOrganizationId = options.hosted === false ? null : (options.secretariatOrganizationId ?? (await anOrganization(db, "Secretaría")).id);
  const slug = `red-${unique()}`;
  const [network] = await db
    .insert(networks)
    .values({ slug, name: `Red ${slug}`, kind: "regional", hosted: options.hosted ?? true, secretariatOrganizationId, recordedByOrganizationId: options.recordedByOrganizationId ?? null })
    .returning({ id: networks.id, slug: networks.slug });
  return { ...network!, secretariatOrganizationId };
}

export async function aMembership(db: Database, networkId: string, organizationId: string, status: MembershipStatus = "active") {
  await db.insert(networkMemberships).values({ networkId, organizationId, status, since: status === "active" ? "2020-01-01" : null }).onConflictDoUpdate({
    target: [networkMemberships.networkId, networkMemberships.organizationId],
    set: { status },
  });
}

export async function aBody(db: Database, networkId: string, options: { kind?: BodyKind; slug?: string; names?: Record<string, string>; active?: boolean } = {}) {
  const slug = options.slug ?? `unidad-${unique()}`;
  const [body] = await db
    .insert(networkBodies)
    .values({
      networkId,
      slug,
      kind: options.kind ?? "thematic_unit",
      names: options.names ?? { es: "Cultura", pt: "Cultura", en: "Culture" },
      active: options.active ?? true,
    })
    .returning();
  return body!;
}

/**
 * A term relative to today: by default the next one (starting in 60 days, a year long) with its
 * candidacy window open (from 10 days ago to 10 days from now).
 */
export async function aTerm(db: Database, networkId: string, options: { startsIn?: number; days?: number; window?: [number, number] | null; label?: string } = {}) {
  const day = today();
  const startsOn = addDays(day, options.startsIn ?? 60);
  const endsOn = addDays(startsOn, (options.days ?? 365) - 1);
  const window: [number, number] | null = options.window === undefined ? ((options.startsIn ?? 60) > 10 ? [-10, 10] : null) : options.window;
  const [term] = await db
    .insert(networkTerms)
    .values({
      networkId,
      label: options.label ?? `${startsOn.slice(0, 4)}–${endsOn.slice(0, 4)} ${unique()}`,
      startsOn,
      endsOn,
      candidaciesOpenOn: window ? addDays(day, window[0]) : null,
      candidaciesCloseOn: window ? addDays(day, window[1]) : null,
    })
    .returning();
  return term!;
}

/** A member city of a network with a focal point and a staff member. */
export async function aMemberCity(db: Database, networkId: string, options: { status?: MembershipStatus; name?: string; countryCode?: string; locale?: Locale } = {}) {
  const org = await anOrganization(db, options.name ?? "Ciudad", options.countryCode ?? "UY");
  await aMembership(db, networkId, org.id, options.status ?? "active");
  const focal = await someone(db, { name: "Punto focal", locale: options.locale, organization: { id: org.id, role: "focal_point" } });
  const staff = await someone(db, { name: "Técnica", organization: { id: org.id, role: "staff" } });
  return { org, focal, staff };
}

/** The domain error a piece of work throws (fails when it does not refuse). */
export async function refusal(work: Promise<unknown>): Promise<AppError & { rule?: string; field?: string; values?: Record<string, unknown> }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error as AppError & { rule?: string };
    throw error;
  }
  throw new Error("expected the use case to refuse");
}
