// Generated data for the practices scenarios: 100,000 published practices (a third each written
// in Spanish, Portuguese and English, about a fifth with a second language and a few with all
// three), in real cities — Spanish-speaking countries for Spanish originals, Portuguese-speaking
// ones for Portuguese, the rest of the world for English — owned by the local government of the
// city when it is on Pares (the demo's or generate-networks.ts's) and by some other one when not,
// each in one of the existing networks. Their text is composed from the aligned phrase pools of
// practice-phrases.ts (themes, problems, groups, places, instruments, methods, results with
// figures), drawn with a skew so some terms are common and others rare, as in real text; their
// themes, SDG goals and targets follow the phrases' themes; years 2005–2026.
//
// Inserted in batches of a few thousand (the rows travel as one JSON parameter): practices, their
// published version and their search row in one statement per batch, the search document built by
// the same tsvector construction as documentVector (platform/search/document.ts), then the
// vocabulary (each word: the number of practices that use it, as addToVocabulary counts).
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../platform/db/client.ts";
import { foldedWords } from "../platform/search/document.ts";
import type { PracticeContent, PracticeText } from "../modules/practices/schema.ts";
import {
  type Aligned,
  actors,
  brands,
  firstNames,
  groups,
  instruments,
  lastNames,
  lessons,
  methods,
  phraseThemes,
  places,
  positions,
  replications,
  verbs,
} from "./practice-phrases.ts";

export const practiceScale = { practices: 100_000, batch: 4_000 };

type Lang = "es" | "pt" | "en";
const langs: Lang[] = ["es", "pt", "en"];
const li = (l: Lang) => langs.indexOf(l);

/** Where practices written in each language happen. */
const countriesOf: Record<Lang, string[]> = {
  es: ["AR", "BO", "CL", "CO", "CR", "CU", "DO", "EC", "SV", "GT", "HN", "MX", "NI", "PA", "PY", "PE", "ES", "UY", "VE", "PR", "GQ"],
  pt: ["BR", "PT", "AO", "MZ", "CV", "GW", "ST", "TL"],
  en: [], // every other country
};

/** What people search for, per scenario (countries and themes the generated data has plenty of). */
export const practiceSearches = {
  words: [
    { q: "vivienda social" }, { q: "huertas urbanas" }, { q: "presupuesto participativo" }, { q: "violencia de género" },
    { q: "transporte público" }, { q: "agua potable" }, { q: "empleo juvenil" }, { q: "reciclaje inclusivo" },
    { q: "cambio climático" }, { q: "patrimonio histórico" }, { q: "salud mental" }, { q: "economía solidaria" },
  ],
  wordsAndFacets: [
    { q: "vivienda social", theme: "housing", country: "AR" }, { q: "huertas comunitarias", theme: "urban-food-policies", country: "MX" },
    { q: "presupuesto participativo", theme: "autonomy-participation", country: "CO" }, { q: "violencia de género", theme: "gender", country: "ES" },
    { q: "ciclovías", theme: "urban-mobility", country: "CL" }, { q: "agua potable", theme: "water-waste-sanitation", country: "PE" },
    { q: "empleo juvenil", theme: "youth", country: "AR" }, { q: "habitação social", theme: "housing", country: "BR" },
  ],
  crossLingual: [
    { q: "habitação social" }, { q: "hortas comunitárias" }, { q: "orçamento participativo" }, { q: "mobilidade urbana" },
    { q: "coleta seletiva" }, { q: "ciclovias" }, { q: "emprego juvenil" }, { q: "saúde mental" }, { q: "violência contra as mulheres" },
  ],
  typo: [
    { q: "vivienda socail" }, { q: "presupusto participativo" }, { q: "reciclaej inclusivo" }, { q: "huertas urbnas" },
    { q: "mobilidade urabna" }, { q: "transprte publico" }, { q: "cooperativas de vivenda" }, { q: "alimentacion escolr" },
  ],
  facetsNewest: [
    { theme: "gender", country: "BR", sort: "newest" }, { theme: "housing", country: "AR", sort: "newest" },
    { theme: "urban-mobility", country: "MX", sort: "newest" }, { theme: "youth", country: "US", sort: "newest" },
    { theme: "environment", country: "ES", sort: "newest" }, { theme: "culture", country: "CO", sort: "newest" },
  ],
} satisfies Record<string, Record<string, string>[]>;

