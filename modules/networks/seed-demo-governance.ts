// The demo network's bodies, terms, roles, candidacies and technical teams. Real roles come from
// the sourced file with their source; everything else (current presidency and vice-presidencies,
// council, coordinations, candidacies, teams, term dates) is illustrative and carries no source.
// Terms are annual (1 December to 30 November) and computed from today, so the current term is
// always the one containing today and the next one is always open to candidacies.
import { readFileSync } from "node:fs";
import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { referencePath } from "../../platform/db/datasets.ts";
import type { Translated } from "../../platform/i18n/locales.ts";
import { type BodyKind, networkBodies, networkBodyParticipants, networkBodySeats, networkCandidacies, networkRoles, networkTerms, type RoleKind } from "../governance/schema.ts";
import { organizations } from "../organizations/schema.ts";
import type { MemberSpec, SeededMembers } from "./seed-demo-mercociudades.ts";
import { addDays, cityKey, type DemoTeamPerson, ensureTeamPeople, minDate, stable, userIds } from "./seed-demo-sources.ts";

interface BodySpec {
  slug: string;
  kind: BodyKind;
  names: Translated;
  description?: Translated;
  themeIds?: string[];
  regionCodes?: string[];
  active?: boolean;
}

const governingBodies: BodySpec[] = [
  {
    slug: "presidency",
    kind: "presidency",
    names: { es: "Presidencia", pt: "Presidência", en: "Presidency" },
    description: {
      es: "La ciudad que preside la red durante el período y presenta su plan de trabajo.",
      pt: "A cidade que preside a rede durante o período e apresenta seu plano de trabalho.",
      en: "The city that presides over the network for the term and presents its work plan.",
    },
  },
  {
    slug: "vice-presidency-sustainable-development",
    kind: "vice_presidency",
    names: { es: "Vicepresidencia de Desarrollo Sostenible", pt: "Vice-presidência de Desenvolvimento Sustentável", en: "Vice-presidency for Sustainable Development" },
    themeIds: ["environment", "urban-development"],
  },
  {
    slug: "vice-presidency-social-inclusion",
    kind: "vice_presidency",
    names: { es: "Vicepresidencia de Inclusión Social", pt: "Vice-presidência de Inclusão Social", en: "Vice-presidency for Social Inclusion" },
    themeIds: ["social-development", "gender"],
  },
  {
    slug: "vice-presidency-andean-region",
    kind: "vice_presidency",
    names: { es: "Vicepresidencia Región Andina", pt: "Vice-presidência Região Andina", en: "Vice-presidency for the Andean Region" },
    regionCodes: ["BO", "CO", "EC", "PE", "VE"],
  },
  {
    slug: "vice-presidency-mexico-central-america",
    kind: "vice_presidency",
    names: { es: "Vicepresidencia México y Centroamérica", pt: "Vice-presidência México e América Central", en: "Vice-presidency for Mexico and Central America" },
    regionCodes: ["MX", "HN"],
  },
  {
    slug: "council",
    kind: "council",
    names: { es: "Consejo", pt: "Conselho", en: "Council" },
    description: {
      es: "Alcaldes e intendentes de las ciudades miembro, con bancas asignadas por país.",
      pt: "Prefeitos e intendentes das cidades membro, com assentos atribuídos por país.",
      en: "Mayors of member cities, with seats allotted per country.",
    },
  },
  {
    slug: "executive-direction",
    kind: "executive_direction",
    names: { es: "Dirección Ejecutiva", pt: "Direção Executiva", en: "Executive Direction" },
    description: {
      es: "La presidencia y las vicepresidencias; se reúne dos veces al año.",
      pt: "A presidência e as vice-presidências; reúne-se duas vezes por ano.",
      en: "The presidency and the vice-presidencies; meets twice a year.",
    },
  },
  {
    slug: "technical-secretariat",
    kind: "secretariat",
    names: { es: "Secretaría Técnica Permanente", pt: "Secretaria Técnica Permanente", en: "Permanent Technical Secretariat" },
  },
  // Named in the sourced file (Santo André, 2005–2006); no longer in use here.
  {
    slug: "executive-secretariat",
    kind: "secretariat",
    names: { es: "Secretaría Ejecutiva", pt: "Secretaria Executiva", en: "Executive Secretariat" },
    active: false,
  },
];

