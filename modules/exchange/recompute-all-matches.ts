// Every item's concepts and matches computed again at once: after an import, or after the
// matching itself changed. The incremental path (compute-matches.ts) asks the database for one
// item's candidates; done 200,000 times that would take hours, so the full recompute works in
// memory instead, with the same pieces: itemConcepts and weigh (index-item.ts) for the vectors,
// rarities counted over every item, an inverted index of concepts for the candidates (the same
// limits: the item's strongest QUERY_CONCEPTS concepts not shared by more than COMMON_SHARE of the
// items, TEXT_CANDIDATES by text and THEME_CANDIDATES newest sharing a theme), the same visibility
// rule, and scoreMatch for the score and its explanation. Both sides of every pair are computed (a
// need's list and an offer's list), and the union kept. Everything is written in one
// transaction: readers see the old matches or the new ones, never half.
import { sql } from "drizzle-orm";
import { authorize } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { type Database, queryRows } from "../../platform/db/client.ts";
import { enqueue } from "../../platform/outbox/enqueue.ts";
import type { Actor } from "../organizations/actor.ts";
import { COMMON_SHARE, isMatchable, matchOutboxKind, POSTINGS_PER_CONCEPT, QUERY_CONCEPTS, TEXT_CANDIDATES, THEME_CANDIDATES } from "./compute-matches.ts";
import { itemConcepts, weigh } from "./index-item.ts";
import { MATCHES_PER_ITEM, type MatchFeatures, matchScore, scoreMatch } from "./matching.ts";
import { exchangePolicy } from "./policy.ts";
import type { ItemKind, ItemStatus, ItemText, MatchExplanation, Visibility } from "./schema.ts";

export interface RecomputeReport {
  items: number;
  matchable: number;
  pairs: number;
  seconds: number;
  /** Where the time went, in seconds. */
  phases: Record<string, number>;
}

interface Loaded extends MatchFeatures {
  status: ItemStatus;
  expiresOn: string;
  visibility: Visibility;
  createdAt: number;
  revision: number;
  texts: Partial<Record<string, ItemText>>;
}

const BATCH = 5_000;

async function loadItems(db: Database): Promise<Loaded[]> {
  const items: Loaded[] = [];
  for (let after = "00000000-0000-0000-0000-000000000000"; ; ) {
    const rows = await queryRows<{
      id: string;
      kind: ItemKind;
      organization_id: string;
      texts: Partial<Record<string, ItemText>>;
      theme_ids: string[];
      sdg_goals: number[];
      languages: string[];
      modalities: string[];
      network_ids: string[];
      status: ItemStatus;
      expires_on: string;
      visibility: Visibility;
      created_at: Date | string;
      revision: number;
      population: number | null;
      latitude: number | null;
      longitude: number | null;
    }>(
      db,
      sql`select i.id, i.kind, i.organization_id, i.texts, i.theme_ids, i.sdg_goals, i.languages, i.modalities, i.status,
                 to_char(i.expires_on, 'YYYY-MM-DD') as expires_on, i.visibility, i.created_at, i.revision,
                 coalesce((select array_agg(n.network_id) from exchange_item_networks n where n.item_id = i.id), '{}') as network_ids,
                 c.population, c.latitude, c.longitude
          from exchange_items i join organizations o on o.id = i.organization_id left join cities c on c.id = o.city_id
          where i.id > ${after}::uuid order by i.id limit ${BATCH}`,
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      items.push({
        id: r.id,
        kind: r.kind,
        organizationId: r.organization_id,
        themeIds: r.theme_ids,
        sdgGoals: r.sdg_goals.map(Number),
        languages: r.languages,
        modalities: r.modalities,
        networkIds: r.network_ids,
        population: r.population === null ? null : Number(r.population),
        latitude: r.latitude === null ? null : Number(r.latitude),
        longitude: r.longitude === null ? null : Number(r.longitude),
        concepts: new Map(),
        status: r.status,
        expiresOn: r.expires_on,
        visibility: r.visibility,
        createdAt: new Date(r.created_at).getTime(),
        revision: Number(r.revision),
        texts: r.texts,
      });
    }
    after = rows[rows.length - 1]!.id;
  }
  return items;
}

