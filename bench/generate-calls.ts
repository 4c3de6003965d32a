// Generated data for the calls' scenarios (issue 7's scale), written with set-based SQL:
//   - a network with 2,600 member cities (local governments of the most populous cities), its
//     secretariat (a bench person with a read token, two-factor on) and a programme;
//   - a closed call with 2,000 submitted applications (each city leads one, with a partner city
//     of another country and a budget), a rubric of three criteria and 6,000 submitted reviews by
//     300 reviewers; a third of the applications decided;
//   - ten past calls (2017–2026) with published results: 1,500 awarded applications over them,
//     for the programme's figures;
//   - a call closing later, with 550 eligible drafts of 550 other cities (each lead a person of
//     its own), for the last-minute submissions (500 before the deadline, 50 after).
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { createToken } from "../modules/accounts/create-token.ts";
import { loadActor } from "../modules/organizations/actor.ts";
import { type Database, queryRows } from "../platform/db/client.ts";

export const callsScale = { applications: 2_000, reviewsPerApplication: 3, reviewers: 300, awarded: 1_500, pastCalls: 10, lastMinute: 500, late: 50 };

export interface GeneratedCalls {
  networkSlug: string;
  programmeSlug: string;
  rankedCallId: string;
  lastMinuteCallId: string;
  /** The drafts of the last-minute call, each with its lead person's id. */
  drafts: { id: string; userId: string }[];
  secretariatToken: string;
  seconds: number;
}