export interface GeneratedPractices {
  practices: number;
  perLanguage: Record<Lang, number>;
  withSecondLanguage: number;
  vocabulary: number;
  seconds: number;
}

/** A small deterministic generator (mulberry32): the same practices every run. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    /** Skewed toward the first items (a few frequent, many rare): index ⌊n·r^k⌋. */
    skew: <T>(items: readonly T[], k = 1.8) => items[Math.floor(items.length * next() ** k)]!,
    pick: <T>(items: readonly T[]) => items[Math.floor(items.length * next())]!,
  };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const numberFormats = { es: new Intl.NumberFormat("es-AR"), pt: new Intl.NumberFormat("pt-BR"), en: new Intl.NumberFormat("en-GB") };

type City = {
  id: number;
  name: string;
  country_code: string;
};

/** The choices a practice's text is made of; each language writes the same choices. */
interface Draft {
  city: string;
  topic: Aligned;
  topic2: Aligned;
  problem: Aligned;
  group: Aligned;
  group2: Aligned;
  place: Aligned;
  instrument: (typeof instruments)[number];
  method: Aligned;
  actor: Aligned;
  verb: Aligned;
  brand: Aligned;
  lessons: Aligned[];
  replication: Aligned;
  title: number;
  summary: number;
  solutions: number[];
  problemForm: number;
  results: number[];
  startYear: number;
  figures: { people: number; households: number; neighbourhoods: number; percent: number; assemblies: number; proposals: number; money: number; jobs: number; yearsBefore: number };
}

