// The demo network's members, modelled on Mercociudades: the twelve founding cities and the other
// members named in the sourced file (real, each with its source), and about 300 further member
// cities of its 12 countries drawn from the reference cities (illustrative: no source, dates and
// statuses made up, said so in the network's description and in each event's reason).
import { readFileSync } from "node:fs";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/client.ts";
import { referencePath } from "../../platform/db/datasets.ts";
import type { Translated } from "../../platform/i18n/locales.ts";
import { networkCategories, networkMembershipEvents, networkMemberships, networks, type MembershipStatus } from "./schema.ts";
import {
  addDays,
  cityKey,
  ensureLocalGovernments,
  type ReferenceCity,
  readSourcedFacts,
  resolveCities,
  type SourcedFact,
  stable,
} from "./seed-demo-sources.ts";

export const mercociudadesSlug = "mercociudades";
const foundedOn = "1995-11-11";

/** The description the first demo seed wrote; replaced by the one below when still unchanged. */
const firstDescriptionEs =
  "Red de gobiernos locales de América del Sur fundada en 1995 por doce ciudades para fortalecer la participación de las ciudades en la integración regional y la cooperación horizontal entre ellas.";

/** A network as the demo seed writes it. */
export type NetworkSeed = typeof networks.$inferInsert & {
  names: Translated;
  regionCodes: string[];
  workingLanguages: string[];
  description: Translated;
  /** A description an older demo seed wrote, replaced by this one when still unchanged. */
  firstDescriptionEs?: string;
};

export const mercociudadesNetwork: NetworkSeed = {
  slug: mercociudadesSlug,
  name: "Mercociudades",
  names: { pt: "Mercocidades" },
  kind: "regional",
  hosted: true,
  regionCodes: ["005"],
  workingLanguages: ["es", "pt"],
  foundedOn,
  website: "https://mercociudades.org",
  descriptionLanguage: "es",
  description: {
    es:
      `${firstDescriptionEs}\n\nDatos de demostración: las doce ciudades fundadoras y los cargos y membresías que muestran un enlace «fuente» están documentados en páginas públicas. ` +
      "Las demás ciudades miembro, sus fechas y estados, las fechas de los períodos, la presidencia y vicepresidencias actuales, las coordinaciones, candidaturas y equipos técnicos son ilustrativos.",
    pt:
      "Rede de governos locais da América do Sul fundada em 1995 por doze cidades para fortalecer a participação das cidades na integração regional e a cooperação horizontal entre elas.\n\n" +
      "Dados de demonstração: as doze cidades fundadoras e os cargos e filiações que mostram um link «fonte» estão documentados em páginas públicas. " +
      "As demais cidades membro, suas datas e situações, as datas dos períodos, a presidência e vice-presidências atuais, as coordenações, candidaturas e equipes técnicas são ilustrativos.",
    en:
      "A network of South American local governments founded in 1995 by twelve cities to strengthen cities' part in regional integration and horizontal cooperation among them.\n\n" +
      "Demo data: the twelve founding cities and the roles and memberships that show a “source” link are documented on public pages. " +
      "The other member cities, their dates and statuses, the dates of the terms, the current presidency and vice-presidencies, the coordinations, candidacies and technical teams are illustrative.",
  },
  firstDescriptionEs,
};

/** Membership categories (the ones every hosted network starts with). */
const defaultCategories: { key: string; names: Translated }[] = [
  { key: "full", names: { es: "Miembro pleno", pt: "Membro pleno", en: "Full member" } },
  { key: "associate", names: { es: "Miembro asociado", pt: "Membro associado", en: "Associate member" } },
  { key: "partner", names: { es: "Socio", pt: "Parceiro", en: "Partner" } },
];

/** The 12 countries of the network, and how many illustrative members each gets (weighted to the Southern Cone). */
const illustrativeQuota: Record<string, number> = { AR: 70, BR: 100, CL: 30, PE: 20, CO: 20, PY: 14, BO: 12, EC: 12, VE: 12, UY: 7, MX: 8, HN: 3 };
export const mercociudadesCountries = Object.keys(illustrativeQuota);

/** How many illustrative members are not active, so the secretariat has applications and cases to work with. */
const notActive: [MembershipStatus, number][] = [
  ["inactive", 8],
  ["suspended", 4],
  ["applicant", 6],
  ["withdrawn", 2],
  ["declined", 1],
];

interface EventSpec {
  from: MembershipStatus | null;
  to: MembershipStatus;
  /** The date the change took effect, null when the source gives none. */
  on: string | null;
  reason: string | null;
}

export interface MemberSpec {
  city: ReferenceCity;
  status: MembershipStatus;
  category: "full" | "associate";
  since: string | null;
  founding: boolean;
  sourceUrl: string | null;
  statusChangedOn: string;
  message: string | null;
  events: EventSpec[];
}

