import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "../../platform/db/client.ts";
import { seedDemoData } from "../../platform/db/setup.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { networkBodies, networkRoles, networkTerms } from "../governance/schema.ts";
import { checkRoleRules } from "../governance/rules.ts";
import { loadActor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { findNetwork } from "./find-network.ts";
import { demoTerms, networkSpaces } from "./seed-demo-governance.ts";
import { seedDemoNetwork } from "./seed-demo-network.ts";

let handle: DatabaseHandle;
const today = new Date().toISOString().slice(0, 10);
beforeAll(async () => {
  handle = await createTestDatabase();
  // The test database was seeded on some earlier day: bring it to today (adds the terms' roles when a term has turned).
  await seedDemoNetwork(handle.db);
});
afterAll(() => handle?.close());

const rows = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(handle.db, query);
const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await rows<T>(query))[0]!;
/** Counts as numbers, whichever engine (PGlite answers numbers, node-postgres strings). */
const numbers = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
const ba = "gobierno-de-la-ciudad-de-buenos-aires";

/** What the seed wrote, table by table. */
const counts = () =>
  one<Record<string, string>>(sql`select
    (select count(*) from networks) networks, (select count(*) from network_categories) categories,
    (select count(*) from network_memberships) memberships, (select count(*) from network_membership_events) events,
    (select count(*) from network_bodies) bodies, (select count(*) from network_body_seats) seats,
    (select count(*) from network_terms) terms, (select count(*) from network_roles) roles,
    (select count(*) from network_candidacies) candidacies, (select count(*) from network_body_participants) participants,
    (select count(*) from organizations) organizations, (select count(*) from users) users`);