function writeText(d: Draft, lang: Lang): PracticeText {
  const i = li(lang);
  const n = (v: number) => numberFormats[lang].format(v);
  const f = d.figures;
  const [topic, topic2, problem, group, group2, place, method, actor, verb, brand] = [d.topic, d.topic2, d.problem, d.group, d.group2, d.place, d.method, d.actor, d.verb, d.brand].map((a) => a[i]);
  const inst = { title: d.instrument.title[i], a: d.instrument.indefinite[i] };
  const title = {
    es: [
      `${inst.title} de ${topic} ${place}`,
      `${brand}: ${topic} para ${group}`,
      `${cap(topic!)} y ${topic2} ${place}`,
      `${cap(topic!)} ${method}`,
      `${cap(topic!)} en ${d.city}: ${brand}`,
    ],
    pt: [
      `${inst.title} de ${topic} ${place}`,
      `${brand}: ${topic} para ${group}`,
      `${cap(topic!)} e ${topic2} ${place}`,
      `${cap(topic!)} ${method}`,
      `${cap(topic!)} em ${d.city}: ${brand}`,
    ],
    en: [
      `${inst.title} for ${topic} ${place}`,
      `${brand}: ${topic} for ${group}`,
      `${cap(topic!)} and ${topic2} ${place}`,
      `${cap(topic!)} ${method}`,
      `${cap(topic!)} in ${d.city}: ${brand}`,
    ],
  }[lang][d.title]!;
  const summary = {
    es: [
      `En ${d.city}, ${actor} ${verb} ${inst.a} de ${topic} para ${group} ${place}, ${method}. Desde ${d.startYear} llegó a ${n(f.people)} personas y se articuló con las políticas de ${topic2}.`,
      `${cap(actor!)} de ${d.city} ${verb} en ${d.startYear} ${inst.a} de ${topic} ${method}, para ${group} ${place}. Hoy suma ${n(f.households)} hogares y ${f.neighbourhoods} barrios.`,
      `Frente a${problem!.startsWith("el ") ? `l ${problem!.slice(3)}` : ` ${problem}`}, ${d.city} apostó por ${topic} ${place}. La iniciativa, ${method}, alcanzó a ${n(f.people)} personas, sobre todo ${group}.`,
    ],
    pt: [
      `Em ${d.city}, ${actor} ${verb} ${inst.a} de ${topic} para ${group} ${place}, ${method}. Desde ${d.startYear} alcançou ${n(f.people)} pessoas e se articulou com as políticas de ${topic2}.`,
      `${cap(actor!)} de ${d.city} ${verb} em ${d.startYear} ${inst.a} de ${topic} ${method}, para ${group} ${place}. Hoje soma ${n(f.households)} domicílios e ${f.neighbourhoods} bairros.`,
      `Diante d${problem!.slice(0, 1) === "o" || problem!.slice(0, 1) === "a" ? problem : `e ${problem}`}, ${d.city} apostou em ${topic} ${place}. A iniciativa, ${method}, alcançou ${n(f.people)} pessoas, sobretudo ${group}.`,
    ],
    en: [
      `In ${d.city}, ${actor} ${verb} ${inst.a} on ${topic} for ${group} ${place}, ${method}. Since ${d.startYear} it has reached ${n(f.people)} people and was linked to the city's ${topic2} policies.`,
      `In ${d.startYear} ${actor} of ${d.city} ${verb} ${inst.a} on ${topic} ${method}, for ${group} ${place}. It now covers ${n(f.households)} households in ${f.neighbourhoods} neighbourhoods.`,
      `Faced with ${problem}, ${d.city} turned to ${topic} ${place}. The initiative, ${method}, reached ${n(f.people)} people, mostly ${group}.`,
    ],
  }[lang][d.summary]!;
  const before = d.startYear;
  const problems = {
    es: [
      `${cap(place!)}, ${group} enfrentaban ${problem}.`,
      `${cap(problem!)} afectaba especialmente a ${group} ${place}.`,
      `Antes de ${before}, no existía una política municipal de ${topic} y los servicios estaban dispersos entre varias secretarías.`,
      `Un diagnóstico participativo mostró que ${problem} era la principal preocupación para ${group2}.`,
    ],
    pt: [
      `${cap(place!)}, ${group} enfrentavam ${problem}.`,
      `${cap(problem!)} afetava especialmente ${group} ${place}.`,
      `Antes de ${before}, não havia uma política municipal de ${topic} e os serviços estavam dispersos entre várias secretarias.`,
      `Um diagnóstico participativo mostrou que ${problem} era a principal preocupação para ${group2}.`,
    ],
    en: [
      `${cap(place!)}, ${group} faced ${problem}.`,
      `${cap(problem!)} particularly affected ${group} ${place}.`,
      `Before ${before}, there was no municipal policy on ${topic} and services were scattered across several departments.`,
      `A participatory assessment showed that ${problem} was the main concern for ${group2}.`,
    ],
  }[lang];
  const solutions = {
    es: [
      `${cap(actor!)} ${verb} ${inst.a} de ${topic} ${method}.`,
      `Las acciones se concentraron ${place} y priorizaron a ${group}.`,
      `El proyecto se articuló con las políticas de ${topic2} y sumó a ${group2}.`,
      `Un equipo técnico recorrió los barrios, relevó las necesidades y acordó un plan de trabajo con ${group}.`,
      `Se firmaron convenios con organizaciones del territorio y se capacitó a ${n(f.jobs)} agentes municipales.`,
      `Cada año se revisan las metas en una mesa abierta donde ${group2} presentan sus propuestas.`,
    ],
    pt: [
      `${cap(actor!)} ${verb} ${inst.a} de ${topic} ${method}.`,
      `As ações se concentraram ${place} e priorizaram ${group}.`,
      `O projeto se articulou com as políticas de ${topic2} e envolveu ${group2}.`,
      `Uma equipe técnica percorreu os bairros, levantou as necessidades e pactuou um plano de trabalho com ${group}.`,
      `Foram firmados convênios com organizações do território e capacitados ${n(f.jobs)} servidores municipais.`,
      `A cada ano as metas são revistas em uma mesa aberta onde ${group2} apresentam suas propostas.`,
    ],
    en: [
      `${cap(actor!)} ${verb} ${inst.a} on ${topic} ${method}.`,
      `Work focused ${place} and put ${group} first.`,
      `The project was linked to the city's ${topic2} policies and brought in ${group2}.`,
      `A technical team visited the neighbourhoods, mapped needs and agreed a work plan with ${group}.`,
      `Agreements were signed with local organisations and ${n(f.jobs)} municipal staff were trained.`,
      `Every year the targets are reviewed at an open table where ${group2} bring their proposals.`,
    ],
  }[lang];
  const results = {
    es: [
      `Se beneficiaron ${n(f.people)} personas y se atendieron ${n(f.households)} hogares en ${f.neighbourhoods} barrios.`,
      `La cobertura creció un ${f.percent} % entre ${d.startYear} y ${d.startYear + f.yearsBefore}.`,
      `La evaluación registró una reducción del ${f.percent} % respecto de la línea de base.`,
      `Participaron ${n(f.people)} vecinos y vecinas en ${f.assemblies} asambleas, y ${f.proposals} propuestas fueron incorporadas al presupuesto.`,
      `Se invirtieron US$ ${n(f.money)} y se crearon ${n(f.jobs)} puestos de trabajo.`,
    ],
    pt: [
      `Foram beneficiadas ${n(f.people)} pessoas e atendidos ${n(f.households)} domicílios em ${f.neighbourhoods} bairros.`,
      `A cobertura cresceu ${f.percent}% entre ${d.startYear} e ${d.startYear + f.yearsBefore}.`,
      `A avaliação registrou uma redução de ${f.percent}% em relação à linha de base.`,
      `Participaram ${n(f.people)} moradores em ${f.assemblies} assembleias, e ${f.proposals} propostas foram incorporadas ao orçamento.`,
      `Foram investidos US$ ${n(f.money)} e criados ${n(f.jobs)} postos de trabalho.`,
    ],
    en: [
      `${n(f.people)} people benefited and ${n(f.households)} households were reached in ${f.neighbourhoods} neighbourhoods.`,
      `Coverage grew by ${f.percent}% between ${d.startYear} and ${d.startYear + f.yearsBefore}.`,
      `The evaluation recorded a ${f.percent}% reduction against the baseline.`,
      `${n(f.people)} residents took part in ${f.assemblies} assemblies, and ${f.proposals} proposals were included in the budget.`,
      `US$ ${n(f.money)} was invested and ${n(f.jobs)} jobs were created.`,
    ],
  }[lang];
  return {
    title,
    summary,
    problem: [problems[d.problemForm], problems[(d.problemForm + 2) % problems.length]].join(" "),
    solution: d.solutions.map((k) => solutions[k]).join(" "),
    results: d.results.map((r) => results[r]).join(" "),
    lessons: d.lessons.map((l) => l[i]).join(" "),
    replication: d.replication[i]!,
  };
}