/** Council seats per country (illustrative; Argentina's eight match the 2023–2024 Argentine seats of the sourced file). */
const councilSeats: Record<string, number> = { AR: 8, BR: 8, UY: 3, PY: 3, CL: 4, BO: 3, PE: 3, CO: 3, EC: 2, VE: 2, MX: 1, HN: 1 };

interface Space {
  id: string;
  kind: "thematic_unit" | "group_or_commission";
  es: string;
  pt: string;
  en: string;
}

export function networkSpaces(): Space[] {
  return (JSON.parse(readFileSync(referencePath("themes.json"), "utf8")) as { "network-spaces": Space[] })["network-spaces"];
}

function bodySpecs(spaces: Space[]): (BodySpec & { position: number })[] {
  return [
    ...governingBodies.map((b, position) => ({ ...b, position })),
    ...spaces.map((s, position) => ({
      slug: s.id,
      kind: s.kind === "thematic_unit" ? ("thematic_unit" as const) : ("working_group" as const),
      names: { es: s.es, pt: s.pt, en: s.en },
      themeIds: [s.id],
      position,
    })),
  ];
}

export interface DemoTerm {
  year: number;
  label: string;
  startsOn: string;
  endsOn: string;
  candidaciesOpenOn: string | null;
  candidaciesCloseOn: string | null;
}

/** The year the term containing `day` starts (terms run from 1 December to 30 November). */
export function termYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return day.slice(5) >= "12-01" ? year : year - 1;
}

/**
 * Annual terms from 2005–2006 (the oldest role of the sourced file) to the one after the current
 * term, whose candidacies are open from a month ago (not before the current term began) until the
 * day before it starts, or a week from today when that is later.
 */
export function demoTerms(today: string): DemoTerm[] {
  const current = termYearOf(today);
  const terms: DemoTerm[] = [];
  for (let year = 2005; year <= current + 1; year++) {
    const startsOn = `${year}-12-01`;
    const next = year === current + 1;
    terms.push({
      year,
      label: `${year}–${year + 1}`,
      startsOn,
      endsOn: `${year + 1}-11-30`,
      candidaciesOpenOn: next ? maxOf(addDays(today, -30), `${current}-12-01`) : null,
      candidaciesCloseOn: next ? maxOf(addDays(startsOn, -1), addDays(today, 7)) : null,
    });
  }
  return terms;
}
const maxOf = (a: string, b: string) => (a > b ? a : b);

interface RoleSpec {
  body: string;
  organizationId: string;
  role: RoleKind;
  /** The term's first year, or null for a role that is not an office for a term (a unit's member). */
  termYear: number | null;
  startsOn: string;
  endsOn: string | null;
  seatCountryCode?: string;
  note?: string;
  sourceUrl?: string;
}

/** The roles of the sourced file: presidencies, council seats, the executive secretariat, a unit's coordination. */
export function sourcedRoles(seeded: SeededMembers, spaces: Space[], terms: Map<number, DemoTerm>): RoleSpec[] {
  const roles: RoleSpec[] = [];
  for (const fact of seeded.facts.filter((f) => f.network === "Mercociudades")) {
    const city = seeded.cities.get(cityKey(fact.city, fact.country));
    const organizationId = city && seeded.organizationOf.get(city.id);
    const period = /^(\d{4})(?:-(\d{4}))?$/.exec(fact.period);
    if (!organizationId || !period) continue;
    // "2023-2024" is the term starting in December 2023; "2007" the one that ends in November 2007.
    const term = terms.get(period[2] ? Number(period[1]) : Number(period[1]) - 1);
    if (!term) continue;
    const base = { organizationId, termYear: term.year, startsOn: term.startsOn, endsOn: term.endsOn, sourceUrl: fact.sourceUrl };
    const unit = /coordinator thematic unit (.+?)(?: \(with (.+)\))?$/.exec(fact.role);
    if (/Council \(Argentina seat\)/.test(fact.role)) roles.push({ ...base, body: "council", role: "council_member", seatCountryCode: "AR" });
    else if (/; Council$/.test(fact.role)) roles.push({ ...base, body: "council", role: "council_member", seatCountryCode: fact.country });
    else if (/presidency of the network/.test(fact.role)) roles.push({ ...base, body: "presidency", role: "president" });
    else if (/Executive Secretariat/.test(fact.role)) roles.push({ ...base, body: "executive-secretariat", role: "member" });
    else if (unit) {
      const space = spaces.find((s) => s.es === unit[1]);
      // The partner named is Ayacucho (Argentina), not in the reference of cities.
      if (space) roles.push({ ...base, body: space.id, role: "coordinator", note: unit[2] ? `Coordinación compartida con ${unit[2]} (Argentina).` : undefined });
    }
  }
  return roles;
}