/** The networks each organization's people read items of (active memberships and secretariats). */
async function networksSeen(db: Database): Promise<Map<string, Set<string>>> {
  const rows = await queryRows<{ organization_id: string; network_id: string }>(
    db,
    sql`select organization_id, network_id from network_memberships where status = 'active'
        union select secretariat_organization_id, id from networks where secretariat_organization_id is not null`,
  );
  const seen = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = seen.get(r.organization_id) ?? new Set();
    set.add(r.network_id);
    seen.set(r.organization_id, set);
  }
  return seen;
}

/** The positions (among the first `count` of `touched`) of the `k` highest scores, highest first. */
function strongest(touched: Int32Array, count: number, scores: Float64Array, k: number): number[] {
  const heap: number[] = []; // a min-heap of positions by score
  const less = (a: number, b: number) => scores[heap[a]!]! < scores[heap[b]!]!;
  const swap = (a: number, b: number) => {
    const t = heap[a]!;
    heap[a] = heap[b]!;
    heap[b] = t;
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(l, m)) m = l;
      if (r < heap.length && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let j = 0; j < count; j++) {
    const at = touched[j]!;
    if (heap.length < k) {
      heap.push(at);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!less(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (scores[at]! > scores[heap[0]!]!) {
      heap[0] = at;
      down(0);
    }
  }
  return heap.sort((a, b) => scores[b]! - scores[a]!);
}

/** Writes rows in batches through one JSON parameter per batch. */
async function insertJson(tx: Database, rows: unknown[], statement: (json: string) => ReturnType<typeof sql>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await tx.execute(statement(JSON.stringify(rows.slice(i, i + BATCH))));
}

/** The whole recompute, for the command line and benchmarks (no actor: the operator). */
export async function recomputeEverything(db: Database, options: { today?: string; /** What happens meanwhile (tests: an edit after the items were read). */ afterLoad?: () => Promise<void> } = {}): Promise<RecomputeReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const phases: Record<string, number> = {};
  let lap = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - lap) / 1000;
    lap = now;
  };
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const items = await loadItems(db);
  const seen = await networksSeen(db);
  phase("load");
  await options.afterLoad?.();

  // Concepts, rarities over every item, weights.
  const raw: (ReturnType<typeof itemConcepts> | null)[] = items.map((item) => itemConcepts(item.texts));
  const frequency = new Map<string, number>();
  for (const list of raw) for (const c of list!) frequency.set(c.key, (frequency.get(c.key) ?? 0) + 1);
  items.forEach((item, i) => {
    for (const c of weigh(raw[i]!, (k) => frequency.get(k) ?? 1, items.length)) item.concepts.set(c.key, { weight: c.weight, words: c.words });
    raw[i] = null; // what is not needed any more is let go: 200,000 items are held at once
    item.texts = {};
  });
  phase("concepts");

  // The inverted index of each kind's matchable items (item positions and weights in typed arrays),
  // and each kind's items by theme, newest first.
  const matchable = items.filter((item) => isMatchable(item, today));
  const postingLists: Record<ItemKind, Map<string, { at: number[]; weight: number[] }>> = { need: new Map(), offer: new Map() };
  const byTheme: Record<ItemKind, Map<string, number[]>> = { need: new Map(), offer: new Map() };
  matchable.forEach((item, at) => {
    for (const [key, { weight }] of item.concepts) {
      const list = postingLists[item.kind].get(key) ?? { at: [], weight: [] };
      list.at.push(at);
      list.weight.push(weight);
      postingLists[item.kind].set(key, list);
    }
    for (const theme of item.themeIds) {
      const list = byTheme[item.kind].get(theme) ?? [];
      list.push(at);
      byTheme[item.kind].set(theme, list);
    }
  });
  const postings: Record<ItemKind, Map<string, { at: Int32Array; weight: Float32Array }>> = { need: new Map(), offer: new Map() };
  for (const kind of ["need", "offer"] as const) {
    for (const [key, list] of postingLists[kind]) {
      // Strongest first, cut at POSTINGS_PER_CONCEPT as the incremental path reads them.
      const order = list.at.map((_, j) => j).sort((a, b) => list.weight[b]! - list.weight[a]!).slice(0, POSTINGS_PER_CONCEPT);
      postings[kind].set(key, { at: Int32Array.from(order.map((j) => list.at[j]!)), weight: Float32Array.from(order.map((j) => list.weight[j]!)) });
    }
    for (const list of byTheme[kind].values()) list.sort((a, b) => matchable[b]!.createdAt - matchable[a]!.createdAt);
  }
  const common = Math.max(50, items.length * COMMON_SHARE);
  const visibleTo = (item: Loaded, organizationId: string) =>
    item.visibility === "platform" || item.networkIds.some((n) => seen.get(organizationId)?.has(n)) || item.organizationId === organizationId;
  const eligible = (x: Loaded, y: Loaded) => y.organizationId !== x.organizationId && visibleTo(y, x.organizationId) && visibleTo(x, y.organizationId);

  const pairs = new Map<string, { needId: string; offerId: string; score: number; explanation: MatchExplanation }>();
  const scores = new Float64Array(matchable.length);
  const touched = new Int32Array(matchable.length);
  for (const x of matchable) {
    const other: ItemKind = x.kind === "need" ? "offer" : "need";
    let count = 0;
    let checked = 0;
    for (const [key, { weight }] of x.concepts) {
      if ((frequency.get(key) ?? 0) > common) continue;
      if (++checked > QUERY_CONCEPTS) break;
      const list = postings[other].get(key);
      if (!list) continue;
      for (let j = 0; j < list.at.length; j++) {
        const at = list.at[j]!;
        if (scores[at] === 0) touched[count++] = at;
        scores[at] = scores[at]! + weight * list.weight[j]!;
      }
    }
    // The best TEXT_CANDIDATES eligible ones: the strongest few hundred touched (a bounded heap, not
    // a sort of thousands), best first; then every score is reset.
    const order = strongest(touched, count, scores, TEXT_CANDIDATES * 2);
    const cosine = new Map<Loaded, number>();
    for (const at of order) {
      if (cosine.size >= TEXT_CANDIDATES) break;
      const y = matchable[at]!;
      if (eligible(x, y)) cosine.set(y, scores[at]!);
    }
    for (let j = 0; j < count; j++) scores[touched[j]!] = 0;
    const candidates = new Set<Loaded>(cosine.keys());
    // The newest sharing a theme: the first eligible of each theme's list (newest first), merged.
    const recent: Loaded[] = [];
    for (const theme of x.themeIds) {
      let taken = 0;
      for (const at of byTheme[other].get(theme) ?? []) {
        if (taken >= THEME_CANDIDATES) break;
        const y = matchable[at]!;
        if (!eligible(x, y)) continue;
        recent.push(y);
        taken++;
      }
    }
    recent.sort((a, b) => b.createdAt - a.createdAt);
    let added = 0;
    for (const y of recent) {
      if (added >= THEME_CANDIDATES) break;
      if (candidates.has(y) && !cosine.has(y)) continue;
      if (!candidates.has(y)) candidates.add(y);
      added++;
    }
    // Ranked by the score alone; only the best are explained.
    const ranked: { y: Loaded; score: number }[] = [];
    for (const y of candidates) {
      const score = matchScore(x, y, cosine.get(y));
      if (score !== null) ranked.push({ y, score });
    }
    ranked.sort((a, b) => b.score - a.score);
    for (const { y } of ranked.slice(0, MATCHES_PER_ITEM)) {
      const m = scoreMatch(x, y);
      if (m && !pairs.has(`${m.needId}|${m.offerId}`)) pairs.set(`${m.needId}|${m.offerId}`, m);
    }
  }
  phase("matching");

  let pairCount = 0;
  await db.transaction(async (tx) => {
    // Emptied and written without their secondary indexes, which are built again once at the end
    // (much faster than keeping them up to date row by row).
    await tx.execute(sql`delete from exchange_matches`);
    await tx.execute(sql`delete from exchange_item_concepts`);
    await tx.execute(sql`delete from exchange_concept_stats`);
    await tx.execute(sql`drop index if exists exchange_item_concepts_key_weight_idx`);
    await tx.execute(sql`drop index if exists exchange_matches_need_idx`);
    await tx.execute(sql`drop index if exists exchange_matches_offer_idx`);
    const stats = [...frequency].map(([key, n]) => ({ key, items: n }));
    stats.push({ key: "", items: items.length });
    await insertJson(tx, stats, (json) => sql`insert into exchange_concept_stats (key, items) select key, items from jsonb_to_recordset(${json}::jsonb) as r(key text, items int)`);
    // A few hundred items' concepts at a time, never all of them as rows at once.
    for (let from = 0; from < items.length; from += 500) {
      const conceptRows = items.slice(from, from + 500).flatMap((item) => [...item.concepts].map(([key, c]) => ({ i: item.id, k: key, w: c.weight, s: c.words })));
      await insertJson(
        tx,
        conceptRows,
        (json) => sql`insert into exchange_item_concepts (item_id, key, weight, words) select i, k, w, array(select jsonb_array_elements_text(s)) from jsonb_to_recordset(${json}::jsonb) as r(i uuid, k text, w real, s jsonb)`,
      );
    }
    phase("write concepts");
    const all = [...pairs.values()];
    pairCount = all.length;
    pairs.clear();
    for (let from = 0; from < all.length; from += BATCH) {
      await insertJson(
        tx,
        all.slice(from, from + BATCH).map((m) => ({ n: m.needId, o: m.offerId, s: m.score, e: m.explanation })),
        (json) => sql`insert into exchange_matches (need_id, offer_id, score, explanation) select n, o, s, e from jsonb_to_recordset(${json}::jsonb) as r(n uuid, o uuid, s real, e jsonb)`,
      );
    }
    // Each item is matched as it was read: an item edited since (its own job may have run before
    // this transaction rewrote everything) keeps an older matched revision and is matched again below.
    await insertJson(
      tx,
      items.map((item) => ({ i: item.id, r: item.revision })),
      (json) => sql`update exchange_items e set matched_revision = r.r from jsonb_to_recordset(${json}::jsonb) as r(i uuid, r int)
                    where e.id = r.i and e.matched_revision is distinct from r.r`,
    );
    phase("write matches");
    await tx.execute(sql`create index exchange_item_concepts_key_weight_idx on exchange_item_concepts (key, weight desc, item_id)`);
    await tx.execute(sql`create index exchange_matches_need_idx on exchange_matches (need_id, score)`);
    await tx.execute(sql`create index exchange_matches_offer_idx on exchange_matches (offer_id, score)`);
    phase("indexes");
  });
  // Fresh statistics for the tables just rewritten (PGlite has no autovacuum to notice).
  await db.execute(sql`analyze exchange_item_concepts, exchange_matches, exchange_concept_stats, exchange_items`);
  // Items posted or edited while this ran (their own job may have run before this transaction
  // rewrote everything) are matched again by a job of their own, after this rewrite.
  const read = new Map(items.map((item) => [item.id, item.revision]));
  const now = await queryRows<{ id: string; revision: number }>(db, sql`select id, revision from exchange_items`);
  for (const item of now.filter((r) => read.get(r.id) !== Number(r.revision))) {
    await enqueue(db, { kind: matchOutboxKind, payload: { itemId: item.id, revision: item.revision }, idempotencyKey: `exchange-match:${item.id}:${item.revision}:recompute:${startedAt}` });
  }
  phase("edited meanwhile");
  return { items: items.length, matchable: matchable.length, pairs: pairCount, seconds: (performance.now() - started) / 1000, phases };
}

/** An administrator recomputes everything. */
export async function recomputeAllMatches(ctx: ServiceContext, actor: Actor): Promise<RecomputeReport> {
  authorize(exchangePolicy.recompute(actor));
  return recomputeEverything(ctx.db);
}
