// How well the exchange's matchmaking pairs a need written in one language with an offer written
// in another, measured on labelled text nobody on the team wrote (UN SDG texts; sources in
// ../shared/data/PROVENANCE.md). Two sets:
//
//   "targets": each of the 169 SDG targets is a need in the source language and an offer in the
//   target language (from 169 different organizations); the right offer is the same target.
//   A translation-retrieval task: the easy end.
//
//   "indicators → targets": each SDG indicator (official in English and Spanish only) is a need —
//   how progress on a problem is measured — and the offers are the 169 targets in the other
//   language; the right offer is the indicator's own target. Texts about the same problem written
//   differently: closer to real needs and offers.
//
// precision@1: the best-ranked offer is the right one. precision@5: the share of the top five that
// are relevant, relevant meaning of the same SDG goal as the need (the UN's own grouping; only one
// offer is *the* right one, so precision@5 on it alone could not pass 0.2). MRR: of the right one.
//
// The needs and offers carry text only (no themes, SDGs, languages or places: those would give the
// answer away), and are scored by the engine's own functions (itemConcepts, weigh, scoreMatch) over
// every offer, with concept rarities counted over the set, as exchange_concept_stats counts them.
// Two settings: as shipped, and "words alone" (each word's stem without the lexicon's translations
// or cognates: what matching on shared words would do).
//
//   node bench/matching-quality.ts
//   BENCH_ONLY=matching-quality npm run bench
import { existsSync, readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { itemConcepts, weigh } from "../modules/exchange/index-item.ts";
import { type MatchFeatures, scoreMatch } from "../modules/exchange/matching.ts";
import type { SearchLanguage } from "../platform/search/text.ts";

export interface MatchingQualityRow {
  set: string;
  pair: string;
  setting: "as shipped" | "words alone";
  needs: number;
  precision1: number;
  precision5: number;
  mrr: number;
}

interface Text {
  code: string;
  goal: number;
  /** The right offer's code. */
  target: string;
  text: Partial<Record<SearchLanguage, string>>;
}

const data = (name: string) => new URL(`../../shared/data/${name}`, import.meta.url);

function targets(): Text[] {
  const rows = parse(readFileSync(data("sdg_goals_targets_en_es_pt.csv")), { columns: true }) as Record<string, string>[];
  return rows
    .filter((r) => r.level === "target")
    .map((r) => ({ code: r.code!, goal: Number(r.goal), target: r.code!, text: { en: r.en_title!.normalize("NFC"), es: r.es_title!.normalize("NFC"), pt: r.pt_title!.normalize("NFC") } }));
}

function indicators(): Text[] {
  if (!existsSync(data("sdg_indicators_en_es.csv"))) return [];
  const rows = parse(readFileSync(data("sdg_indicators_en_es.csv")), { columns: true }) as { code: string; en_title: string; es_title: string }[];
  const seen = new Set<string>();
  return rows
    .filter((r) => r.en_title && r.es_title && !seen.has(r.en_title) && seen.add(r.en_title))
    .map((r) => ({ code: r.code, goal: Number(r.code.split(".")[0]), target: r.code.split(".").slice(0, 2).join("."), text: { en: r.en_title.normalize("NFC"), es: r.es_title.normalize("NFC") } }));
}

function features(id: string, kind: "need" | "offer", text: string, language: SearchLanguage, translate: boolean): { id: string; kind: "need" | "offer"; concepts: ReturnType<typeof itemConcepts> } {
  return { id, kind, concepts: itemConcepts({ [language]: { title: "", description: text } }, translate) };
}

function evaluate(set: string, needs: Text[], offers: Text[], from: SearchLanguage, to: SearchLanguage, translate: boolean): MatchingQualityRow {
  const needItems = needs.filter((n) => n.text[from]).map((n) => ({ label: n, ...features(`need-${n.code}`, "need", n.text[from]!, from, translate) }));
  const offerItems = offers.map((o) => ({ label: o, ...features(`offer-${o.code}`, "offer", o.text[to]!, to, translate) }));
  // Rarity over every item of the set, as the index counts it.
  const frequency = new Map<string, number>();
  for (const item of [...needItems, ...offerItems]) for (const c of item.concepts) frequency.set(c.key, (frequency.get(c.key) ?? 0) + 1);
  const total = needItems.length + offerItems.length;
  const toFeatures = (item: (typeof offerItems)[number], organization: string): MatchFeatures => ({
    id: item.id,
    kind: item.kind,
    organizationId: organization,
    themeIds: [],
    sdgGoals: [],
    languages: [],
    modalities: [],
    networkIds: [],
    population: null,
    latitude: null,
    longitude: null,
    concepts: new Map(weigh(item.concepts, (k) => frequency.get(k) ?? 1, total).map((c) => [c.key, { weight: c.weight, words: c.words }])),
  });
  const offerFeatures = offerItems.map((o) => ({ label: o.label, features: toFeatures(o, `org-${o.label.code}`) }));
  let p1 = 0;
  let p5 = 0;
  let mrr = 0;
  for (const need of needItems) {
    const self = toFeatures(need, "org-need");
    const ranked = offerFeatures
      .map((o) => ({ label: o.label, score: scoreMatch(self, o.features)?.score ?? -1 }))
      .filter((r) => r.score >= 0)
      .sort((a, b) => b.score - a.score || a.label.code.localeCompare(b.label.code));
    const rank = ranked.findIndex((r) => r.label.code === need.label.target);
    if (rank === 0) p1++;
    if (rank >= 0) mrr += 1 / (rank + 1);
    p5 += ranked.slice(0, 5).filter((r) => r.label.goal === need.label.goal).length / 5;
  }
  const n = needItems.length;
  const round = (x: number) => Math.round((x / n) * 100) / 100;
  return { set, pair: `${from}→${to}`, setting: translate ? "as shipped" : "words alone", needs: n, precision1: round(p1), precision5: round(p5), mrr: round(mrr) };
}

export function measureMatchingQuality(): MatchingQualityRow[] {
  const rows: MatchingQualityRow[] = [];
  const t = targets();
  const pairs: [SearchLanguage, SearchLanguage][] = [["es", "pt"], ["pt", "es"], ["en", "es"], ["en", "pt"], ["es", "en"], ["pt", "en"]];
  for (const translate of [true, false]) for (const [from, to] of pairs) rows.push(evaluate("targets", t, t, from, to, translate));
  const i = indicators();
  if (i.length > 0) {
    const indicatorPairs: [SearchLanguage, SearchLanguage][] = [["en", "es"], ["en", "pt"], ["es", "pt"], ["es", "en"]];
    for (const translate of [true, false]) for (const [from, to] of indicatorPairs) rows.push(evaluate("indicators → targets", i, t, from, to, translate));
  }
  return rows;
}

export function formatMatchingQuality(rows: MatchingQualityRow[]): string {
  const lines = ["set                    pair   setting       needs  P@1   P@5   MRR"];
  for (const r of rows) {
    lines.push(`${r.set.padEnd(22)} ${r.pair.padEnd(6)} ${r.setting.padEnd(13)} ${String(r.needs).padStart(5)}  ${r.precision1.toFixed(2)}  ${r.precision5.toFixed(2)}  ${r.mrr.toFixed(2)}`);
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatMatchingQuality(measureMatchingQuality()));
}