const illustrative = "Dato ilustrativo de la demostración.";
const undatedSource = "Registrado a partir de una fuente pública; la fecha de ingreso no consta.";

/** The members of the sourced file: one per city, founding when a line says so, with the first line's source. */
export function sourcedMembers(facts: SourcedFact[], network: string, cities: Map<string, ReferenceCity>, today: string): MemberSpec[] {
  const byCity = new Map<string, MemberSpec>();
  for (const fact of facts.filter((f) => f.network === network)) {
    const city = cities.get(cityKey(fact.city, fact.country));
    if (!city) continue;
    const founding = fact.role.startsWith("founding member");
    const known = byCity.get(cityKey(fact.city, fact.country));
    if (known && !(founding && !known.founding)) continue;
    const admitted = /admitted (\d{4})/.exec(fact.role)?.[1];
    const associate = /associate member/.test(fact.role);
    const since = founding && network === "Mercociudades" ? foundedOn : null;
    byCity.set(cityKey(fact.city, fact.country), {
      city,
      status: "active",
      category: associate ? "associate" : "full",
      since,
      founding,
      sourceUrl: fact.sourceUrl || null,
      statusChangedOn: since ?? today,
      message: null,
      events: [
        {
          from: null,
          to: "active",
          on: since,
          reason: since ? null : admitted ? `${undatedSource.slice(0, -1)}; la fuente indica su admisión como miembro asociado en ${admitted}.` : undatedSource,
        },
      ],
    });
  }
  return [...byCity.values()];
}

/**
 * GeoNames ids of sections of populated places (feature code PPLX: a neighbourhood of a bigger
 * city, such as Balvanera in Buenos Aires, which has no government of its own), read from the
 * reference file (the cities table does not keep feature codes).
 */
function sectionsOfCities(): Set<number> {
  const text = readFileSync(referencePath("cities_geonames_pop50k.csv"), "utf8");
  return new Set([...text.matchAll(/^(\d+),[^\n]*?,PPLX,/gm)].map((m) => Number(m[1])));
}

/**
 * Further members drawn from the reference cities of the 12 countries: the biggest third by
 * population, the rest at random (the same at every run); never a section of another city, nor
 * a second entry for a city already taken (GeoNames lists some cities twice).
 */