interface Row {
  id: string;
  version_id: string;
  slug: string;
  network_id: string | null;
  organization_id: string | null;
  city_id: number;
  country_code: string;
  lang: Lang;
  languages: string;
  theme_ids: string;
  sdg_goals: string;
  observatory: boolean;
  published_at: string;
  content: PracticeContent;
}

export async function generatePractices(db: Database, options: { count?: number; progress?: (done: number, ms: number) => void } = {}): Promise<GeneratedPractices> {
  const started = performance.now();
  const count = options.count ?? practiceScale.practices;
  const cities = await queryRows<City>(db, sql`select id, name, country_code from cities order by population desc, id`);
  const inCountries = (codes: string[]) => cities.filter((c) => codes.includes(c.country_code));
  const named = new Set([...countriesOf.es, ...countriesOf.pt]);
  const citiesOf: Record<Lang, City[]> = { es: inCountries(countriesOf.es), pt: inCountries(countriesOf.pt), en: cities.filter((c) => !named.has(c.country_code)) };
  const governments = await queryRows<{ id: string; city_id: number }>(
    db,
    sql`select id, city_id from organizations where kind = 'local_government' and city_id is not null and merged_into_id is null order by created_at, id`,
  );
  const governmentOf = new Map(governments.map((g) => [g.city_id, g.id]));
  const anyOrganizations = governments.length > 0 ? governments.map((g) => g.id) : (await queryRows<{ id: string }>(db, sql`select id from organizations order by created_at, id limit 100`)).map((o) => o.id);
  const networkIds = (await queryRows<{ id: string }>(db, sql`select id from networks order by created_at, id`)).map((n) => n.id);
  const known = new Set((await queryRows<{ id: string }>(db, sql`select id from themes`)).map((t) => t.id));
  const targetsOf = new Map<number, string[]>();
  for (const t of await queryRows<{ code: string; goal: number }>(db, sql`select code, goal from sdg_targets order by goal, position`)) {
    targetsOf.set(Number(t.goal), [...(targetsOf.get(Number(t.goal)) ?? []), t.code]);
  }
  for (const theme of phraseThemes) for (const id of theme.themeIds) if (!known.has(id)) throw new Error(`generate-practices: no theme ${id}`);

  const vocabulary = new Map<string, number>();
  const perLanguage: Record<Lang, number> = { es: 0, pt: 0, en: 0 };
  let withSecondLanguage = 0;
  const now = Date.now();
  const runId = Date.now().toString(36);

  for (let from = 0; from < count; from += practiceScale.batch) {
    const lap = performance.now();
    const rows: Row[] = [];
    for (let k = from; k < Math.min(count, from + practiceScale.batch); k++) {
      const r = random(k * 2654435761 + 17);
      const lang = langs[k % 3]!;
      const city = r.skew(citiesOf[lang], 2.2);
      const theme = r.skew(phraseThemes, 1.3);
      const other = r.next() < 0.35 ? r.pick(phraseThemes) : theme;
      const startYear = 2005 + Math.floor(22 * r.next() ** 0.7);
      const topic = r.skew(theme.topics, 1.6);
      let topic2 = r.skew(other.topics, 1.6);
      if (topic2 === topic) topic2 = other.topics[(other.topics.indexOf(topic2) + 1) % other.topics.length]!;
      const firstLesson = r.int(lessons.length);
      const draft: Draft = {
        city: city.name,
        topic,
        topic2,
        problem: r.skew(theme.problems, 1.3),
        group: r.skew(groups, 1.5),
        group2: r.pick(groups),
        place: r.skew(places, 1.5),
        instrument: r.skew(instruments, 1.7),
        method: r.skew(methods, 1.4),
        actor: r.skew(actors, 1.5),
        verb: r.skew(verbs, 1.3),
        brand: r.pick(brands),
        lessons: r.next() < 0.5 ? [lessons[firstLesson]!] : [lessons[firstLesson]!, lessons[(firstLesson + 1 + r.int(lessons.length - 1)) % lessons.length]!],
        replication: r.pick(replications),
        title: r.int(5),
        summary: r.int(3),
        solutions: [0, ...[1, 2, 3, 4, 5].filter(() => r.next() < 0.45)],
        problemForm: r.int(4),
        results: r.next() < 0.5 ? [r.int(5)] : [r.int(2), 2 + r.int(3)],
        startYear,
        figures: {
          people: Math.round(50 + 40_000 * r.next() ** 3),
          households: Math.round(20 + 8_000 * r.next() ** 3),
          neighbourhoods: 2 + r.int(60),
          percent: 5 + r.int(70),
          assemblies: 3 + r.int(120),
          proposals: 5 + r.int(300),
          money: Math.round(10 + 2_000 * r.next() ** 2) * 1000,
          jobs: 3 + r.int(400),
          yearsBefore: Math.max(1, Math.min(2026 - startYear, 1 + r.int(6))),
        },
      };
      const languages: Lang[] = [lang];
      const roll = r.next();
      if (roll < 0.04) languages.push(...langs.filter((l) => l !== lang));
      else if (roll < 0.22) languages.push(lang === "en" ? r.pick(["es", "pt"] as const) : r.next() < 0.6 ? (lang === "es" ? "pt" : "es") : "en");
      if (languages.length > 1) withSecondLanguage++;
      for (const l of languages) perLanguage[l]++;
      const texts = Object.fromEntries(languages.map((l) => [l, writeText(draft, l)])) as Partial<Record<Lang, PracticeText>>;

      const themeIds = [...new Set([theme.themeIds[0]!, ...(r.next() < 0.6 ? theme.themeIds.slice(1) : []), other.themeIds[0]!])];
      const goals = [...new Set([theme.sdgGoals[0]!, ...(r.next() < 0.5 ? [r.pick(theme.sdgGoals)] : []), ...(other !== theme ? [other.sdgGoals[0]!] : [])])].sort((a, b) => a - b);
      const targets = r.next() < 0.6 ? [...new Set(goals.slice(0, 1 + r.int(2)).map((g) => r.pick(targetsOf.get(g) ?? [`${g}.1`])))] : [];
      const university = r.next() < 0.12;
      const partners = [
        ...(university ? [{ organizationId: null, name: { es: `Universidad Nacional de ${city.name}`, pt: `Universidade Federal de ${city.name}`, en: `University of ${city.name}` }[lang], kind: "university" as const }] : []),
        ...(r.next() < 0.4 ? [{ organizationId: null, name: { es: `Fundación ${draft.brand[0]}`, pt: `Instituto ${draft.brand[1]}`, en: `${draft.brand[2]} Trust` }[lang], kind: "civil_society" as const }] : []),
      ];
      const endYear = r.next() < 0.5 ? null : Math.min(2026, startYear + 1 + r.int(6));
      const publishedFrom = Date.UTC(Math.max(startYear, 2014), 0, 1);
      const publishedAt = new Date(publishedFrom + r.next() * Math.max(0, now - publishedFrom - 86_400_000));
      const content: PracticeContent = {
        texts,
        themeIds,
        axisKeys: [],
        sdgGoals: goals,
        sdgTargets: targets,
        startYear,
        endYear,
        budgetAmount: r.next() < 0.6 ? `${draft.figures.money}.00` : null,
        budgetCurrency: "USD",
        populationReached: draft.figures.people,
        partners,
        contact: { name: `${r.pick(firstNames)} ${r.pick(lastNames)}`, position: r.pick(positions)[li(lang)]!, email: `contacto${k}@bench.test` },
        links: [],
        fileIds: [],
      };
      if (!content.budgetAmount) content.budgetCurrency = null;
      const allGoals = [...new Set([...goals, ...targets.map((t) => Number(t.split(".")[0]))])].sort((a, b) => a - b);
      rows.push({
        id: randomUUID(),
        version_id: randomUUID(),
        slug: `bench-practice-${runId}-${k}`,
        network_id: networkIds.length > 0 ? r.skew(networkIds, 2) : null,
        organization_id: governmentOf.get(city.id) ?? r.pick(anyOrganizations) ?? null,
        city_id: city.id,
        country_code: city.country_code,
        lang,
        languages: `{${languages.join(",")}}`,
        theme_ids: `{${themeIds.join(",")}}`,
        sdg_goals: `{${allGoals.join(",")}}`,
        observatory: university,
        published_at: publishedAt.toISOString(),
        content,
      });
      // As addToVocabulary counts a published practice: each of its words once.
      const all = languages.map((l) => {
        const t = texts[l]!;
        const body = [t.problem, t.solution, t.results, t.lessons, t.replication, ...partners.map((p) => p.name)].join("\n");
        return `${t.title}\n${t.summary}\n${body}`;
      });
      for (const w of foldedWords(all.join("\n"))) if (w.length >= 3) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
    }
    await insertBatch(db, rows);
    options.progress?.(Math.min(count, from + practiceScale.batch), performance.now() - lap);
  }

  const words = [...vocabulary].map(([word, documents]) => ({ word, documents }));
  for (let i = 0; i < words.length; i += 20_000) {
    await db.execute(sql`
      insert into search_vocabulary (word, documents)
      select word, documents from jsonb_to_recordset(${JSON.stringify(words.slice(i, i + 20_000))}::jsonb) as v(word text, documents int)
      on conflict (word) do update set documents = search_vocabulary.documents + excluded.documents`);
  }
  await db.execute(sql`analyze practices, practice_versions, practice_search, search_vocabulary`);
  return { practices: count, perLanguage, withSecondLanguage, vocabulary: words.length, seconds: (performance.now() - started) / 1000 };
}

