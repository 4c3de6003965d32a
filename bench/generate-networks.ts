// Generated data for the networks scenarios, on top of the demo and generate-organizations.ts:
// 12,000 member organizations (the local governments of the most populous reference cities,
// created where missing) over 50 networks of very different sizes (a few with thousands of
// members, many with a hundred or two), each with its bodies (presidency, vice-presidencies,
// council with seats, executive direction, secretariat, 5–30 units), annual terms from a year
// between 2005 and 2014 on, memberships of every status with their history, 200,000 role
// records spread over the terms (current and past offices, unit participations, some ended),
// candidacies and technical teams. One organization — Buenos Aires' government when the demo is
// there — belongs to 40 of the networks and coordinates a unit in each: the portfolio scenario
// reads it as one of its members (a person with a session cookie and a read token).
//
// Set-based SQL (insert … select over generate_series and hashes), the same on PGlite and
// PostgreSQL, in one transaction.
import { eq, sql } from "drizzle-orm";
import { signIn } from "../modules/accounts/sign-in.ts";
import { personalAccessTokens } from "../modules/accounts/schema.ts";
import { termYearOf } from "../modules/networks/seed-demo-governance.ts";
import { addMember, createPerson } from "../modules/organizations/factories.ts";
import { organizations } from "../modules/organizations/schema.ts";
import { createAuth } from "../platform/auth.ts";
import { type Database, queryRows } from "../platform/db/client.ts";
import { hashSecret, newSecret } from "../platform/tokens.ts";

export const networkScale = { memberOrganizations: 12_000, networks: 50, roles: 200_000 };

export interface GeneratedNetworks {
  /** The biggest network (thousands of members) and one of middle size. */
  bigSlug: string;
  midSlug: string;
  /** The organization in 40 networks, and a member of it: session cookie for pages, read token for the API. */
  portfolioSlug: string;
  portfolioUserId: string;
  portfolioCookie: string;
  portfolioToken: string;
  counts: Record<string, number>;
}

const portfolioEmail = "portfolio@bench.test";
const portfolioPassword = "Bench-portfolio-2026-networks";