export async function illustrativeMembers(db: Database, taken: Set<number>, today: string): Promise<MemberSpec[]> {
  const rows = await queryRows<{ id: number; name: string; names: Translated; country_code: string; population: number; wikidata_id: string | null }>(
    db,
    sql`select id, name, names, country_code, population, wikidata_id from cities
        where country_code in (${sql.join(mercociudadesCountries.map((c) => sql`${c}`), sql`, `)})
        order by country_code, population desc, id`,
  );
  const sections = sectionsOfCities();
  const fold = (name: string) => name.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
  const seen = new Set(rows.filter((r) => taken.has(r.id)).flatMap((r) => [`${r.country_code}:${fold(r.name)}`, ...(r.wikidata_id ? [r.wikidata_id] : [])]));
  const distinct = rows.filter((r) => {
    if (taken.has(r.id) || sections.has(r.id)) return false;
    const keys = [`${r.country_code}:${fold(r.name)}`, ...(r.wikidata_id ? [r.wikidata_id] : [])];
    if (keys.some((k) => seen.has(k))) return false;
    for (const k of keys) seen.add(k);
    return true;
  });
  const picked: ReferenceCity[] = [];
  for (const country of mercociudadesCountries) {
    const candidates = distinct
      .filter((r) => r.country_code === country)
      .map((r) => ({ id: r.id, name: r.name, names: r.names, countryCode: r.country_code, population: r.population }));
    const quota = Math.min(illustrativeQuota[country]!, candidates.length);
    const biggest = candidates.slice(0, Math.ceil(quota / 3));
    const rest = candidates
      .slice(biggest.length)
      .sort((a, b) => stable(`pick:${a.id}`) - stable(`pick:${b.id}`))
      .slice(0, quota - biggest.length);
    picked.push(...biggest, ...rest);
  }
  // Which of them are not active: a stable shuffle, taken in order.
  const order = [...picked].sort((a, b) => stable(`status:${a.id}`) - stable(`status:${b.id}`));
  const statusOf = new Map<number, MembershipStatus>();
  let i = 0;
  for (const [status, count] of notActive) for (let k = 0; k < count && i < order.length; k++) statusOf.set(order[i++]!.id, status);

  return picked.map((city) => {
    const status = statusOf.get(city.id) ?? "active";
    const category = city.countryCode === "MX" || city.countryCode === "HN" ? ("associate" as const) : ("full" as const);
    // Members that stopped being active joined long ago (1996–2015); the others any year to 2024.
    const years = status === "active" ? 29 : 20;
    const year = 1996 + Math.floor(stable(`since:${city.id}`) * years);
    const joined = `${year}-${String(1 + Math.floor(stable(`month:${city.id}`) * 12)).padStart(2, "0")}-${String(1 + Math.floor(stable(`day:${city.id}`) * 28)).padStart(2, "0")}`;
    const applied = addDays(joined, -45);
    const recently = addDays(today, -(3 + Math.floor(stable(`applied:${city.id}`) * 40)));
    const portuguese = city.countryCode === "BR";
    const message = portuguese
      ? "Solicitamos a adesão do município à rede para participar das suas unidades temáticas. (Solicitação ilustrativa.)"
      : "Solicitamos el ingreso del municipio a la red para participar en sus unidades temáticas. (Solicitud ilustrativa.)";
    const joinedEvents: EventSpec[] = [
      { from: null, to: "applicant", on: applied, reason: illustrative },
      { from: "applicant", to: "active", on: joined, reason: illustrative },
    ];
    switch (status) {
      case "applicant":
        return { city, status, category, since: null, founding: false, sourceUrl: null, statusChangedOn: recently, message, events: [{ from: null, to: "applicant", on: recently, reason: illustrative }] };
      case "declined": {
        const on = addDays(today, -200);
        return {
          city, status, category, since: null, founding: false, sourceUrl: null, statusChangedOn: on, message,
          events: [
            { from: null, to: "applicant", on: addDays(on, -60), reason: illustrative },
            { from: "applicant", to: "declined", on, reason: `Falta la resolución del concejo municipal que autoriza el ingreso. ${illustrative}` },
          ],
        };
      }
      case "inactive": {
        const on = addDays(today, -800);
        return {
          city, status, category, since: joined, founding: false, sourceUrl: null, statusChangedOn: on, message: null,
          events: [...joinedEvents, { from: "active", to: "inactive", on, reason: `Sin participación en actividades de la red desde hace más de dos años. ${illustrative}` }],
        };
      }
      case "suspended": {
        const on = addDays(today, -300);
        return {
          city, status, category, since: joined, founding: false, sourceUrl: null, statusChangedOn: on, message: null,
          events: [...joinedEvents, { from: "active", to: "suspended", on, reason: `Cuotas anuales impagas. ${illustrative}` }],
        };
      }
      case "withdrawn": {
        const on = addDays(today, -500);
        return {
          city, status, category, since: joined, founding: false, sourceUrl: null, statusChangedOn: on, message: null,
          events: [...joinedEvents, { from: "active", to: "withdrawn", on, reason: `Retiro decidido por el municipio. ${illustrative}` }],
        };
      }
      default:
        return { city, status, category, since: joined, founding: false, sourceUrl: null, statusChangedOn: joined, message: null, events: joinedEvents };
    }
  });
}

/** The network row (created, or completed where the first demo seed left fields empty); returns its id and whether anything changed. */
export async function ensureNetwork(tx: Database, spec: NetworkSeed): Promise<{ id: string; changed: boolean }> {
  const { firstDescriptionEs: previous, ...values } = spec;
  const [created] = await tx.insert(networks).values(values).onConflictDoNothing({ target: networks.slug }).returning({ id: networks.id });
  if (created) return { id: created.id, changed: true };
  const [row] = await tx.select().from(networks).where(eq(networks.slug, spec.slug));
  const fill: Partial<typeof networks.$inferInsert> = {};
  if (Object.keys(row!.names).length === 0 && Object.keys(spec.names).length > 0) fill.names = spec.names;
  if (Object.keys(row!.acronyms).length === 0 && spec.acronyms && Object.keys(spec.acronyms).length > 0) fill.acronyms = spec.acronyms;
  if (row!.regionCodes.length === 0 && spec.regionCodes.length > 0) fill.regionCodes = spec.regionCodes;
  if (row!.workingLanguages.length === 0) fill.workingLanguages = spec.workingLanguages;
  if (!row!.website && spec.website) fill.website = spec.website;
  if (!row!.secretariatOrganizationId && spec.secretariatOrganizationId) fill.secretariatOrganizationId = spec.secretariatOrganizationId;
  if (previous && row!.description.es === previous) fill.description = spec.description;
  if (Object.keys(fill).length === 0) return { id: row!.id, changed: false };
  await tx.update(networks).set({ ...fill, updatedAt: new Date() }).where(eq(networks.id, row!.id));
  return { id: row!.id, changed: true };
}

