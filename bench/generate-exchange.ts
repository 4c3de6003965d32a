// Generated data for the exchange scenarios: 200,000 offers and needs (half each, a third each
// written in Spanish, Portuguese and English) over 12,000 organizations — local governments of
// real cities, members of one network — whose texts are composed from the aligned phrase pools of
// practice-phrases.ts (a theme's topic, a problem, a group, a place, a method), drawn with a skew
// so some terms are common and others rare; themes, SDG goals, modalities, team languages follow.
// Then 20,000 people follow one theme (for the notification fan-out scenario). Concepts and
// matches are computed by the full recompute, which is itself a measured scenario.
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../platform/db/client.ts";
import { modalities } from "../modules/exchange/schema.ts";
import { random } from "./generate-practices.ts";
import { type Aligned, groups, methods, phraseThemes, places } from "./practice-phrases.ts";

export const exchangeScale = { organizations: 12_000, items: 200_000, followers: 20_000, batch: 5_000 };

type Lang = "es" | "pt" | "en";
const langs: Lang[] = ["es", "pt", "en"];
const li = (l: Lang) => langs.indexOf(l);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const needTitle: Aligned = ["Buscamos apoyo en", "Buscamos apoio em", "Looking for support on"];
const offerTitle: Aligned = ["Compartimos nuestra experiencia en", "Compartilhamos nossa experiência em", "Sharing our experience with"];
const needBody: Aligned = ["Nuestra ciudad enfrenta", "Nossa cidade enfrenta", "Our city faces"];
const affecting: Aligned = ["que afecta a", "que afeta", "affecting"];
const wantTo: Aligned = ["Queremos trabajar en", "Queremos trabalhar com", "We want to work on"];
const offerBody: Aligned = ["Desarrollamos", "Desenvolvemos", "We developed"];
const about: Aligned = ["sobre", "sobre", "on"];
const weOffer: Aligned = ["Ofrecemos asistencia técnica y documentos a otras ciudades.", "Oferecemos assistência técnica e documentos a outras cidades.", "We offer technical assistance and documents to other cities."];
const program: Aligned = ["un programa", "um programa", "a programme"];

export interface GeneratedExchange {
  networkSlug: string;
  /** Organizations of generated items, with one member each (their user ids), for the scenarios. */
  members: { organizationId: string; userId: string; slug: string }[];
  /** A theme 20,000 people follow, and the network's id. */
  followedTheme: string;
  networkId: string;
  items: number;
  seconds: number;
}

