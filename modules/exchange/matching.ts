// How well a need and an offer suit each other, and why: one function (scoreMatch) used by the
// incremental path (compute-matches.ts: candidates from the concept index in SQL) and by the full
// recompute. The score is a weighted sum of parts, each between 0 and 1, so the explanation can
// say what each contributed. Weights: the texts say most about the problem; themes and SDGs
// chosen by the organizations confirm it; a shared working language and modality make the
// exchange possible; shared networks, similar city size and proximity make it easier.
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../platform/db/client.ts";
import type { ItemKind, MatchExplanation } from "./schema.ts";

export const matchWeights = {
  text: 0.45,
  themes: 0.15,
  sdgs: 0.08,
  languages: 0.1,
  modalities: 0.07,
  networks: 0.05,
  size: 0.05,
  distance: 0.05,
} as const;

/** A text similarity (cosine of the concept vectors) at or above this counts fully. */
const FULL_TEXT = 0.4;
/** A pair is kept when its texts share this much, or when they share a theme. */
export const MIN_TEXT = 0.04;
/** Matches kept per item. */
export const MATCHES_PER_ITEM = 15;

export interface MatchFeatures {
  id: string;
  kind: ItemKind;
  organizationId: string;
  themeIds: string[];
  sdgGoals: number[];
  languages: string[];
  modalities: string[];
  networkIds: string[];
  population: number | null;
  latitude: number | null;
  longitude: number | null;
  /** Concept key → [weight, the item's words]. */
  concepts: Map<string, { weight: number; words: string[] }>;
}

const shared = <T>(a: readonly T[], b: readonly T[]) => a.filter((x) => b.includes(x));

/** Great-circle distance in kilometres. */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The cosine of two concept vectors and the concepts they share, strongest first. */
export function textSimilarity(a: MatchFeatures["concepts"], b: MatchFeatures["concepts"]): { cosine: number; sharedKeys: string[] } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const contributions: [string, number][] = [];
  let cosine = 0;
  for (const [key, { weight }] of small) {
    const other = large.get(key);
    if (!other) continue;
    const c = weight * other.weight;
    cosine += c;
    contributions.push([key, c]);
  }
  contributions.sort((x, y) => y[1] - x[1]);
  return { cosine, sharedKeys: contributions.map(([k]) => k) };
}

/** Part of the score for two sets: 1 when they share something, `unknown` when either is empty. */
const overlap = (a: readonly unknown[], b: readonly unknown[], unknown: number) => (a.length === 0 || b.length === 0 ? unknown : shared(a, b).length > 0 ? 1 : 0);

interface Parts {
  need: MatchFeatures;
  offer: MatchFeatures;
  score: number;
  parts: Record<keyof typeof matchWeights, number>;
  sharedThemeIds: string[];
  sharedSdgGoals: number[];
  sharedLanguages: string[];
  sharedModalities: string[];
  sharedNetworkIds: string[];
  sizeRatio: number | null;
  km: number | null;
}

/** The score's parts; null when the two should not be suggested. */
function scoreParts(x: MatchFeatures, y: MatchFeatures, cosine?: number): Parts | null {
  if (x.kind === y.kind || x.organizationId === y.organizationId) return null;
  const [need, offer] = x.kind === "need" ? [x, y] : [y, x];
  const textCosine = cosine ?? textSimilarity(need.concepts, offer.concepts).cosine;
  const sharedThemeIds = shared(need.themeIds, offer.themeIds);
  if (textCosine < MIN_TEXT && sharedThemeIds.length === 0) return null;
  const sharedSdgGoals = shared(need.sdgGoals, offer.sdgGoals);
  const sharedLanguages = shared(need.languages, offer.languages);
  const sharedModalities = shared(need.modalities, offer.modalities);
  const sharedNetworkIds = shared(need.networkIds, offer.networkIds);
  const sizeRatio = need.population && offer.population ? Math.abs(Math.log10(need.population / offer.population)) : null;
  const km =
    need.latitude !== null && need.longitude !== null && offer.latitude !== null && offer.longitude !== null
      ? Math.round(distanceKm({ latitude: need.latitude, longitude: need.longitude }, { latitude: offer.latitude, longitude: offer.longitude }))
      : null;
  const parts: Record<keyof typeof matchWeights, number> = {
    text: Math.min(1, textCosine / FULL_TEXT),
    themes: sharedThemeIds.length === 0 ? 0 : sharedThemeIds.length / Math.min(need.themeIds.length, offer.themeIds.length),
    sdgs: sharedSdgGoals.length === 0 ? 0 : sharedSdgGoals.length / Math.min(need.sdgGoals.length, offer.sdgGoals.length),
    languages: overlap(need.languages, offer.languages, 0.5),
    modalities: overlap(need.modalities, offer.modalities, 0.5),
    networks: sharedNetworkIds.length > 0 ? 1 : 0,
    size: sizeRatio === null ? 0 : Math.max(0, 1 - sizeRatio / 1.5),
    distance: km === null ? 0 : 1 / (1 + km / 1500),
  };
  let score = 0;
  for (const [part, weight] of Object.entries(matchWeights)) score += weight * parts[part as keyof typeof matchWeights];
  return { need, offer, score: Math.round(score * 1000) / 1000, parts, sharedThemeIds, sharedSdgGoals, sharedLanguages, sharedModalities, sharedNetworkIds, sizeRatio, km };
}