/** The network's categories (the default ones); returns their ids by key and how many were added. */
export async function ensureCategories(tx: Database, networkId: string): Promise<{ ids: Map<string, string>; added: number }> {
  const added = await tx
    .insert(networkCategories)
    .values(defaultCategories.map((c, position) => ({ networkId, key: c.key, names: c.names, position })))
    .onConflictDoNothing()
    .returning({ id: networkCategories.id });
  const rows = await tx.select({ id: networkCategories.id, key: networkCategories.key }).from(networkCategories).where(eq(networkCategories.networkId, networkId));
  return { ids: new Map(rows.map((r) => [r.key, r.id])), added: added.length };
}

/**
 * Writes the members that are missing (one membership per organization), their history where a
 * membership has none yet, and the category of memberships that have none; returns how many rows
 * changed.
 */
export async function writeMembers(
  tx: Database,
  networkId: string,
  members: { spec: MemberSpec; organizationId: string }[],
  categories: Map<string, string>,
): Promise<number> {
  let changed = 0;
  const byOrganization = new Map(members.map((m) => [m.organizationId, m.spec]));
  const values = [...byOrganization].map(([organizationId, s]) => ({
    networkId,
    organizationId,
    status: s.status,
    categoryId: categories.get(s.category) ?? null,
    since: s.since,
    founding: s.founding,
    sourceUrl: s.sourceUrl,
    statusChangedAt: new Date(`${s.statusChangedOn}T12:00:00Z`),
    message: s.message,
  }));
  for (let i = 0; i < values.length; i += 500) {
    changed += (await tx.insert(networkMemberships).values(values.slice(i, i + 500)).onConflictDoNothing().returning({ id: networkMemberships.id })).length;
  }
  // Memberships of an older demo database: their category and sourced link where missing.
  for (const key of ["full", "associate"] as const) {
    const ids = [...byOrganization].filter(([, s]) => s.category === key).map(([id]) => id);
    if (ids.length === 0 || !categories.has(key)) continue;
    changed += (
      await tx
        .update(networkMemberships)
        .set({ categoryId: categories.get(key)! })
        .where(and(eq(networkMemberships.networkId, networkId), isNull(networkMemberships.categoryId), inArray(networkMemberships.organizationId, ids)))
        .returning({ id: networkMemberships.id })
    ).length;
  }
  const withoutHistory = await queryRows<{ id: string; organization_id: string; category_id: string | null }>(
    tx,
    sql`select m.id, m.organization_id, m.category_id from network_memberships m
        where m.network_id = ${networkId} and not exists (select 1 from network_membership_events e where e.membership_id = m.id)`,
  );
  const events = withoutHistory.flatMap((m) =>
    (byOrganization.get(m.organization_id)?.events ?? []).map((e) => ({
      membershipId: m.id,
      fromStatus: e.from,
      toStatus: e.to,
      categoryId: m.category_id,
      reason: e.reason,
      effectiveOn: e.on,
      createdAt: e.on ? new Date(`${e.on}T12:00:00Z`) : undefined,
    })),
  );
  for (let i = 0; i < events.length; i += 500) {
    changed += (await tx.insert(networkMembershipEvents).values(events.slice(i, i + 500)).returning({ id: networkMembershipEvents.id })).length;
  }
  return changed;
}

export interface SeededMembers {
  networkId: string;
  /** Organization id of each member city, by reference city id. */
  organizationOf: Map<number, string>;
  members: MemberSpec[];
  facts: SourcedFact[];
  /** Reference cities named in the sourced file, by "name|CC". */
  cities: Map<string, ReferenceCity>;
  changed: number;
}

/** Mercociudades with its categories and members. */
export async function seedMercociudadesMembers(tx: Database, today: string, secretariatOrganizationId: string | null): Promise<SeededMembers> {
  const network = await ensureNetwork(tx, { ...mercociudadesNetwork, secretariatOrganizationId });
  const categories = await ensureCategories(tx, network.id);
  const facts = readSourcedFacts();
  const cities = await resolveCities(
    tx,
    facts.map((f) => ({ name: f.city, country: f.country })),
  );
  const sourced = sourcedMembers(facts, "Mercociudades", cities, today);
  const extra = await illustrativeMembers(tx, new Set(sourced.map((m) => m.city.id)), today);
  const members = [...sourced, ...extra];
  const governments = await ensureLocalGovernments(
    tx,
    members.map((m) => m.city),
  );
  const changed =
    (network.changed ? 1 : 0) +
    categories.added +
    governments.created +
    (await writeMembers(
      tx,
      network.id,
      members.flatMap((spec) => (governments.byCity.has(spec.city.id) ? [{ spec, organizationId: governments.byCity.get(spec.city.id)! }] : [])),
      categories.ids,
    ));
  return { networkId: network.id, organizationOf: governments.byCity, members, facts, cities, changed };
}