/** `secret` must be the server's SECRET, so the session cookie made here is valid there. */
export async function generateNetworks(db: Database, options: { secret: string; today?: string; progress?: (step: string, ms: number) => void }): Promise<GeneratedNetworks> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const current = termYearOf(today);
  const { memberOrganizations: total, networks: networkCount } = networkScale;
  const [demoTarget] = await db.select({ id: organizations.id, slug: organizations.slug }).from(organizations).where(eq(organizations.slug, "gobierno-de-la-ciudad-de-buenos-aires"));

  const counts = await db.transaction(async (tx) => {
    let lap = performance.now();
    const run = async (query: ReturnType<typeof sql>) => {
      await tx.execute(query);
      const now = performance.now();
      options.progress?.(query.queryChunks.map((c) => (typeof c === "object" && c && "value" in c ? String(c.value) : "")).join("").trim().slice(0, 60), now - lap);
      lap = now;
    };

    // The member organizations: local governments of the most populous cities, created where missing.
    await run(sql`
      insert into organizations (slug, name, kind, country_code, city_id, description, description_language)
      select 'bench-city-' || c.id, c.name, 'local_government', c.country_code, c.id,
             jsonb_build_object('es', 'Gobierno local generado para las pruebas de rendimiento.'), 'es'
      from cities c
      where not exists (select 1 from organizations o where o.city_id = c.id and o.kind = 'local_government' and o.merged_into_id is null)
      order by c.population desc, c.id
      limit greatest(0, ${total} - (select count(*) from organizations where kind = 'local_government' and merged_into_id is null))`);
    await run(sql`
      create temp table bench_orgs on commit drop as
      select (row_number() over (order by c.population desc, o.id) - 1)::int as rank, o.id, o.country_code
      from organizations o join cities c on c.id = o.city_id
      where o.kind = 'local_government' and o.merged_into_id is null
      order by c.population desc, o.id limit ${total}`);
    const [target] = demoTarget
      ? [demoTarget]
      : await queryRows<{ id: string; slug: string }>(tx, sql`select o.id, o.slug from bench_orgs b join organizations o on o.id = b.id where b.rank = 0`);

    // 50 networks: sizes fall off as 6000/k^1.1 (6000, 2800, 1800 … 80); one in ten is external.
    await run(sql`
      insert into networks (slug, name, kind, hosted, working_languages, founded_on, description, description_language, recorded_by_organization_id)
      select 'bench-network-' || k, 'Red de prueba ' || k, (array['regional', 'global', 'thematic'])[1 + k % 3], k % 10 <> 0,
             array['es', 'pt'], make_date(1985 + k % 30, 1 + k % 12, 1),
             jsonb_build_object('es', 'Red generada para las pruebas de rendimiento.'), 'es',
             case when k % 10 = 0 then ${target!.id}::uuid end
      from generate_series(1, ${networkCount}) k`);
    await run(sql`
      create temp table bench_networks on commit drop as
      select k, n.id, greatest(80, floor(6000 / power(k, 1.1)))::int as size,
             case when k <= 5 then 30 else 5 + k % 11 end as units, 2005 + k % 10 as first_year
      from generate_series(1, ${networkCount}) k join networks n on n.slug = 'bench-network-' || k`);
    await run(sql`
      insert into network_categories (network_id, key, names, position)
      select n.id, c.key, jsonb_build_object('es', c.es, 'pt', c.pt, 'en', c.en), c.position
      from bench_networks n cross join (values ('full', 'Miembro pleno', 'Membro pleno', 'Full member', 0),
        ('associate', 'Miembro asociado', 'Membro associado', 'Associate member', 1), ('partner', 'Socio', 'Parceiro', 'Partner', 2)) c(key, es, pt, en, position)`);

    // Members: a different pseudo-random subset of `size` organizations per network (rank·7919 is a
    // permutation modulo 12,000), and the portfolio's organization in the first 40.
    await run(sql`
      insert into network_memberships (network_id, organization_id, status, category_id, since, founding, status_changed_at)
      select n.id, o.id, s.status, c.id,
             case when s.status in ('applicant', 'declined') then null else make_date((n.first_year - 10 + h % 30)::int, (1 + h % 12)::int, (1 + h % 28)::int) end,
             h % 50 = 0 and s.status = 'active',
             now() - make_interval(days => (30 + h % 2500)::int)
      from bench_networks n
      join bench_orgs o on (o.rank * 7919 + n.k * 104729) % ${total} < n.size or (o.id = ${target!.id}::uuid and n.k <= 40)
      cross join lateral (select (hashtext(n.k || ':' || o.rank) & 2147483647)::bigint as h) hh
      cross join lateral (select case when o.id = ${target!.id}::uuid then 'active'
                                      when h % 100 < 80 then 'active' when h % 100 < 88 then 'inactive' when h % 100 < 91 then 'suspended'
                                      when h % 100 < 95 then 'applicant' when h % 100 < 99 then 'withdrawn' else 'declined' end as status) s
      join network_categories c on c.network_id = n.id and c.key = case when h % 10 = 0 then 'associate' else 'full' end
      on conflict do nothing`);
    // Every one of the 12,000 belongs somewhere: those no subset drew join one of the smaller networks.
    await run(sql`
      insert into network_memberships (network_id, organization_id, status, category_id, since, status_changed_at)
      select n.id, o.id, 'active', c.id, make_date(n.first_year + o.rank % 15, 1 + o.rank % 12, 1 + o.rank % 28), now() - make_interval(days => 30 + o.rank % 2500)
      from bench_orgs o
      join bench_networks n on n.k = 6 + o.rank % ${networkCount - 5}
      join network_categories c on c.network_id = n.id and c.key = 'full'
      where not exists (select 1 from network_memberships m join bench_networks x on x.id = m.network_id where m.organization_id = o.id)
      on conflict do nothing`);
    // Their history: applied, approved, and what happened since.
    await run(sql`
      insert into network_membership_events (membership_id, from_status, to_status, category_id, effective_on, created_at)
      select m.id, e.from_status, e.to_status, m.category_id, e.effective_on, e.effective_on::timestamptz
      from network_memberships m join bench_networks n on n.id = m.network_id
      cross join lateral (values
        (null, 'applicant', coalesce(m.since - 60, m.status_changed_at::date - 30), true),
        ('applicant', 'active', m.since, m.since is not null),
        ('active', m.status, m.status_changed_at::date, m.status in ('inactive', 'suspended', 'withdrawn')),
        ('applicant', 'declined', m.status_changed_at::date, m.status = 'declined')) e(from_status, to_status, effective_on, applies)
      where e.applies`);

    // Bodies: the governing ones and 5–30 units per network, each unit on one of the 23 themes of the spaces.
    await run(sql`
      insert into network_bodies (network_id, slug, kind, names, position)
      select n.id, b.slug, b.kind, jsonb_build_object('es', b.es, 'pt', b.pt, 'en', b.en), b.position
      from bench_networks n cross join (values
        ('presidency', 'presidency', 'Presidencia', 'Presidência', 'Presidency', 0),
        ('vice-presidency-1', 'vice_presidency', 'Vicepresidencia 1', 'Vice-presidência 1', 'Vice-presidency 1', 1),
        ('vice-presidency-2', 'vice_presidency', 'Vicepresidencia 2', 'Vice-presidência 2', 'Vice-presidency 2', 2),
        ('vice-presidency-3', 'vice_presidency', 'Vicepresidencia 3', 'Vice-presidência 3', 'Vice-presidency 3', 3),
        ('vice-presidency-4', 'vice_presidency', 'Vicepresidencia 4', 'Vice-presidência 4', 'Vice-presidency 4', 4),
        ('council', 'council', 'Consejo', 'Conselho', 'Council', 5),
        ('executive-direction', 'executive_direction', 'Dirección Ejecutiva', 'Direção Executiva', 'Executive Direction', 6),
        ('secretariat', 'secretariat', 'Secretaría', 'Secretaria', 'Secretariat', 7)) b(slug, kind, es, pt, en, position)`);
    await run(sql`
      insert into network_bodies (network_id, slug, kind, names, theme_ids, position)
      select n.id, 'unit-' || u, case when u % 7 = 0 then 'commission' when u % 5 = 0 then 'working_group' else 'thematic_unit' end,
             jsonb_build_object('es', 'Unidad ' || u || ': ' || (t.name->>'es'), 'pt', 'Unidade ' || u || ': ' || (t.name->>'pt'), 'en', 'Unit ' || u || ': ' || (t.name->>'en')),
             array[t.id], u
      from bench_networks n cross join lateral generate_series(1, n.units) u
      join lateral (select id, name from themes where scheme = 'network-spaces' order by id offset (u * 7 + n.k) % 23 limit 1) t on true`);
    // Council seats: the eight countries with most members, one seat per 40 of them (at least 2, at most 10).
    await run(sql`
      insert into network_body_seats (body_id, country_code, seats)
      select b.id, x.country_code, least(10, greatest(2, x.members / 40))
      from (select m.network_id, o.country_code, count(*)::int members, row_number() over (partition by m.network_id order by count(*) desc, o.country_code) r
            from network_memberships m join bench_networks n on n.id = m.network_id join organizations o on o.id = m.organization_id
            group by m.network_id, o.country_code) x
      join network_bodies b on b.network_id = x.network_id and b.slug = 'council'
      where x.r <= 8`);

    // Annual terms from 1 December, from the network's first year to the one after the current term (open to candidacies).
    await run(sql`
      insert into network_terms (network_id, label, starts_on, ends_on, candidacies_open_on, candidacies_close_on)
      select n.id, y || '–' || (y + 1), make_date(y, 12, 1), make_date(y + 1, 11, 30),
             case when y = ${current + 1} then ${today}::date - 30 end, case when y = ${current + 1} then make_date(y, 11, 30) end
      from bench_networks n cross join lateral generate_series(n.first_year, ${current + 1}) y`);
    await run(sql`
      create temp table bench_terms on commit drop as
      select t.network_id, t.id as term_id, extract(year from t.starts_on)::int as y, t.starts_on, t.ends_on
      from network_terms t join bench_networks n on n.id = t.network_id`);

    // Role holders are drawn from each network's active members, numbered in a stable order.
    await run(sql`
      create temp table bench_active on commit drop as
      select m.network_id, m.organization_id, o.country_code,
             (row_number() over (partition by m.network_id order by md5(m.organization_id::text)) - 1)::int as idx
      from network_memberships m join bench_networks n on n.id = m.network_id join organizations o on o.id = m.organization_id
      where m.status = 'active'`);
    await run(sql`create index on bench_active (network_id, idx)`);
    await run(sql`create temp table bench_sizes on commit drop as select network_id, count(*)::int as n from bench_active group by network_id`);
    // Fresh tables have no statistics yet (temporary ones are never analyzed automatically).
    await run(sql`analyze bench_orgs, bench_networks, bench_terms, bench_active, bench_sizes, network_bodies, network_memberships, network_terms`);

    // Offices for every past and current term: president, vice-presidents, executive direction (5),
    // council (15), each unit's coordinator and one or two sub-coordinators. The portfolio's
    // organization coordinates unit-2 of each of its networks in the current and previous terms.
    await run(sql`
      -- Which member (by number) holds each office is worked out first, then looked up by index.
      with picks as materialized (
        select b.network_id, b.id as body_id, s.role, t.term_id, t.starts_on, t.ends_on,
               case when b.slug = 'unit-2' and s.slot = 0 and t.y >= ${current - 1} and tgt.idx is not null then tgt.idx
                    else (((hashtext(b.id::text || ':' || t.y) & 2147483647)::bigint + s.slot) % z.n)::int end as idx
        from network_bodies b
        join bench_sizes z on z.network_id = b.network_id
        join bench_terms t on t.network_id = b.network_id and t.starts_on <= ${today}::date
        cross join lateral (
          select slot, case b.kind when 'presidency' then 'president' when 'vice_presidency' then 'vice_president'
                                   when 'council' then 'council_member' when 'executive_direction' then 'member'
                                   else case when slot = 0 then 'coordinator' else 'sub_coordinator' end end as role
          from generate_series(0, case b.kind when 'council' then 14 when 'executive_direction' then 4 when 'secretariat' then -1
                                              when 'presidency' then 0 when 'vice_presidency' then 0 else 1 + ((hashtext(b.id::text) & 2147483647) % 2)::int end) slot) s
        left join bench_active tgt on tgt.network_id = b.network_id and tgt.organization_id = ${target!.id}::uuid)
      insert into network_roles (network_id, body_id, organization_id, role, term_id, starts_on, ends_on, seat_country_code)
      select p.network_id, p.body_id, a.organization_id, p.role, p.term_id, p.starts_on, p.ends_on,
             case when p.role = 'council_member' then a.country_code end
      from picks p join bench_active a on a.network_id = p.network_id and a.idx = p.idx
      on conflict do nothing`);

    // Unit participations fill the rest up to 200,000 roles: in each unit a share of the network's
    // active members proportional to its size, since some day from 2006 on; a third have ended.
    const [{ roles: offices }] = (await queryRows<{ roles: number }>(
      tx,
      sql`select count(*)::int as roles from network_roles r join bench_networks n on n.id = r.network_id`,
    )) as [{ roles: number }];
    const units = await queryRows<{ id: string; n: number }>(
      tx,
      sql`select b.id, z.n from network_bodies b join bench_sizes z on z.network_id = b.network_id
          where b.kind in ('thematic_unit', 'working_group', 'commission') order by b.id`,
    );
    const remaining = Math.max(0, networkScale.roles - offices);
    const weight = units.reduce((s, u) => s + u.n, 0);
    const caps = units.map((u) => Math.min(Math.floor(u.n * 0.9), Math.floor((remaining * u.n) / weight)));
    for (let i = 0, left = remaining - caps.reduce((s, c) => s + c, 0); left > 0 && i < caps.length * 4; i++) {
      const j = i % caps.length;
      if (caps[j]! < Math.floor(units[j]!.n * 0.9)) {
        caps[j]!++;
        left--;
      }
    }
    await run(sql`
      with picks as materialized (
        select b.network_id, b.id as body_id, s,
               (((hashtext(b.id::text) & 2147483647)::bigint + s) % z.n)::int as idx,
               date '2006-01-01' + ((hashtext(b.id::text || ':' || s) & 2147483647) % (${today}::date - date '2006-01-01'))::int as starts_on
        from unnest(array[${sql.join(units.map((u) => sql`${u.id}`), sql`, `)}]::uuid[], array[${sql.join(caps.map((c) => sql`${c}`), sql`, `)}]::int[]) c(body_id, cap)
        join network_bodies b on b.id = c.body_id
        join bench_sizes z on z.network_id = b.network_id
        cross join lateral generate_series(0, c.cap - 1) s)
      insert into network_roles (network_id, body_id, organization_id, role, starts_on, ends_on)
      select p.network_id, p.body_id, a.organization_id, 'member', p.starts_on,
             case when (hashtext(p.body_id::text || p.s) & 2147483647) % 3 = 0 and p.starts_on + 400 < ${today}::date
                  then least(${today}::date - 1, p.starts_on + 365 + ((hashtext(p.s || p.body_id::text) & 2147483647) % 900)::int) end
      from picks p join bench_active a on a.network_id = p.network_id and a.idx = p.idx`);

    // Candidacies: the current term's decided (approved or rejected), the next term's submitted;
    // the portfolio's organization applies to coordinate unit-3 of its networks.
    await run(sql`
      with picks as materialized (
        select b.network_id, b.id as body_id, t.term_id, t.y, t.starts_on, s,
               (((hashtext(b.id::text || 'c' || t.y) & 2147483647)::bigint + s) % z.n)::int as idx
        from network_bodies b
        join bench_sizes z on z.network_id = b.network_id
        join bench_terms t on t.network_id = b.network_id and t.y between ${current} and ${current + 1}
        cross join generate_series(0, 2) s
        where b.kind in ('thematic_unit', 'working_group', 'commission'))
      insert into network_candidacies (network_id, body_id, term_id, organization_id, role, status, statement, decided_at, deciding_body)
      select p.network_id, p.body_id, p.term_id, a.organization_id, case when p.s = 0 then 'coordinator' else 'sub_coordinator' end,
             case when p.y > ${current} then 'submitted' when p.s = 2 then 'rejected' else 'approved' end,
             'Candidatura generada para las pruebas de rendimiento.',
             case when p.y <= ${current} then p.starts_on - 10 end, case when p.y <= ${current} then 'assembly' end
      from picks p join bench_active a on a.network_id = p.network_id and a.idx = p.idx
      on conflict do nothing`);
    await run(sql`
      insert into network_candidacies (network_id, body_id, term_id, organization_id, role, status, statement)
      select b.network_id, b.id, t.term_id, ${target!.id}::uuid, 'coordinator', 'submitted', 'Candidatura generada para las pruebas de rendimiento.'
      from network_bodies b join bench_terms t on t.network_id = b.network_id and t.y = ${current + 1}
      join bench_active a on a.network_id = b.network_id and a.organization_id = ${target!.id}::uuid
      where b.slug = 'unit-3'
      on conflict do nothing`);

    // Technical teams: two people in each of the 3,000 biggest member organizations (people of
    // generate-organizations.ts), twenty in the portfolio's; about a third of current unit roles send someone.
    await run(sql`
      insert into organization_members (organization_id, user_id, role)
      select o.id, 'bench-user-' || (o.rank * 2 + p), 'staff'
      from bench_orgs o cross join generate_series(1, 2) p
      join users u on u.id = 'bench-user-' || (o.rank * 2 + p)
      where o.rank < 3000
      on conflict do nothing`);
    await run(sql`
      insert into organization_members (organization_id, user_id, role)
      select ${target!.id}::uuid, u.id, 'staff' from users u where u.id in (select 'bench-user-' || g from generate_series(40001, 40020) g)
      on conflict do nothing`);
    await run(sql`
      insert into network_body_participants (body_id, organization_id, user_id)
      select r.body_id, r.organization_id, om.user_id
      from network_roles r
      join bench_networks n on n.id = r.network_id
      join organization_members om on om.organization_id = r.organization_id
      where r.role in ('coordinator', 'sub_coordinator', 'member') and r.starts_on <= ${today}::date
        and (r.ends_on is null or r.ends_on >= ${today}::date)
        and (hashtext(r.id::text || om.user_id) & 2147483647)::bigint % (case when r.organization_id = ${target!.id}::uuid then 11 else 3 end) = 0
      on conflict do nothing`);

    const [c] = await queryRows<Record<string, number>>(
      tx,
      sql`select (select count(*)::int from bench_networks) networks,
                 (select count(distinct m.organization_id)::int from network_memberships m join bench_networks n on n.id = m.network_id) member_organizations,
                 (select count(*)::int from network_memberships m join bench_networks n on n.id = m.network_id) memberships,
                 (select count(*)::int from network_bodies b join bench_networks n on n.id = b.network_id) bodies,
                 (select count(*)::int from bench_terms) terms,
                 (select count(*)::int from network_roles r join bench_networks n on n.id = r.network_id) roles,
                 (select count(*)::int from network_candidacies c join bench_networks n on n.id = c.network_id) candidacies,
                 (select count(*)::int from network_body_participants p join network_bodies b on b.id = p.body_id join bench_networks n on n.id = b.network_id) participants,
                 (select count(*)::int from network_memberships where organization_id = ${target!.id}::uuid) portfolio_networks,
                 (select count(*)::int from network_roles where organization_id = ${target!.id}::uuid) portfolio_roles`,
    );
    return { ...c!, portfolioOrganization: target! };
  });
  const { portfolioOrganization, ...figures } = counts as typeof counts & { portfolioOrganization: { id: string; slug: string } };
  await db.execute(sql`analyze`);

  // A member of the portfolio's organization, signed in (session cookie) and with a read token.
  const userId = await createPerson(db, { name: "Portfolio Bench", email: portfolioEmail, password: portfolioPassword });
  await addMember(db, portfolioOrganization.id, userId, "staff");
  const auth = createAuth({ db, secret: options.secret });
  const signedIn = await signIn({ db, auth }, { email: portfolioEmail, password: portfolioPassword }, new Headers());
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
  const token = `pares_${newSecret()}`;
  await db.insert(personalAccessTokens).values({
    userId,
    name: "bench portfolio",
    scope: "read",
    tokenHash: hashSecret(token),
    prefix: token.slice(0, 12),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return {
    bigSlug: "bench-network-1",
    midSlug: "bench-network-12",
    portfolioSlug: portfolioOrganization.slug,
    portfolioUserId: userId,
    portfolioCookie: cookie,
    portfolioToken: token,
    counts: figures as Record<string, number>,
  };
}