const buenosAires = { city: "Buenos Aires", country: "AR" };
const portoAlegre = { city: "Porto Alegre", country: "BR" };
const montevideo = { city: "Montevideo", country: "UY" };

/** Where the demo portfolio of Buenos Aires holds illustrative current roles. */
export const buenosAiresUnits = {
  coordinates: "strategic-planning-metropolitan",
  subCoordinates: "tourism",
  member: ["environment", "culture"],
  /** Sub-coordinated in the previous term (history). */
  formerly: "culture",
};

interface Pools {
  /** Active member organizations eligible for illustrative offices, in a stable shuffled order. */
  pool: { organizationId: string; countryCode: string; cityId: number }[];
  byCountry: Map<string, { organizationId: string; cityId: number }[]>;
}

function pools(seeded: SeededMembers, exclude: Set<string>): Pools {
  const active = seeded.members
    .filter((m: MemberSpec) => m.status === "active" && seeded.organizationOf.has(m.city.id))
    .map((m) => ({ organizationId: seeded.organizationOf.get(m.city.id)!, countryCode: m.city.countryCode, cityId: m.city.id, population: m.city.population }))
    .filter((m) => !exclude.has(m.organizationId));
  // The 90 biggest active members take the offices, in a stable order.
  const pool = [...active]
    .sort((a, b) => b.population - a.population)
    .slice(0, 90)
    .sort((a, b) => stable(`pool:${a.cityId}`) - stable(`pool:${b.cityId}`));
  const byCountry = new Map<string, { organizationId: string; cityId: number }[]>();
  for (const m of [...active].sort((a, b) => stable(`country:${a.cityId}`) - stable(`country:${b.cityId}`))) {
    byCountry.set(m.countryCode, [...(byCountry.get(m.countryCode) ?? []), m]);
  }
  return { pool, byCountry };
}