describe("demo networks", () => {
  it("has Mercociudades with its 12 sourced founders, sourced members and about 300 illustrative ones in the 12 countries", async () => {
    const founders = await rows<{ name: string; since: string; source_url: string | null }>(sql`
      select o.name, m.since::text as since, m.source_url from network_memberships m
      join networks n on n.id = m.network_id join organizations o on o.id = m.organization_id
      where n.slug = 'mercociudades' and m.founding`);
    expect(founders).toHaveLength(12);
    expect(founders.every((f) => f.since === "1995-11-11" && f.source_url?.startsWith("https://"))).toBe(true);

    const byKind = await one<{ sourced: string; illustrative: string; countries: string; outside: string; statuses: string[] }>(sql`
      select count(*) filter (where m.source_url is not null) sourced, count(*) filter (where m.source_url is null) illustrative,
             count(distinct o.country_code) countries,
             count(*) filter (where o.country_code not in ('AR','BO','BR','CL','CO','EC','HN','MX','PY','PE','UY','VE')) outside,
             array_agg(distinct m.status) statuses
      from network_memberships m join networks n on n.id = m.network_id join organizations o on o.id = m.organization_id
      where n.slug = 'mercociudades'`);
    // Sourced: the founders, the 2023–2024 Argentine council, presidencies, capitals and the 2007 council, less the towns left out.
    expect(Number(byKind.sourced)).toBe(25);
    expect(Number(byKind.illustrative)).toBeGreaterThanOrEqual(290);
    expect(Number(byKind.countries)).toBe(12);
    expect(Number(byKind.outside)).toBe(0);
    expect(byKind.statuses.sort()).toEqual(["active", "applicant", "declined", "inactive", "suspended", "withdrawn"]);

    // Every member is its city's local government, one per city; every membership has its history.
    const orphans = await one<{ not_government: string; no_history: string; no_category: string }>(sql`
      select count(*) filter (where o.kind <> 'local_government' or o.city_id is null) not_government,
             count(*) filter (where not exists (select 1 from network_membership_events e where e.membership_id = m.id)) no_history,
             count(*) filter (where m.category_id is null) no_category
      from network_memberships m join networks n on n.id = m.network_id join organizations o on o.id = m.organization_id
      where n.slug = 'mercociudades'`);
    expect(numbers(orphans)).toEqual({ not_government: 0, no_history: 0, no_category: 0 });
    // The towns of the file not in the reference (or not identifiable there) are left out, never guessed.
    const names = (await rows<{ name: string }>(sql`select o.name from network_memberships m join networks n on n.id = m.network_id
      join organizations o on o.id = m.organization_id where n.slug = 'mercociudades'`)).map((r) => r.name);
    expect(names).not.toContain("Ayacucho");
    expect(names).not.toContain("San Justo");
    // Nor neighbourhoods of other cities (GeoNames sections), nor a city twice.
    expect(names).not.toContain("Balvanera");
    expect(names).not.toContain("Itaim Paulista");
    const cities = (await rows<{ city: string }>(sql`select c.country_code || ':' || c.wikidata_id as city from network_memberships m
      join networks n on n.id = m.network_id join organizations o on o.id = m.organization_id join cities c on c.id = o.city_id
      where n.slug = 'mercociudades' and c.wikidata_id is not null`)).map((r) => r.city);
    expect(new Set(cities).size).toBe(cities.length);
  });

  it("describes which parts are illustrative, in three languages", async () => {
    const network = await one<{ description: Record<string, string>; secretariat: string; working_languages: string[]; region_codes: string[] }>(sql`
      select n.description, o.slug secretariat, n.working_languages, n.region_codes from networks n
      join organizations o on o.id = n.secretariat_organization_id where n.slug = 'mercociudades'`);
    expect(network.description.es).toMatch(/ilustrativos/);
    expect(network.description.pt).toMatch(/ilustrativos/);
    expect(network.description.en).toMatch(/illustrative/);
    expect(network).toMatchObject({ secretariat: "secretaria-tecnica-mercociudades", working_languages: ["es", "pt"], region_codes: ["005"] });
  });

  it("has the 23 thematic spaces and the governing bodies, with council seats per country", async () => {
    const bodies = await rows<{ slug: string; kind: string; theme_ids: string[]; names: Record<string, string> }>(sql`
      select b.slug, b.kind, b.theme_ids, b.names from network_bodies b join networks n on n.id = b.network_id where n.slug = 'mercociudades'`);
    const spaces = networkSpaces();
    expect(spaces).toHaveLength(23);
    for (const space of spaces) {
      expect(bodies).toContainEqual(expect.objectContaining({ slug: space.id, theme_ids: [space.id], names: { es: space.es, pt: space.pt, en: space.en } }));
    }
    expect(bodies.filter((b) => b.kind === "thematic_unit")).toHaveLength(19);
    expect(bodies.filter((b) => b.kind === "working_group")).toHaveLength(4);
    for (const kind of ["presidency", "vice_presidency", "council", "executive_direction", "secretariat"]) expect(bodies.map((b) => b.kind)).toContain(kind);
    const seats = await rows<{ country_code: string; seats: number }>(sql`
      select s.country_code, s.seats from network_body_seats s join network_bodies b on b.id = s.body_id join networks n on n.id = b.network_id
      where n.slug = 'mercociudades' and b.slug = 'council'`);
    expect(seats).toHaveLength(12);
  });

  it("keeps the sourced roles with their source, on the terms of their period", async () => {
    const sourced = await rows<{ body: string; role: string; organization: string; label: string; source_url: string }>(sql`
      select b.slug body, r.role, o.name organization, t.label, r.source_url from network_roles r
      join network_bodies b on b.id = r.body_id join networks n on n.id = r.network_id join organizations o on o.id = r.organization_id
      left join network_terms t on t.id = r.term_id where n.slug = 'mercociudades' and r.source_url is not null`);
    expect(sourced).toContainEqual(expect.objectContaining({ body: "presidency", role: "president", organization: "São Paulo", label: "2023–2024" }));
    expect(sourced).toContainEqual(expect.objectContaining({ body: "presidency", role: "president", organization: "Tandil", label: "2020–2021" }));
    expect(sourced).toContainEqual(expect.objectContaining({ body: "executive-secretariat", role: "member", organization: "Santo André", label: "2005–2006" }));
    expect(sourced).toContainEqual(expect.objectContaining({ body: "autonomy-participation", role: "coordinator", organization: "Prefeitura de Porto Alegre", label: "2023–2024" }));
    const council2023 = sourced.filter((r) => r.body === "council" && r.label === "2023–2024").map((r) => r.organization);
    expect(council2023.sort()).toEqual(["Córdoba", "Gobierno de la Ciudad de Buenos Aires", "Morón", "Santa Fe", "Villa Carlos Paz", "Villa María"]);
    expect(sourced.filter((r) => r.body === "council" && r.label === "2006–2007")).toHaveLength(3);
    expect(sourced.every((r) => r.source_url.startsWith("http"))).toBe(true);
  });

  it("has a current term containing today, and the next one open to candidacies", async () => {
    const terms = await rows<{ label: string; starts_on: string; ends_on: string; open: string | null; close: string | null }>(sql`
      select t.label, t.starts_on::text starts_on, t.ends_on::text ends_on, t.candidacies_open_on::text open, t.candidacies_close_on::text close
      from network_terms t join networks n on n.id = t.network_id where n.slug = 'mercociudades' order by t.starts_on`);
    const current = terms.find((t) => t.starts_on <= today && t.ends_on >= today)!;
    expect(current).toBeDefined();
    const next = terms[terms.indexOf(current) + 1]!;
    expect(next.open! <= today && next.close! >= today).toBe(true);
  });

  it("fills every unit's coordination and the presidency for the current term, keeping the network's rules", async () => {
    const units = await rows<{ slug: string; coordinators: string; subs: string }>(sql`
      select b.slug, count(*) filter (where r.role = 'coordinator') coordinators, count(*) filter (where r.role = 'sub_coordinator') subs
      from network_bodies b join networks n on n.id = b.network_id
      left join network_roles r on r.body_id = b.id and r.starts_on <= current_date and (r.ends_on is null or r.ends_on >= current_date)
      where n.slug = 'mercociudades' and b.kind in ('thematic_unit', 'working_group') group by b.slug`);
    expect(units).toHaveLength(23);
    expect(units.every((u) => Number(u.coordinators) === 1 && Number(u.subs) >= 1)).toBe(true);
    const presidents = await one<{ count: string }>(sql`select count(*) from network_roles r join networks n on n.id = r.network_id
      where n.slug = 'mercociudades' and r.role = 'president' and r.starts_on <= current_date and r.ends_on >= current_date`);
    expect(Number(presidents.count)).toBe(1);

    const broken = await one<Record<string, string>>(sql`
      with r as (select r.*, b.kind body_kind, b.active body_active, t.starts_on term_start, t.ends_on term_end, m.status member_status
                 from network_roles r join network_bodies b on b.id = r.body_id join networks n on n.id = r.network_id
                 left join network_terms t on t.id = r.term_id
                 left join network_memberships m on m.network_id = r.network_id and m.organization_id = r.organization_id
                 where n.slug = 'mercociudades')
      select
        -- roles fit their bodies
        (select count(*) from r where not (
           (body_kind = 'presidency' and role = 'president') or (body_kind = 'vice_presidency' and role = 'vice_president')
           or (body_kind = 'council' and role = 'council_member') or (body_kind in ('executive_direction', 'secretariat') and role = 'member')
           or (body_kind in ('thematic_unit', 'working_group', 'commission') and role in ('coordinator', 'sub_coordinator', 'member')))) wrong_kind,
        -- a role of a term lies inside it
        (select count(*) from r where term_id is not null and (starts_on < term_start or ends_on is null or ends_on > term_end)) outside_term,
        -- a current role is held by an active member, in an active body
        (select count(*) from r where (ends_on is null or ends_on >= current_date) and (member_status is distinct from 'active' or not body_active)) not_active,
        -- one president at a time
        (select count(*) from r a join r b on a.id < b.id and a.role = 'president' and b.role = 'president'
           and daterange(a.starts_on, a.ends_on, '[]') && daterange(b.starts_on, b.ends_on, '[]')) presidents,
        -- the same role twice in a body at once
        (select count(*) from r a join r b on a.id < b.id and a.body_id = b.body_id and a.organization_id = b.organization_id and a.role = b.role
           and daterange(a.starts_on, a.ends_on, '[]') && daterange(b.starts_on, b.ends_on, '[]')) duplicates,
        -- no more council members of a country than its seats, on any day a seat starts
        (select count(*) from r a join network_body_seats s on s.body_id = a.body_id and s.country_code = a.seat_country_code
           where a.role = 'council_member' and s.seats < (select count(*) from r b where b.body_id = a.body_id and b.role = 'council_member'
             and b.seat_country_code = a.seat_country_code and b.starts_on <= a.starts_on and (b.ends_on is null or b.ends_on >= a.starts_on))) seats`);
    expect(numbers(broken)).toEqual({ wrong_kind: 0, outside_term: 0, not_active: 0, presidents: 0, duplicates: 0, seats: 0 });
  });

  it("keeps every rule the governance use cases check, role by role", async () => {
    for (const slug of ["mercociudades", "c40"]) {
      const network = await findNetwork(handle.db, slug);
      const bodies = new Map((await handle.db.select().from(networkBodies).where(eq(networkBodies.networkId, network.id))).map((b) => [b.id, b]));
      const terms = new Map((await handle.db.select().from(networkTerms).where(eq(networkTerms.networkId, network.id))).map((t) => [t.id, t]));
      const holders = new Map(
        (await handle.db.select({ id: organizations.id, slug: organizations.slug, name: organizations.name, countryCode: organizations.countryCode }).from(organizations)).map((o) => [o.id, o]),
      );
      const roles = await handle.db.select().from(networkRoles).where(eq(networkRoles.networkId, network.id));
      expect(roles.length).toBeGreaterThan(0);
      for (const role of roles) {
        const spec = {
          network,
          body: bodies.get(role.bodyId)!,
          organization: holders.get(role.organizationId)!,
          role: role.role,
          term: role.termId ? terms.get(role.termId)! : null,
          startsOn: role.startsOn,
          endsOn: role.endsOn,
          seatCountryCode: role.seatCountryCode,
          roleId: role.id,
        };
        await expect(checkRoleRules(handle.db, spec, today), `${slug} ${role.role} ${spec.body.slug} ${spec.organization.name} ${role.startsOn}`).resolves.toBeUndefined();
      }
    }
  });

  it("marks only sourced rows with a source", async () => {
    const sourcedRoles = await one<{ count: string }>(sql`select count(*) from network_roles where source_url is not null`);
    // 13 Mercociudades roles of the file (less Ayacucho's and San Justo's) and Buenos Aires' C40 seat.
    expect(Number(sourcedRoles.count)).toBe(14);
    const unmarked = await one<{ count: string }>(sql`select count(*) from network_candidacies where statement not like '%ilustrativa%'`);
    expect(Number(unmarked.count)).toBe(0);
  });

  it("gives Buenos Aires a complete portfolio", async () => {
    const memberships = await rows<{ slug: string; hosted: boolean; recorded_by_self: boolean; status: string; founding: boolean; source_url: string | null }>(sql`
      select n.slug, n.hosted, n.recorded_by_organization_id = o.id recorded_by_self, m.status, m.founding, m.source_url
      from network_memberships m join networks n on n.id = m.network_id join organizations o on o.id = m.organization_id
      where o.slug = ${ba} order by n.slug`);
    expect(memberships).toEqual([
      expect.objectContaining({ slug: "c40", hosted: false, recorded_by_self: true, status: "active", source_url: expect.stringMatching(/^https:/) }),
      expect.objectContaining({ slug: "mercociudades", hosted: true, founding: true, status: "active", source_url: expect.stringMatching(/^https:/) }),
      expect.objectContaining({ slug: "ucci", hosted: true, status: "active", source_url: expect.stringMatching(/^https:/) }),
    ]);
    const roles = await rows<{ network: string; body: string; kind: string; role: string; starts_on: string; ends_on: string | null; source_url: string | null; team: string }>(sql`
      select n.slug network, b.slug body, b.kind, r.role, r.starts_on::text starts_on, r.ends_on::text ends_on, r.source_url,
             (select count(*) from network_body_participants p where p.body_id = r.body_id and p.organization_id = r.organization_id) team
      from network_roles r join networks n on n.id = r.network_id join network_bodies b on b.id = r.body_id join organizations o on o.id = r.organization_id
      where o.slug = ${ba}`);
    const current = roles.filter((r) => r.starts_on <= today && (r.ends_on === null || r.ends_on >= today));
    const in90 = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    expect(current.some((r) => r.role === "coordinator")).toBe(true);
    expect(current.some((r) => r.ends_on !== null && r.ends_on <= in90)).toBe(true);
    expect(current.filter((r) => r.network === "mercociudades" && ["thematic_unit", "working_group"].includes(r.kind) && Number(r.team) === 0)).toHaveLength(1);
    expect(roles).toContainEqual(expect.objectContaining({ network: "mercociudades", body: "council", role: "council_member", starts_on: "2023-12-01", source_url: expect.stringMatching(/^https:/) }));
    expect(roles).toContainEqual(expect.objectContaining({ network: "c40", body: "steering-committee", source_url: expect.stringMatching(/^https:/) }));
    expect(roles.some((r) => r.ends_on !== null && r.ends_on < today && r.source_url === null)).toBe(true);

    const candidacies = await rows<{ status: string; submitted_by: string | null }>(sql`
      select c.status, u.email submitted_by from network_candidacies c join network_terms t on t.id = c.term_id
      join organizations o on o.id = c.organization_id left join users u on u.id = c.submitted_by
      where o.slug = ${ba} and t.starts_on > current_date`);
    expect(candidacies).toEqual([{ status: "submitted", submitted_by: "martin.pereyra@buenosaires.example" }]);
  });

  it("makes Martín a coordinator and puts Lucía in one unit's team", async () => {
    const [martin, lucia] = await rows<{ id: string }>(sql`select id from users where email in ('martin.pereyra@buenosaires.example', 'lucia.fernandez@buenosaires.example') order by email desc`);
    const martinActor = (await loadActor(handle, martin!.id))!;
    expect(martinActor.coordinatorOf.size).toBeGreaterThanOrEqual(1);
    const luciaTeams = await rows<{ slug: string }>(sql`select b.slug from network_body_participants p join network_bodies b on b.id = p.body_id where p.user_id = ${lucia!.id}`);
    expect(luciaTeams).toEqual([{ slug: "environment" }]);
    // Demo people of other cities are in teams too, and none can sign in.
    const demoPeople = await one<{ people: string; with_password: string }>(sql`
      select count(distinct p.user_id) people, count(distinct a.user_id) with_password from network_body_participants p
      join users u on u.id = p.user_id left join accounts a on a.user_id = u.id
      where u.email not like '%@buenosaires.example'`);
    expect(Number(demoPeople.people)).toBeGreaterThanOrEqual(8);
    expect(Number(demoPeople.with_password)).toBe(0);
  });

  it("adds nothing when run again", async () => {
    const before = await counts();
    expect(await seedDemoNetwork(handle.db)).toBe(false);
    expect(numbers(await counts())).toEqual(numbers(before));
  });

  it("keeps the demo alive on a later day: the new current term gets its offices, the next one its window", async () => {
    const later = demoTerms(today).at(-1)!.startsOn; // the first day of the next term
    const laterDb = await createTestDatabase();
    try {
      expect(await seedDemoNetwork(laterDb.db, { today: later })).toBe(true);
      const [president] = await queryRows<{ count: string }>(laterDb.db, sql`select count(*) from network_roles r join networks n on n.id = r.network_id
        where n.slug = 'mercociudades' and r.role = 'president' and r.starts_on <= ${later}::date and r.ends_on >= ${later}::date`);
      expect(Number(president!.count)).toBe(1);
      const [next] = await queryRows<{ open: boolean }>(laterDb.db, sql`select candidacies_open_on <= ${later}::date and candidacies_close_on >= ${later}::date open
        from network_terms t join networks n on n.id = t.network_id where n.slug = 'mercociudades' and t.starts_on > ${later}::date`);
      expect(next!.open).toBe(true);
      expect(await seedDemoNetwork(laterDb.db, { today: later })).toBe(false);
    } finally {
      await laterDb.close();
    }
  });

  it("completes an older demo database that only has the network, its spaces and its founders", async () => {
    const complete = await counts();
    // What the first demo seed left: the network (first description, no languages), 23 spaces, 12 founders without category or history.
    await handle.db.execute(sql`delete from networks where slug in ('ucci', 'c40')`);
    await handle.db.execute(sql`delete from network_roles`);
    await handle.db.execute(sql`delete from network_candidacies`);
    await handle.db.execute(sql`delete from network_body_participants`);
    await handle.db.execute(sql`delete from network_terms`);
    await handle.db.execute(sql`delete from network_membership_events`);
    await handle.db.execute(sql`delete from network_memberships where not founding`);
    await handle.db.execute(sql`update network_memberships set category_id = null`);
    await handle.db.execute(sql`delete from network_categories`);
    await handle.db.execute(sql`delete from network_bodies where kind not in ('thematic_unit', 'working_group')`);
    await handle.db.execute(sql`update networks set names = '{}', working_languages = '{}', region_codes = '{}', website = null,
      description = jsonb_build_object('es', 'Red de gobiernos locales de América del Sur fundada en 1995 por doce ciudades para fortalecer la participación de las ciudades en la integración regional y la cooperación horizontal entre ellas.')
      where slug = 'mercociudades'`);
    expect(await seedDemoNetwork(handle.db)).toBe(true);
    // The rest of the demo completes it too (the bank's demo makes the government of a city whose
    // practice it shows a member).
    await seedDemoData(handle);
    expect(numbers(await counts())).toEqual(numbers(complete));
    const [network] = await queryRows<{ en: string }>(handle.db, sql`select description->>'en' en from networks where slug = 'mercociudades'`);
    expect(network!.en).toMatch(/illustrative/);
  });
});