/**
 * The score alone (no explanation): for ranking many candidates. `cosine`, when the caller has
 * already summed the shared concepts' weights, saves computing it again.
 */
export function matchScore(x: MatchFeatures, y: MatchFeatures, cosine?: number): number | null {
  return scoreParts(x, y, cosine)?.score ?? null;
}

/** The score of a need and an offer (in either order) and its explanation; null when they should not be suggested. */
export function scoreMatch(x: MatchFeatures, y: MatchFeatures): { needId: string; offerId: string; score: number; explanation: MatchExplanation } | null {
  const p = scoreParts(x, y);
  if (!p) return null;
  const text = textSimilarity(p.need.concepts, p.offer.concepts);
  const words = text.sharedKeys.slice(0, 6).map((key) => ({ need: p.need.concepts.get(key)!.words.slice(0, 2), offer: p.offer.concepts.get(key)!.words.slice(0, 2) }));
  return {
    needId: p.need.id,
    offerId: p.offer.id,
    score: p.score,
    explanation: {
      sharedThemeIds: p.sharedThemeIds,
      sharedSdgGoals: p.sharedSdgGoals,
      words,
      sharedLanguages: p.sharedLanguages,
      sharedModalities: p.sharedModalities,
      sharedNetworkIds: p.sharedNetworkIds,
      similarSize: p.sizeRatio !== null && p.sizeRatio <= Math.log10(3),
      distanceKm: p.km,
      parts: Object.fromEntries(Object.entries(p.parts).map(([k, v]) => [k, Math.round(v * 1000) / 1000])),
    },
  };
}

/** The matching features of these items (their concepts included), by id. */
export async function loadFeatures(db: Database, ids: string[]): Promise<Map<string, MatchFeatures>> {
  if (ids.length === 0) return new Map();
  const list = `{${ids.join(",")}}`;
  const rows = await queryRows<{
    id: string;
    kind: ItemKind;
    organization_id: string;
    theme_ids: string[];
    sdg_goals: number[];
    languages: string[];
    modalities: string[];
    network_ids: string[];
    population: number | null;
    latitude: number | null;
    longitude: number | null;
  }>(
    db,
    sql`select i.id, i.kind, i.organization_id, i.theme_ids, i.sdg_goals, i.languages, i.modalities,
               coalesce((select array_agg(n.network_id) from exchange_item_networks n where n.item_id = i.id), '{}') as network_ids,
               c.population, c.latitude, c.longitude
        from exchange_items i
        join organizations o on o.id = i.organization_id
        left join cities c on c.id = o.city_id
        where i.id = any(${list}::uuid[])`,
  );
  const features = new Map<string, MatchFeatures>(
    rows.map((r) => [
      r.id,
      {
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
      },
    ]),
  );
  const concepts = await queryRows<{ item_id: string; key: string; weight: number; words: string[] }>(
    db,
    sql`select item_id, key, weight, words from exchange_item_concepts where item_id = any(${list}::uuid[])`,
  );
  for (const c of concepts) features.get(c.item_id)?.concepts.set(c.key, { weight: Number(c.weight), words: c.words });
  return features;
}