export async function generateCalls(db: Database): Promise<GeneratedCalls> {
  const started = performance.now();
  const run = (query: ReturnType<typeof sql>) => db.execute(query);
  const cities = callsScale.applications + callsScale.lastMinute + callsScale.late + 50;
  await run(sql`insert into organizations (slug, name, kind, country_code, city_id)
                select 'bench-c-' || c.id, c.name, 'local_government', c.country_code, c.id from cities c
                where not exists (select 1 from organizations o where o.city_id = c.id and o.kind = 'local_government')
                order by c.population desc, c.id limit ${cities} on conflict do nothing`);
  await run(sql`insert into organizations (slug, name, kind, country_code) values ('bench-c-secretariat', 'Secretaría (prueba)', 'network_secretariat', 'UY') on conflict do nothing`);
  const [secretariat] = await queryRows<{ id: string }>(db, sql`select id from organizations where slug = 'bench-c-secretariat'`);
  await run(sql`insert into networks (slug, name, kind, hosted, secretariat_organization_id, working_languages, description, description_language)
                values ('bench-calls', 'Red de convocatorias (prueba)', 'regional', true, ${secretariat!.id}, array['es', 'pt'], '{"es": "Red generada para las pruebas de rendimiento."}', 'es')
                on conflict (slug) do nothing`);
  const [network] = await queryRows<{ id: string }>(db, sql`select id from networks where slug = 'bench-calls'`);
  await run(sql`insert into network_memberships (network_id, organization_id, status, since)
                select ${network!.id}::uuid, id, 'active', '2015-01-01' from organizations where slug like 'bench-c-%' and kind = 'local_government' on conflict do nothing`);
  const orgs = await queryRows<{ id: string; country: string }>(db, sql`select id, country_code as country from organizations where slug like 'bench-c-%' and kind = 'local_government' order by slug`);
  // The secretariat's person, with a read token for the API scenarios.
  const officer = `bench-c-officer-${randomUUID().slice(0, 8)}`;
  await run(sql`insert into users (id, name, email, email_verified, two_factor_enabled) values (${officer}, 'Secretaría de prueba', ${`${officer}@calls.bench.test`}, true, true)`);
  await run(sql`insert into organization_members (organization_id, user_id, role) values (${secretariat!.id}, ${officer}, 'focal_point')`);
  const actor = (await loadActor({ db }, officer))!;
  const { token } = await createToken({ db }, actor, { name: "bench", scope: "read", expiresInDays: 1 });

  const [programme] = await queryRows<{ id: string }>(
    db,
    sql`insert into programmes (network_id, slug, original_language, texts) values (${network!.id}, 'sur-sur', 'es', '{"es": {"name": "Programa de prueba", "purpose": "", "principles": "", "linesOfAction": ""}}')
        returning id`,
  );
  const rules = JSON.stringify({ leadMustBeMember: true, leadKinds: ["local_government"], oneLeadPerCall: true, minPartners: 1, minCountries: 2, partnerKinds: ["local_government"] });
  const newCall = async (slug: string, opens: string, closes: string, status: string, results: string | null) =>
    (
      await queryRows<{ id: string }>(
        db,
        sql`insert into calls (programme_id, slug, kind, status, original_language, texts, opens_at, closes_at, time_zone, total_budget_cents, project_cap_cents, rules, results_published_at)
            values (${programme!.id}, ${slug}, 'project_funding', ${status}, 'es', '{"es": {"title": "Convocatoria de prueba", "description": ""}}', ${opens}::timestamptz, ${closes}::timestamptz,
                    'America/Montevideo', 2000000000, 1000000, ${rules}::jsonb, ${results}::timestamptz)
            returning id`,
      )
    )[0]!.id;
  const orgArray = `{${orgs.map((o) => o.id).join(",")}}`;
  /** n applications to a call, led by orgs[offset..], each with the next city of another country as a confirmed partner, and a budget within the rules. */
  const applicationsFor = async (callId: string, n: number, offset: number, status: string, submitted: boolean) => {
    await run(sql`with o as (select ${orgArray}::uuid[] as ids),
        inserted as (
          insert into applications (call_id, lead_organization_id, status, language, title, modality, theme_ids, sdg_goals, content, submitted_at, submission_hash)
          select ${callId}::uuid, (select ids from o)[${offset} + g], ${status}, 'es', 'Proyecto de prueba ' || g,
                 (array['technical_assistance', 'expert_exchange', 'internship', 'forum_seminar_workshop', 'training', 'dissemination'])[1 + g % 6],
                 array[(array['water-waste-sanitation', 'gender', 'youth', 'tourism', 'environment', 'urban-mobility'])[1 + g % 6]], array[11],
                 '{"summary": "Resumen", "objectives": "", "activities": [], "expectedResults": "", "indicators": []}'::jsonb,
                 ${submitted ? sql`now() - interval '3 days'` : sql`null`}, ${submitted ? sql`md5(g::text)` : sql`null`}
          from generate_series(1, ${n}) g returning id, lead_organization_id)
        , numbered as (select id, lead_organization_id, row_number() over (order by id) as k from inserted)
        , partners as (
          insert into application_partners (application_id, organization_id, status, answered_at)
          select n.id, p.id, 'confirmed', now() from numbered n
          cross join lateral (select x.id from organizations x where x.slug like 'bench-c-%' and x.kind = 'local_government' and x.id <> n.lead_organization_id
                              and x.country_code <> (select country_code from organizations where id = n.lead_organization_id) order by x.slug offset (n.k % 40) limit 1) p
          returning application_id)
        insert into application_budget_lines (application_id, position, organization_id, description, requested_cents, counterpart_cash_cents, counterpart_in_kind_cents)
        select id, 0, lead_organization_id, 'Viajes', 500000 + (k % 10) * 50000, 400000, 200000 + (k % 10) * 50000 from numbered`);
  };

  // The closed call in evaluation: 2,000 applications, a rubric, 6,000 reviews.
  const ranked = await newCall("evaluacion", "2026-03-01T12:00:00Z", "2026-06-30T02:59:59Z", "evaluation", null);
  await applicationsFor(ranked, callsScale.applications, 0, "submitted", true);
  await run(sql`insert into call_criteria (call_id, position, texts, weight, scale_max)
                select ${ranked}::uuid, p, jsonb_build_object('es', jsonb_build_object('name', 'Criterio ' || p, 'guidance', '')), (array[40, 35, 25])[p + 1], 5 from generate_series(0, 2) p`);
  await run(sql`insert into users (id, name, email, email_verified)
                select 'bench-c-reviewer-' || g, 'Evaluador ' || g, 'reviewer' || g || '@calls.bench.test', true from generate_series(1, ${callsScale.reviewers}) g on conflict do nothing`);
  await run(sql`with a as (select id, row_number() over (order by id) as k from applications where call_id = ${ranked}::uuid),
        r as (
          insert into reviews (application_id, reviewer_id, status, declared_at, total, submitted_at)
          select a.id, 'bench-c-reviewer-' || (1 + ((a.k * 3 + j) % ${callsScale.reviewers})), 'submitted', now(), 0, now()
          from a cross join generate_series(0, ${callsScale.reviewsPerApplication - 1}) j returning id)
        insert into review_scores (review_id, criterion_id, score)
        select r.id, c.id, 1 + (abs(hashtext(r.id::text || c.id::text)) % 5) from r cross join call_criteria c where c.call_id = ${ranked}::uuid`);
  await run(sql`update reviews r set total = t.total from (
          select s.review_id, round((sum(c.weight * s.score::real / c.scale_max) / sum(c.weight) * 100)::numeric, 2)::real as total
          from review_scores s join call_criteria c on c.id = s.criterion_id where c.call_id = ${ranked}::uuid group by s.review_id) t
        where t.review_id = r.id`);
  await run(sql`insert into application_decisions (application_id, decision, awarded_cents, reasons)
                select id, 'awarded', 500000, 'Prueba' from applications where call_id = ${ranked}::uuid order by id limit ${Math.floor(callsScale.applications / 3)}`);

  // Ten past calls with published results: 1,500 awarded over them (the programme's figures).
  const perPast = Math.floor(callsScale.awarded / callsScale.pastCalls);
  for (let i = 0; i < callsScale.pastCalls; i++) {
    const year = 2017 + i;
    const callId = await newCall(`anual-${year}`, `${year}-03-01T12:00:00Z`, `${year}-06-30T02:59:59Z`, "decided", `${year}-09-01T12:00:00Z`);
    await applicationsFor(callId, perPast, (i * 97) % (orgs.length - perPast), "awarded", true);
    await run(sql`insert into application_decisions (application_id, decision, awarded_cents, reasons)
                  select id, 'awarded', 500000 + (abs(hashtext(id::text)) % 5) * 100000, 'Prueba' from applications where call_id = ${callId}::uuid`);
  }

  // The last-minute call: 550 eligible drafts of cities that lead nothing else there, each with a person of its own.
  const lastMinute = await newCall("cierre", "2026-01-01T12:00:00Z", "2099-12-31T23:59:59Z", "published", null);
  const count = callsScale.lastMinute + callsScale.late;
  await applicationsFor(lastMinute, count, callsScale.applications, "draft", false);
  await run(sql`insert into users (id, name, email, email_verified)
                select 'bench-c-lead-' || a.id, 'Líder ' || a.id, 'lead-' || a.id || '@calls.bench.test', true from applications a where a.call_id = ${lastMinute}::uuid`);
  await run(sql`insert into organization_members (organization_id, user_id, role)
                select a.lead_organization_id, 'bench-c-lead-' || a.id, 'focal_point' from applications a where a.call_id = ${lastMinute}::uuid on conflict do nothing`);
  const drafts = (await queryRows<{ id: string }>(db, sql`select id from applications where call_id = ${lastMinute}::uuid order by id`)).map((r) => ({ id: r.id, userId: `bench-c-lead-${r.id}` }));
  await run(sql`analyze`);
  return { networkSlug: "bench-calls", programmeSlug: "sur-sur", rankedCallId: ranked, lastMinuteCallId: lastMinute, drafts, secretariatToken: token, seconds: (performance.now() - started) / 1000 };
}
