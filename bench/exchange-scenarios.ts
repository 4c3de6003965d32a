// The exchange's scenarios (data from generate-exchange.ts, matches from the full recompute):
//   - the full recompute of 200,000 offers and needs (measured once, during generation);
//   - one new item's top-10 matches: posting it and computing its matches (the outbox handler's
//     work), in-process, p50/p95 over several new items, next to the raw SQL of its candidates;
//   - reading an item's ranked matches with reasons, API at 16 connections, and the same use case
//     in-process;
//   - the notification fan-out of one new offer to the 20,000 people who follow its theme: the
//     time until every notification row and immediate e-mail row is written.
import { sql } from "drizzle-orm";
import { createToken } from "../modules/accounts/create-token.ts";
import { computeMatches } from "../modules/exchange/compute-matches.ts";
import { listMatches } from "../modules/exchange/list-matches.ts";
import { postItem } from "../modules/exchange/post-item.ts";
import { fanOut } from "../modules/notifications/fan-out.ts";
import { loadActor } from "../modules/organizations/actor.ts";
import { type DatabaseHandle, queryRows } from "../platform/db/client.ts";
import type { RecomputeReport } from "../modules/exchange/recompute-all-matches.ts";
import type { GeneratedExchange } from "./generate-exchange.ts";
import { type LoadResult, summarize, type Target, timeSequential } from "./load.ts";

interface Row {
  engine: string;
  scenario: string;
  result: LoadResult;
}
type Measure = (scenario: string, next: (i: number) => Target) => Promise<Row>;

const once = (ms: number): LoadResult => summarize([ms], 0, ms / 1000);

const newNeeds = [
  { pt: { title: "Reduzir as perdas de água na rede de distribuição", description: "Buscamos apoio técnico para setorizar a rede de distribuição de água potável e reduzir vazamentos nos bairros periféricos." } },
  { es: { title: "Huertas comunitarias en terrenos baldíos", description: "Queremos trabajar en huertas comunitarias con las familias de bajos ingresos de los barrios populares, con participación vecinal." } },
  { en: { title: "Affordable rental housing for young people", description: "We are looking for support to design an affordable rental housing programme for young people in the historic centre." } },
  { es: { title: "Prevención de la violencia de género en el transporte", description: "Buscamos experiencias para prevenir la violencia de género en el transporte público, con una plataforma digital de denuncias." } },
  { pt: { title: "Coleta seletiva com catadores", description: "Queremos ampliar a coleta seletiva de resíduos recicláveis junto com organizações sociais de catadores em toda a cidade." } },
];

export async function benchExchange(engine: string, url: string, direct: DatabaseHandle, generated: GeneratedExchange & { recompute: RecomputeReport; apiToken: string }, measure: Measure): Promise<Row[]> {
  const rows: Row[] = [];
  const { recompute } = generated;
  rows.push({ engine, scenario: `exchange: full recompute of ${generated.items.toLocaleString("en")} offers and needs (${recompute.pairs.toLocaleString("en")} matches), once`, result: once(recompute.seconds * 1000) });

  // One new item's top-10 matches: what the outbox handler does after a post.
  const member = generated.members[0]!;
  const actor = (await loadActor({ db: direct.db }, member.userId))!;
  const posted: string[] = [];
  for (let i = 0; i < 40; i++) {
    const texts = newNeeds[i % newNeeds.length]!;
    const item = await postItem({ db: direct.db }, actor, { kind: i % 2 ? "offer" : "need", organization: member.slug, networks: [generated.networkSlug], texts, themeIds: [], idempotencyKey: `bench-new-item-${engine}-${i}` });
    posted.push(item.id);
  }
  rows.push({ engine, scenario: "exchange: a new item's matches computed (index + candidates + scoring + write), in-process", result: await timeSequential(posted.length, (i) => computeMatches(direct.db, posted[i]!)) });
  // The raw SQL of the candidates by text, for the same items (their concepts are indexed now).
  rows.push({
    engine,
    scenario: "exchange: the same candidates' SQL alone (1 connection)",
    result: await timeSequential(posted.length, (i) =>
      queryRows(
        direct.db,
        sql`select c.item_id from (select key, weight from exchange_item_concepts where item_id = ${posted[i]!} order by weight desc limit 24) q
            cross join lateral (select p.item_id, p.weight from exchange_item_concepts p where p.key = q.key order by p.weight desc limit 1000) c
            join exchange_items y on y.id = c.item_id and y.kind <> (select kind from exchange_items where id = ${posted[i]!}) and y.status in ('open', 'in_conversation')
            group by c.item_id order by sum(q.weight * c.weight) desc limit 60`,
      ),
    ),
  });

  // Reading the ranked matches with their reasons, of generated items (the server has its own copy
  // of the embedded database, made before the items above were posted).
  const readable = (
    await queryRows<{ id: string }>(
      direct.db,
      sql`select id from exchange_items where organization_id = ${member.organizationId}::uuid and status = 'open' and not (id = any(${`{${posted.join(",")}}`}::uuid[]))
          order by created_at desc, id limit 40`,
    )
  ).map((r) => r.id);
  const headers = { authorization: `Bearer ${generated.apiToken}`, "accept-language": "pt" };
  rows.push(await measure("exchange: an item's top-10 matches with reasons, API", (i) => ({ url: `${url}/api/v1/exchange/items/${readable[i % readable.length]}/matches?limit=10`, headers })));
  rows.push({ engine, scenario: "exchange: the same use case in-process (1 connection)", result: await timeSequential(readable.length * 2, (i) => listMatches({ db: direct.db }, actor, readable[i % readable.length]!, { limit: 10 }, "pt")) });

  // The fan-out of one new offer to the people who follow its theme.
  const fanOuts: number[] = [];
  let recipients = 0;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const result = await fanOut(direct.db, {
      kind: "exchange.new_item",
      key: `bench-fanout-${engine}-${Date.now()}-${i}`,
      data: { path: `/exchange/${posted[0]}`, titles: { pt: "Coleta seletiva com catadores" }, originalLanguage: "pt", itemKind: "offer", organization: member.slug },
      audience: { type: "interested", itemKind: "offer", themeIds: [generated.followedTheme], sdgGoals: [], countryCode: null, networkIds: [generated.networkId], platform: false, excludeOrganizationId: member.organizationId },
      actorUserId: member.userId,
    });
    fanOuts.push(performance.now() - started);
    recipients = result.recipients;
  }
  rows.push({ engine, scenario: `exchange: fan-out of one new offer to ${recipients.toLocaleString("en")} followers (every notification and e-mail row written)`, result: summarize(fanOuts, 0, fanOuts.reduce((a, b) => a + b, 0) / 1000) });
  return rows;
}

/** A read token of the first generated organization's person, for the API scenario. */
export async function exchangeApiToken(handle: DatabaseHandle, generated: GeneratedExchange): Promise<string> {
  const member = generated.members[0]!;
  const actor = (await loadActor({ db: handle.db }, member.userId))!;
  const { token } = await createToken({ db: handle.db }, actor, { name: "bench", scope: "read", expiresInDays: 1 });
  return token;
}