/** The illustrative roles: current presidency, vice-presidencies, executive direction, council, units; the previous term's coordinations. */
export function illustrativeRoles(seeded: SeededMembers, spaces: Space[], terms: Map<number, DemoTerm>, today: string): RoleSpec[] {
  const orgOf = (c: { city: string; country: string }) => {
    const city = seeded.cities.get(cityKey(c.city, c.country));
    return city ? seeded.organizationOf.get(city.id) : undefined;
  };
  const ba = orgOf(buenosAires);
  const { pool, byCountry } = pools(seeded, new Set([ba, orgOf(portoAlegre)].filter((id): id is string => !!id)));
  if (pool.length < 10) return [];
  let cursor = 0;
  const take = (busy: Set<string>) => {
    for (let tries = 0; tries < pool.length; tries++) {
      const candidate = pool[cursor++ % pool.length]!;
      if (!busy.has(candidate.organizationId)) {
        busy.add(candidate.organizationId);
        return candidate.organizationId;
      }
    }
    return undefined;
  };
  const current = terms.get(termYearOf(today))!;
  const previous = terms.get(current.year - 1)!;
  const inTerm = (term: DemoTerm) => ({ termYear: term.year, startsOn: term.startsOn, endsOn: term.endsOn });
  const roles: RoleSpec[] = [];
  const add = (body: string, organizationId: string | undefined, role: RoleKind, extra: Partial<RoleSpec> & Pick<RoleSpec, "termYear" | "startsOn" | "endsOn">) => {
    if (organizationId) roles.push({ body, organizationId, role, ...extra });
  };

  // Presidency, vice-presidencies and the executive direction they form.
  const leaders = new Set<string>();
  const president = orgOf(montevideo) ?? take(leaders);
  if (president) leaders.add(president);
  add("presidency", president, "president", inTerm(current));
  const inRegion = (countries: string[]) => {
    for (const country of countries) for (const m of byCountry.get(country) ?? []) if (!leaders.has(m.organizationId)) return m.organizationId;
    return undefined;
  };
  const vice: [string, string | undefined][] = [
    ["vice-presidency-sustainable-development", take(leaders)],
    ["vice-presidency-social-inclusion", take(leaders)],
    ["vice-presidency-andean-region", inRegion(["PE", "CO", "BO", "EC", "VE"])],
    ["vice-presidency-mexico-central-america", inRegion(["MX", "HN"])],
  ];
  for (const [body, organizationId] of vice) {
    if (organizationId) leaders.add(organizationId);
    add(body, organizationId, "vice_president", inTerm(current));
  }
  for (const organizationId of [president, ...vice.map(([, id]) => id)]) add("executive-direction", organizationId, "member", inTerm(current));

  // The council: half the seats of each country (rounded up) filled.
  for (const [country, seats] of Object.entries(councilSeats)) {
    for (const m of (byCountry.get(country) ?? []).slice(0, Math.ceil(seats / 2))) {
      add("council", m.organizationId, "council_member", { ...inTerm(current), seatCountryCode: country });
    }
  }

  // Every unit: a coordinator and a sub-coordinator (a second one in every third unit), and a few member cities.
  spaces.forEach((space, i) => {
    const busy = new Set<string>([ba ?? ""]);
    if (space.id === buenosAiresUnits.coordinates) add(space.id, ba, "coordinator", inTerm(current));
    else add(space.id, take(busy), "coordinator", inTerm(current));
    if (space.id === buenosAiresUnits.subCoordinates) {
      // Buenos Aires hands this one over early: a role that ends within 90 days whatever the date.
      const endsOn = minDate(current.endsOn, addDays(today, 60));
      add(space.id, ba, "sub_coordinator", {
        ...inTerm(current),
        endsOn,
        note: endsOn < current.endsOn ? "Buenos Aires deja la subcoordinación antes del fin del período (dato ilustrativo)." : undefined,
      });
    } else add(space.id, take(busy), "sub_coordinator", inTerm(current));
    if (i % 3 === 0) add(space.id, take(busy), "sub_coordinator", inTerm(current));
    const memberSince = addDays(current.startsOn, -Math.floor(stable(`unit:${space.id}`) * 900));
    const open = { termYear: null, startsOn: memberSince, endsOn: null };
    for (let k = 0; k < 3 + Math.floor(stable(`members:${space.id}`) * 7); k++) add(space.id, take(busy), "member", open);
    if (buenosAiresUnits.member.includes(space.id)) add(space.id, ba, "member", open);

    // The previous term's coordination, for the history.
    const before = new Set<string>([ba ?? ""]);
    add(space.id, take(before), "coordinator", inTerm(previous));
    if (space.id === buenosAiresUnits.formerly) add(space.id, ba, "sub_coordinator", inTerm(previous));
    else add(space.id, take(before), "sub_coordinator", inTerm(previous));
  });
  return roles;
}

/** People of the demo technical teams (none can sign in). */
const teamPeople: Omit<DemoTeamPerson, "email">[] = [
  { name: "Camila Rojas", locale: "es", position: "Coordinación de relaciones internacionales" },
  { name: "Joaquín Medina", locale: "es", position: "Técnico de planificación" },
  { name: "Beatriz Carvalho", locale: "pt", position: "Assessora de relações internacionais" },
  { name: "Rafael Lima", locale: "pt", position: "Analista de projetos" },
  { name: "Florencia Acosta", locale: "es", position: "Directora de cooperación" },
  { name: "Mateo Quispe", locale: "es", position: "Especialista en desarrollo social" },
  { name: "Helena Barros", locale: "pt", position: "Coordenadora de cultura" },
  { name: "Santiago Benítez", locale: "es", position: "Técnico de ambiente" },
  { name: "Paula Ramírez", locale: "es", position: "Asesora de juventudes" },
  { name: "Thiago Nunes", locale: "pt", position: "Gestor de turismo" },
  { name: "Valeria Gutiérrez", locale: "es", position: "Responsable de género" },
  { name: "Lucas Pereira", locale: "pt", position: "Analista de comunicação" },
];