export async function generateExchange(db: Database, options: { items?: number; organizations?: number } = {}): Promise<GeneratedExchange> {
  const started = performance.now();
  const total = options.items ?? exchangeScale.items;
  const orgCount = options.organizations ?? exchangeScale.organizations;
  const run = (query: ReturnType<typeof sql>) => db.execute(query);
  await run(sql`insert into networks (slug, name, kind, hosted, working_languages, description, description_language)
                values ('bench-exchange', 'Red del intercambio (prueba)', 'regional', true, array['es', 'pt'], '{"es": "Red generada para las pruebas de rendimiento."}', 'es')
                on conflict (slug) do nothing`);
  const [network] = await queryRows<{ id: string }>(db, sql`select id from networks where slug = 'bench-exchange'`);
  // Local governments of the most populous cities without one, then every one of them a member.
  await run(sql`insert into organizations (slug, name, kind, country_code, city_id)
                select 'bench-x-' || c.id, c.name, 'local_government', c.country_code, c.id from cities c
                where not exists (select 1 from organizations o where o.city_id = c.id and o.kind = 'local_government')
                order by c.population desc, c.id
                limit greatest(0, ${orgCount} - (select count(*) from organizations where kind = 'local_government'))`);
  const orgs = await queryRows<{ id: string; slug: string; country_code: string }>(
    db,
    sql`select id, slug, country_code from organizations where kind = 'local_government' and merged_into_id is null order by created_at, id limit ${orgCount}`,
  );
  await run(sql`insert into network_memberships (network_id, organization_id, status)
                select ${network!.id}::uuid, id, 'active' from organizations where id = any(${`{${orgs.map((o) => o.id).join(",")}}`}::uuid[])
                on conflict do nothing`);
  // One person per organization (the members who post and read matches).
  await run(sql`insert into users (id, name, email, locale) select 'bench-x-user-' || o.slug, 'Equipo ' || o.slug, o.slug || '@exchange.bench.test', 'es'
                from organizations o where o.id = any(${`{${orgs.map((o) => o.id).join(",")}}`}::uuid[]) on conflict do nothing`);
  await run(sql`insert into organization_members (organization_id, user_id, role) select o.id, 'bench-x-user-' || o.slug, 'focal_point'
                from organizations o where o.id = any(${`{${orgs.map((o) => o.id).join(",")}}`}::uuid[]) on conflict do nothing`);

  const langOfCountry = (code: string): Lang => (["BR", "PT", "AO", "MZ"].includes(code) ? "pt" : ["AR", "BO", "CL", "CO", "EC", "MX", "PY", "PE", "UY", "VE", "ES", "CU", "GT", "HN", "NI", "SV", "CR", "PA", "DO"].includes(code) ? "es" : "en");
  const now = Date.now();
  for (let from = 0; from < total; from += exchangeScale.batch) {
    const rows: unknown[] = [];
    for (let k = from; k < Math.min(total, from + exchangeScale.batch); k++) {
      const r = random(k * 2246822519 + 3);
      const org = orgs[Math.floor(orgs.length * r.next() ** 1.3)]!;
      const lang = r.next() < 0.7 ? langOfCountry(org.country_code) : langs[k % 3]!;
      const kind = k % 2 === 0 ? "need" : "offer";
      const theme = r.skew(phraseThemes, 1.3);
      const topic = r.skew(theme.topics, 1.6)[li(lang)];
      const problem = r.skew(theme.problems, 1.3)[li(lang)];
      const group = r.skew(groups, 1.5)[li(lang)];
      const place = r.pick(places)[li(lang)];
      const method = r.pick(methods)[li(lang)];
      const title = kind === "need" ? `${needTitle[li(lang)]} ${topic}` : `${offerTitle[li(lang)]} ${topic}`;
      const description =
        kind === "need"
          ? `${needBody[li(lang)]} ${problem} ${affecting[li(lang)]} ${group} ${place}. ${wantTo[li(lang)]} ${topic} ${method}.`
          : `${offerBody[li(lang)]} ${program[li(lang)]} ${about[li(lang)]} ${topic} ${place} ${method}, ${lang === "en" ? "for" : "para"} ${group}. ${weOffer[li(lang)]}`;
      const chosen = modalities.filter(() => r.next() < 0.35);
      rows.push({
        kind,
        o: org.id,
        l: lang,
        t: { [lang]: { title: cap(title), description: cap(description) } },
        th: theme.themeIds.slice(0, 1 + r.int(theme.themeIds.length)),
        sdg: theme.sdgGoals,
        m: chosen.length ? chosen : ["virtual_session"],
        lg: r.next() < 0.4 ? [lang, langs[(li(lang) + 1) % 3]] : [lang],
        c: new Date(now - Math.floor(r.next() * 300) * 86_400_000).toISOString(),
      });
    }
    await run(sql`with inserted as (
                    insert into exchange_items (kind, organization_id, original_language, texts, theme_ids, sdg_goals, modalities, languages, visibility, expires_on, created_at, updated_at, revision)
                    select kind, o, l, t, array(select jsonb_array_elements_text(th)), array(select jsonb_array_elements_text(sdg)::int), array(select jsonb_array_elements_text(m)),
                           array(select jsonb_array_elements_text(lg)), 'networks', current_date + 180, c, c, 1
                    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(kind text, o uuid, l text, t jsonb, th jsonb, sdg jsonb, m jsonb, lg jsonb, c timestamptz)
                    returning id)
                  insert into exchange_item_networks (item_id, network_id) select id, ${network!.id}::uuid from inserted`);
  }
  // 20,000 people of the network's organizations follow one theme (for the fan-out), in their own organizations.
  const followedTheme = "water-waste-sanitation";
  await run(sql`insert into users (id, name, email, locale) select 'bench-x-follower-' || g, 'Seguidora ' || g, 'follower' || g || '@exchange.bench.test', (array['es', 'pt', 'en'])[1 + g % 3]
                from generate_series(1, ${exchangeScale.followers}) g on conflict do nothing`);
  await run(sql`insert into organization_members (organization_id, user_id, role)
                select (${`{${orgs.map((o) => o.id).join(",")}}`}::uuid[])[1 + g % ${orgs.length}], 'bench-x-follower-' || g, 'staff'
                from generate_series(1, ${exchangeScale.followers}) g on conflict do nothing`);
  await run(sql`insert into notification_interests (user_id, theme_ids, kinds) select 'bench-x-follower-' || g, ${`{${followedTheme}}`}::text[], '{offer,need}'
                from generate_series(1, ${exchangeScale.followers}) g on conflict do nothing`);
  await run(sql`insert into notification_preferences (user_id, event_kind, channel)
                select 'bench-x-follower-' || g, 'exchange.new_item', (array['immediate', 'daily', 'weekly'])[1 + g % 3] from generate_series(1, ${exchangeScale.followers}) g on conflict do nothing`);
  return {
    networkSlug: "bench-exchange",
    networkId: network!.id,
    members: orgs.slice(0, 200).map((o) => ({ organizationId: o.id, userId: `bench-x-user-${o.slug}`, slug: o.slug })),
    followedTheme,
    items: total,
    seconds: (performance.now() - started) / 1000,
  };
}