/** One language's part of the search document, as documentVector writes it (title A, summary B, the rest C). */
function documentPart(i: number) {
  const lang = sql.raw(`x.languages[${i}]`);
  const text = sql`x.content -> 'texts' -> ${lang}`;
  const config = sql`('pares_' || ${lang})::regconfig`;
  return sql`case when ${lang} is null then ''::tsvector else
    setweight(to_tsvector(${config}, ${text} ->> 'title'), 'A') ||
    setweight(to_tsvector(${config}, ${text} ->> 'summary'), 'B') ||
    setweight(to_tsvector(${config}, concat_ws(E'\n', ${text} ->> 'problem', ${text} ->> 'solution', ${text} ->> 'results', ${text} ->> 'lessons',
      ${text} ->> 'replication', (select string_agg(p ->> 'name', E'\n') from jsonb_array_elements(x.content -> 'partners') p))), 'C') end`;
}

/** A batch's practices, their published versions and search rows, in one statement (the foreign keys are checked at its end). */
async function insertBatch(db: Database, rows: Row[]): Promise<void> {
  await db.execute(sql`
    with x as materialized (
      select r.*, r.languages_text::text[] as languages
      from jsonb_to_recordset(${JSON.stringify(rows.map(({ languages, ...r }) => ({ ...r, languages_text: languages })))}::jsonb) as r(
        id uuid, version_id uuid, slug text, network_id uuid, organization_id uuid, city_id int, country_code text, lang text,
        languages_text text, theme_ids text, sdg_goals text, observatory boolean, published_at timestamptz, content jsonb)),
    p as (
      insert into practices (id, slug, network_id, organization_id, city_id, country_code, original_language, current_version_id, published_version_id,
                             status, observatory, first_published_at, last_published_at, demo, created_at, updated_at)
      select id, slug, network_id, organization_id, city_id, country_code, lang, version_id, version_id,
             'published', observatory, published_at, published_at, true, published_at - interval '40 days', published_at
      from x),
    v as (
      insert into practice_versions (id, practice_id, number, status, original_language, content, created_at, updated_at, submitted_at, decided_at)
      select version_id, id, 1, 'published', lang, content, published_at - interval '40 days', published_at, published_at - interval '20 days', published_at
      from x)
    insert into practice_search (practice_id, network_id, organization_id, city_id, latitude, longitude, country_code, region_code, population_band,
                                 languages, original_language, year, theme_ids, sdg_goals, observatory, catalogue, published_at, document)
    select x.id, x.network_id, x.organization_id, x.city_id, c.latitude, c.longitude, x.country_code,
           coalesce(co.intermediate_region_code, co.subregion_code),
           case when c.population < 100000 then 'under_100k' when c.population < 500000 then '100k_500k'
                when c.population < 1000000 then '500k_1m' when c.population < 5000000 then '1m_5m' else 'over_5m' end,
           x.languages, x.lang, (x.content ->> 'startYear')::smallint, x.theme_ids::text[], x.sdg_goals::smallint[], x.observatory, false, x.published_at,
           ${documentPart(1)} || ${documentPart(2)} || ${documentPart(3)}
    from x left join cities c on c.id = x.city_id left join countries co on co.code = x.country_code`);
}