const personEmail = (name: string, slug: string) =>
  `${name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, ".")}@${slug}.example`;

/** Bodies, seats, terms, roles, candidacies and teams of the demo network; returns how many rows were added. */
export async function seedMercociudadesGovernance(tx: Database, seeded: SeededMembers, today: string): Promise<number> {
  let added = 0;
  const networkId = seeded.networkId;
  const spaces = networkSpaces();

  added += (
    await tx
      .insert(networkBodies)
      .values(
        bodySpecs(spaces).map((b) => ({
          networkId,
          slug: b.slug,
          kind: b.kind,
          names: b.names,
          description: b.description ?? {},
          themeIds: b.themeIds ?? [],
          regionCodes: b.regionCodes ?? [],
          active: b.active ?? true,
          position: b.position,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: networkBodies.id })
  ).length;
  const bodies = new Map(
    (await tx.select({ id: networkBodies.id, slug: networkBodies.slug }).from(networkBodies).where(eq(networkBodies.networkId, networkId))).map((b) => [b.slug, b.id]),
  );
  const council = bodies.get("council");
  if (council) {
    added += (
      await tx
        .insert(networkBodySeats)
        .values(Object.entries(councilSeats).map(([countryCode, seats]) => ({ bodyId: council, countryCode, seats })))
        .onConflictDoNothing()
        .returning({ bodyId: networkBodySeats.bodyId })
    ).length;
  }

  const terms = demoTerms(today);
  added += (
    await tx
      .insert(networkTerms)
      .values(terms.map((t) => ({ networkId, label: t.label, startsOn: t.startsOn, endsOn: t.endsOn, candidaciesOpenOn: t.candidaciesOpenOn, candidaciesCloseOn: t.candidaciesCloseOn })))
      .onConflictDoNothing()
      .returning({ id: networkTerms.id })
  ).length;
  const termIds = new Map(
    (await tx.select({ id: networkTerms.id, startsOn: networkTerms.startsOn }).from(networkTerms).where(eq(networkTerms.networkId, networkId))).map((t) => [
      Number(t.startsOn.slice(0, 4)),
      t.id,
    ]),
  );
  const termsByYear = new Map(terms.map((t) => [t.year, t]));

  added += await writeRoles(tx, networkId, bodies, termIds, termsByYear, sourcedRoles(seeded, spaces, termsByYear), illustrativeRoles(seeded, spaces, termsByYear, today));
  added += await writeCandidacies(tx, seeded, bodies, termIds, termsByYear, today, spaces);
  added += await writeTeams(tx, seeded, bodies, spaces, today);
  return added;
}

async function writeRoles(
  tx: Database,
  networkId: string,
  bodies: Map<string, string>,
  termIds: Map<number, string>,
  terms: Map<number, DemoTerm>,
  sourced: RoleSpec[],
  illustrative: RoleSpec[],
): Promise<number> {
  const existing = await tx
    .select({ bodyId: networkRoles.bodyId, organizationId: networkRoles.organizationId, role: networkRoles.role, startsOn: networkRoles.startsOn, endsOn: networkRoles.endsOn })
    .from(networkRoles)
    .where(eq(networkRoles.networkId, networkId));
  const same = new Set(existing.map((r) => `${r.bodyId}|${r.organizationId}|${r.role}|${r.startsOn}`));
  // An illustrative office is left out when anyone already holds that role in the body during the term
  // (the demo has been used: a candidacy approved, a role ended); a unit's members when it has any.
  const held = (bodyId: string, role: RoleKind, termYear: number | null) => {
    if (termYear === null) return existing.some((r) => r.bodyId === bodyId && r.role === role);
    const term = terms.get(termYear)!;
    return existing.some((r) => r.bodyId === bodyId && r.role === role && r.startsOn <= term.endsOn && (r.endsOn === null || r.endsOn >= term.startsOn));
  };
  const rows = [
    ...sourced.filter((r) => bodies.has(r.body) && !same.has(`${bodies.get(r.body)}|${r.organizationId}|${r.role}|${r.startsOn}`)),
    ...illustrative.filter((r) => bodies.has(r.body) && !held(bodies.get(r.body)!, r.role, r.termYear)),
  ].map((r) => ({
    networkId,
    bodyId: bodies.get(r.body)!,
    organizationId: r.organizationId,
    role: r.role,
    termId: r.termYear === null ? null : (termIds.get(r.termYear) ?? null),
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    seatCountryCode: r.seatCountryCode ?? null,
    note: r.note ?? null,
    sourceUrl: r.sourceUrl ?? null,
  }));
  let added = 0;
  // Nothing here may break the rule of one coordination per organization and unit at a time: the
  // exclusion constraint skips such a row rather than fail the seed.
  for (let i = 0; i < rows.length; i += 500) {
    added += (await tx.insert(networkRoles).values(rows.slice(i, i + 500)).onConflictDoNothing().returning({ id: networkRoles.id })).length;
  }
  return added;
}

/** Submitted candidacies for the next term: Buenos Aires to coordinate its unit again, sub-coordinators to coordinate, a newcomer to sub-coordinate. */
async function writeCandidacies(
  tx: Database,
  seeded: SeededMembers,
  bodies: Map<string, string>,
  termIds: Map<number, string>,
  terms: Map<number, DemoTerm>,
  today: string,
  spaces: Space[],
): Promise<number> {
  const current = terms.get(termYearOf(today))!;
  const nextTermId = termIds.get(current.year + 1);
  if (!nextTermId) return 0;
  const unitIds = spaces.map((s) => bodies.get(s.id)).filter((id): id is string => !!id);
  // The current sub-coordinators of a few units apply to coordinate them.
  const subs = await tx
    .select({ bodyId: networkRoles.bodyId, organizationId: networkRoles.organizationId })
    .from(networkRoles)
    .where(
      sql`${networkRoles.bodyId} in (${sql.join(unitIds.map((id) => sql`${id}`), sql`, `)}) and ${networkRoles.role} = 'sub_coordinator'
          and ${networkRoles.startsOn} <= ${today}::date and (${networkRoles.endsOn} is null or ${networkRoles.endsOn} >= ${today}::date)`,
    );
  const bodySlug = new Map([...bodies].map(([slug, id]) => [id, slug]));
  const chosen = ["environment", "culture", "youth", "gender", "education"];
  const ba = seeded.organizationOf.get(seeded.cities.get(cityKey(buenosAires.city, buenosAires.country))?.id ?? -1);
  const [martin] = (await userIds(tx, ["martin.pereyra@buenosaires.example"])).values();
  const wanted: { bodyId: string; organizationId: string; role: "coordinator" | "sub_coordinator"; statement: string; submittedBy: string | null }[] = [];
  if (ba && bodies.has(buenosAiresUnits.coordinates)) {
    wanted.push({
      bodyId: bodies.get(buenosAiresUnits.coordinates)!,
      organizationId: ba,
      role: "coordinator",
      statement: "Buenos Aires se postula para seguir coordinando la unidad y completar la agenda metropolitana iniciada este período. (Candidatura ilustrativa.)",
      submittedBy: martin ?? null,
    });
  }
  for (const slug of chosen) {
    const sub = subs.find((s) => bodySlug.get(s.bodyId) === slug && s.organizationId !== ba);
    if (sub) {
      wanted.push({
        bodyId: sub.bodyId,
        organizationId: sub.organizationId,
        role: "coordinator",
        statement: "Tras un período en la subcoordinación, la ciudad se postula para coordinar la unidad. (Candidatura ilustrativa.)",
        submittedBy: null,
      });
    }
  }
  if (wanted.length === 0) return 0;
  const existing = await tx
    .select({ bodyId: networkCandidacies.bodyId, organizationId: networkCandidacies.organizationId })
    .from(networkCandidacies)
    .where(eq(networkCandidacies.termId, nextTermId));
  const rows = wanted
    .filter((w) => !existing.some((e) => e.bodyId === w.bodyId && e.organizationId === w.organizationId))
    .map((w) => ({ networkId: seeded.networkId, termId: nextTermId, status: "submitted" as const, ...w }));
  if (rows.length === 0) return 0;
  return (await tx.insert(networkCandidacies).values(rows).onConflictDoNothing().returning({ id: networkCandidacies.id })).length;
}

/** Technical teams: Martín and Lucía for Buenos Aires; demo people of the coordinating cities of a few units. */
async function writeTeams(tx: Database, seeded: SeededMembers, bodies: Map<string, string>, spaces: Space[], today: string): Promise<number> {
  const ba = seeded.organizationOf.get(seeded.cities.get(cityKey(buenosAires.city, buenosAires.country))?.id ?? -1);
  const people = await userIds(tx, ["martin.pereyra@buenosaires.example", "lucia.fernandez@buenosaires.example"]);
  const wanted: { bodyId: string; organizationId: string; userId: string }[] = [];
  const martin = people.get("martin.pereyra@buenosaires.example");
  const lucia = people.get("lucia.fernandez@buenosaires.example");
  if (ba) {
    for (const slug of [buenosAiresUnits.coordinates, buenosAiresUnits.subCoordinates]) {
      if (martin && bodies.has(slug)) wanted.push({ bodyId: bodies.get(slug)!, organizationId: ba, userId: martin });
    }
    if (lucia && bodies.has("environment")) wanted.push({ bodyId: bodies.get("environment")!, organizationId: ba, userId: lucia });
  }

  // The current coordinator and first sub-coordinator of six units each send people.
  const teamUnits = ["environment", "culture", "youth", "social-development", "tourism", "gender"].filter((s) => spaces.some((x) => x.id === s) && bodies.has(s));
  const holders = await tx
    .select({ bodyId: networkRoles.bodyId, organizationId: networkRoles.organizationId, role: networkRoles.role, slug: organizations.slug })
    .from(networkRoles)
    .innerJoin(organizations, eq(organizations.id, networkRoles.organizationId))
    .where(
      sql`${inArray(networkRoles.bodyId, teamUnits.map((s) => bodies.get(s)!))} and ${networkRoles.role} in ('coordinator', 'sub_coordinator')
          and ${networkRoles.startsOn} <= ${today}::date and (${networkRoles.endsOn} is null or ${networkRoles.endsOn} >= ${today}::date)`,
    )
    .orderBy(networkRoles.role, networkRoles.createdAt, organizations.slug);
  const demo: { person: DemoTeamPerson; organizationId: string; bodyId: string }[] = [];
  let next = 0;
  for (const slug of teamUnits) {
    const bodyId = bodies.get(slug)!;
    const coordinator = holders.find((h) => h.bodyId === bodyId && h.role === "coordinator" && h.organizationId !== ba);
    const sub = holders.find((h) => h.bodyId === bodyId && h.role === "sub_coordinator" && h.organizationId !== ba);
    for (const holder of [coordinator, sub]) {
      if (!holder || next >= teamPeople.length) continue;
      const spec = teamPeople[next++]!;
      demo.push({ person: { ...spec, email: personEmail(spec.name, holder.slug) }, organizationId: holder.organizationId, bodyId });
    }
  }
  const created = await ensureTeamPeople(tx, demo);
  for (const d of demo) {
    const userId = created.ids.get(d.person.email);
    if (userId) wanted.push({ bodyId: d.bodyId, organizationId: d.organizationId, userId });
  }
  if (wanted.length === 0) return created.created;
  // A team that already has people (the demo has been used) is left as it is.
  const existing = await tx
    .select({ bodyId: networkBodyParticipants.bodyId, organizationId: networkBodyParticipants.organizationId })
    .from(networkBodyParticipants)
    .where(inArray(networkBodyParticipants.bodyId, [...new Set(wanted.map((w) => w.bodyId))]));
  const rows = wanted.filter((w) => !existing.some((e) => e.bodyId === w.bodyId && e.organizationId === w.organizationId));
  if (rows.length === 0) return created.created;
  return created.created + (await tx.insert(networkBodyParticipants).values(rows).onConflictDoNothing().returning({ userId: networkBodyParticipants.userId })).length;
}
