// npm run bench: scenarios against the production build, on PGlite and (with DATABASE_URL) on
// PostgreSQL, printing p50/p95/p99 latency and throughput over HTTP, and the raw SQL time of the
// same query measured in the same run.
//
//   npm run bench                      # PGlite
//   DATABASE_URL=postgres://… npm run bench   # PGlite, then PostgreSQL in a throwaway database
//   BENCH_SECONDS=20 BENCH_CONNECTIONS=16 npm run bench
//   BENCH_ONLY=networks npm run bench         # only some groups: cities, organizations, networks, practices, exchange, calls,
//                                             search-quality, matching-quality
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import pg from "pg";
import { searchCitiesInput } from "../modules/cities/inputs.ts";
import { buildCitySearch, runCitySearch, searchTiers } from "../modules/cities/search-cities.ts";
import { type DatabaseHandle, openDatabase } from "../platform/db/client.ts";
import { ensureBuild, ensureSeededPglite, startServer } from "../tests/support/server-process.ts";
import { describeMe } from "../modules/accounts/describe-me.ts";
import { listAuditEvents } from "../modules/audit/list-audit-events.ts";
import { loadActor } from "../modules/organizations/actor.ts";
import { countNetworkFigures, listMembersByCountry } from "../modules/networks/get-network-figures.ts";
import { citiesShownInAll, citiesShownPerCountry, getNetwork, listBodiesWithHolders, listFoundingMembers, loadNetworkRow } from "../modules/networks/get-network.ts";
import { listOrganizations } from "../modules/organizations/list-organizations.ts";
import { organizations } from "../modules/organizations/schema.ts";
import { getPortfolio, loadPortfolioRows } from "../modules/portfolio/get-portfolio.ts";
import { searchPractices } from "../modules/practices/search-practices.ts";
import { type GeneratedNetworks, generateNetworks, networkScale } from "./generate-networks.ts";
import { type GeneratedOrganizations, generateOrganizations, scale } from "./generate-organizations.ts";
import { type GeneratedPractices, generatePractices, practiceSearches } from "./generate-practices.ts";
import { type LoadResult, runLoad, type Target, timeSequential } from "./load.ts";
import { formatMatchingQuality, measureMatchingQuality } from "./matching-quality.ts";
import { benchExchange, exchangeApiToken } from "./exchange-scenarios.ts";
import { benchCalls } from "./calls-scenarios.ts";
import { type GeneratedCalls, generateCalls } from "./generate-calls.ts";
import { exchangeScale, type GeneratedExchange, generateExchange } from "./generate-exchange.ts";
import { type RecomputeReport, recomputeEverything } from "../modules/exchange/recompute-all-matches.ts";
import { formatQuality, type QualityRow, runSearchQuality } from "./search-quality.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const groups = ["cities", "organizations", "networks", "practices", "exchange", "calls", "search-quality", "matching-quality"] as const;
const only = new Set((process.env.BENCH_ONLY ?? groups.join(",")).split(",").map((g) => g.trim()));
const runs = (group: (typeof groups)[number]) => only.has(group);
for (const group of only) if (!(groups as readonly string[]).includes(group)) throw new Error(`BENCH_ONLY: no group ${group} (there are ${groups.join(", ")})`);
/** The servers' SECRET, so the session cookie generate-networks.ts makes is valid there. */
const benchSecret = "bench-secret-not-for-production-0123456789";

/** What people type into the directory: names with and without accents, in other languages, with typos, with filters. */
const searches: Record<string, string>[] = [
  { q: "sao paulo" }, { q: "Asuncion" }, { q: "Montevidéu" }, { q: "buenos aries" }, { q: "santiago" },
  { q: "rio de janeiro" }, { q: "cordoba", country: "AR" }, { q: "san", country: "AR" }, { q: "bogota" },
  { q: "porto alegre" }, { q: "lima", region: "005" }, { q: "rosario" }, { q: "curitba" }, { q: "quito" },
  { q: "la paz" }, { q: "belo horizonte" }, { q: "mexico" }, { q: "florianopolis" }, { q: "santa", region: "419" },
  { country: "BR" }, { region: "005", page: "3" }, { q: "valparaiso" }, { q: "medellin" }, { q: "guayaquil" },
];
const queryString = (s: Record<string, string>) => new URLSearchParams(s).toString();

interface Row {
  engine: string;
  scenario: string;
  result: LoadResult;
}

interface Generated {
  exchange?: GeneratedExchange & { recompute: RecomputeReport; apiToken: string };
  calls?: GeneratedCalls;
  organizations?: GeneratedOrganizations;
  networks?: GeneratedNetworks;
  practices?: GeneratedPractices;
}

/** Generated data for the groups that run (the networks' teams need generate-organizations.ts's people). */
async function generate(handle: DatabaseHandle): Promise<Generated> {
  const generated: Generated = {};
  if (runs("organizations") || runs("networks")) generated.organizations = await generateOrganizations(handle.db);
  if (runs("networks")) {
    const started = performance.now();
    generated.networks = await generateNetworks(handle.db, { secret: benchSecret });
    const { memberOrganizations, networks, roles } = networkScale;
    process.stdout.write(
      `${memberOrganizations} member organizations over ${networks} networks with ${roles} roles generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(generated.networks.counts)}\n`,
    );
  }
  if (runs("practices")) {
    const p = (generated.practices = await generatePractices(handle.db));
    process.stdout.write(
      `${p.practices.toLocaleString("en")} published practices (texts: ${Object.entries(p.perLanguage).map(([l, n]) => `${l} ${n}`).join(", ")}; ${p.withSecondLanguage} in more than one language; ${p.vocabulary} words in the vocabulary) generated and indexed in ${p.seconds.toFixed(1)} s\n`,
    );
  }
  if (runs("exchange")) {
    const g = await generateExchange(handle.db);
    // The full recompute is a scenario of its own: the time until every concept and match is written.
    const recompute = await recomputeEverything(handle.db);
    // The API scenario's token is made here, before the embedded database is copied for the server.
    const apiToken = await exchangeApiToken(handle, g);
    generated.exchange = { ...g, recompute, apiToken };
    process.stdout.write(
      `${g.items.toLocaleString("en")} offers and needs over ${exchangeScale.organizations.toLocaleString("en")} organizations generated in ${g.seconds.toFixed(1)} s; full recompute on ${handle.engine}: ${recompute.pairs.toLocaleString("en")} matches in ${recompute.seconds.toFixed(1)} s ${JSON.stringify(recompute.phases)}\n`,
    );
  }
  if (runs("calls")) {
    const c = (generated.calls = await generateCalls(handle.db));
    process.stdout.write(`calls: 2,000 applications with 6,000 reviews, 1,500 awarded over ten past calls and ${c.drafts.length} drafts generated in ${c.seconds.toFixed(1)} s\n`);
  }
  return generated;
}

/**
 * Lets the client notice connections the server closed while an in-process measurement held the
 * event loop (PGlite runs in this thread), so the next request does not reuse a dead socket.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

/** Fails the run when a scenario's request does not answer 200 itself (a redirect to sign-in would otherwise be measured); returns the body's size. */
async function expectOk(target: Target): Promise<number> {
  const { url, headers } = typeof target === "string" ? { url: target, headers: {} } : target;
  await settle();
  const response = await fetch(url, { headers, redirect: "manual" });
  const size = (await response.arrayBuffer()).byteLength;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return size;
}

async function benchEngine(engine: string, serverEnv: Record<string, string>, direct: DatabaseHandle, generated: Generated): Promise<Row[]> {
  const server = await startServer({ ...serverEnv, LOG_LEVEL: "warn", DEMO_DATA: "true", API_TOKEN_RATE_LIMIT: "1000000", SECRET: benchSecret });
  const rows: Row[] = [];
  /** A scenario over HTTP after a short warm-up (the first requests compile plans and fill caches). */
  const measure: Measure = async (scenario, next) => {
    await settle();
    await runLoad({ connections: 4, seconds: 2, next });
    return { engine, scenario: `${scenario} (${connections} connections)`, result: await runLoad({ connections, seconds, next }) };
  };
  try {
    if (runs("cities")) rows.push(...(await benchCities(engine, server.url, direct)));
    if (runs("organizations")) rows.push(...(await benchOrganizations(engine, server.url, direct, generated.organizations!, measure)));
    if (runs("networks")) rows.push(...(await benchNetworks(engine, server.url, direct, generated.networks!, measure)));
    if (runs("practices")) rows.push(...(await benchPractices(engine, server.url, direct, generated.practices!, measure)));
    if (runs("exchange")) rows.push(...(await benchExchange(engine, server.url, direct, generated.exchange!, measure)));
    if (runs("calls")) rows.push(...(await benchCalls(engine, server.url, direct, generated.calls!, measure)));
  } finally {
    await server.stop();
  }
  return rows;
}

type Measure = (scenario: string, next: (i: number) => Target) => Promise<Row>;

async function benchCities(engine: string, url: string, direct: DatabaseHandle): Promise<Row[]> {
  const rows: Row[] = [];
  {
    for (const [scenario, path] of [
      ["city search, API /api/v1/cities", "/api/v1/cities?"],
      ["city search, page /es/cities", "/es/cities?"],
    ] as const) {
      // Warm up: the first requests compile plans and fill caches.
      await runLoad({ connections: 4, seconds: 2, next: (i) => `${url}${path}${queryString(searches[i % searches.length]!)}` });
      const result = await runLoad({ connections, seconds, next: (i) => `${url}${path}${queryString(searches[i % searches.length]!)}` });
      rows.push({ engine, scenario: `${scenario} (${connections} connections)`, result });
    }
    // The same SQL the use case runs for each search (each tier until one finds cities), without HTTP, rendering or JSON.
    const raw = await timeSequential(searches.length * 10, async (i) => {
      const input = searchCitiesInput.parse(searches[i % searches.length]);
      for (const mode of input.q ? searchTiers : (["prefix"] as const)) {
        if ((await runCitySearch(direct, buildCitySearch(input, mode))).length > 0) break;
      }
    });
    rows.push({ engine, scenario: "city search, same SQL in-process (1 connection)", result: raw });
  }
  return rows;
}

/** Accounts and organizations, over the generated data (bench/generate-organizations.ts). */
async function benchOrganizations(engine: string, url: string, direct: DatabaseHandle, generated: GeneratedOrganizations, measure: Measure): Promise<Row[]> {
  const rows: Row[] = [];
  const server = { url };
  {
    const { searches: orgSearches, focalToken, adminToken, slug } = generated;
    const bearer = (token: string) => ({ authorization: `Bearer ${token}`, "accept-language": "es" });
    rows.push(await measure("organization directory, API /api/v1/organizations", (i) => `${server.url}/api/v1/organizations?${queryString(orgSearches[i % orgSearches.length]!)}`));
    rows.push(await measure("organization directory, page /es/organizations", (i) => `${server.url}/es/organizations?${queryString(orgSearches[i % orgSearches.length]!)}`));
    rows.push({
      engine,
      scenario: "organization directory, same use case in-process (1 connection)",
      result: await timeSequential(orgSearches.length * 10, (i) => listOrganizations(direct, orgSearches[i % orgSearches.length]!, "es")),
    });
    rows.push(await measure("who am I, API /api/v1/me with a token", () => ({ url: `${server.url}/api/v1/me`, headers: bearer(focalToken) })));
    const focalId = "bench-user-1";
    rows.push({
      engine,
      scenario: "who am I, same use case in-process (1 connection)",
      result: await timeSequential(200, async () => describeMe(direct, (await loadActor(direct, focalId, { kind: "token", scope: "read" }))!)),
    });
    rows.push(await measure("members of an organization, API with a token", () => ({ url: `${server.url}/api/v1/organizations/${slug}/members`, headers: bearer(focalToken) })));
    const auditFilters: Record<string, string>[] = [{ kind: "sign_in" }, { person: "person17@bench.test" }, { kind: "sign_in_failed", page: "3" }, {}, { from: "2026-01-01", kind: "token_created" }];
    rows.push(await measure(`audit log of ${scale.auditEvents.toLocaleString("en")} events, API with an administrator's token`, (i) => ({
      url: `${server.url}/api/v1/audit-events?${queryString(auditFilters[i % auditFilters.length]!)}`,
      headers: bearer(adminToken),
    })));
    const admin = (await loadActor(direct, `bench-user-${scale.people}`))!;
    rows.push({
      engine,
      scenario: "audit log, same use case in-process (1 connection)",
      result: await timeSequential(auditFilters.length * 20, (i) => listAuditEvents(direct, admin, auditFilters[i % auditFilters.length]! as never)),
    });
  }
  return rows;
}

/**
 * Networks (bench/generate-networks.ts): the public page of the biggest network and of a middle
 * one, a city's portfolio as one of its members (page and API), each next to the same queries
 * run in-process, and to the whole use case in-process.
 */
async function benchNetworks(engine: string, url: string, direct: DatabaseHandle, generated: GeneratedNetworks, measure: Measure): Promise<Row[]> {
  const rows: Row[] = [];
  const today = new Date().toISOString().slice(0, 10);
  for (const [size, slug] of [
    ["big", generated.bigSlug],
    ["mid", generated.midSlug],
  ] as const) {
    const network = (await loadNetworkRow(direct, slug))!;
    const { memberCities } = await countNetworkFigures(direct, network.id);
    const bytes = await expectOk(`${url}/es/networks/${slug}`);
    const label = `network page, ${size} network (${memberCities} member cities, ${Math.round(bytes / 1024)} KB)`;
    rows.push(await measure(`${label}, page /es/networks/:slug`, () => `${url}/es/networks/${slug}`));
    rows.push({
      engine,
      scenario: `${label}, its queries in-process (1 connection)`,
      result: await timeSequential(30, async () => {
        const row = await loadNetworkRow(direct, slug);
        await Promise.all([
          countNetworkFigures(direct, row!.id),
          listMembersByCountry(direct, row!.id, "es", citiesShownPerCountry, citiesShownInAll),
          listBodiesWithHolders(direct, row!.id, today, "es"),
          listFoundingMembers(direct, row!.id, "es"),
        ]);
      }),
    });
    rows.push({ engine, scenario: `${label}, use case in-process (1 connection)`, result: await timeSequential(30, () => getNetwork(direct, slug, "es")) });
  }

  const { portfolioSlug: slug, portfolioCookie, portfolioToken, portfolioUserId } = generated;
  const [organization] = await direct.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
  const rowsOf = await loadPortfolioRows(direct, organization!.id, today);
  const label = `portfolio of an organization in ${rowsOf.networks.length} networks with ${rowsOf.roles.length} roles`;
  const page = { url: `${url}/es/organizations/${slug}/portfolio`, headers: { cookie: portfolioCookie, "accept-language": "es" } };
  const api = { url: `${url}/api/v1/organizations/${slug}/portfolio`, headers: { authorization: `Bearer ${portfolioToken}`, "accept-language": "es" } };
  await expectOk(page);
  await expectOk(api);
  rows.push(await measure(`${label}, page /es/organizations/:slug/portfolio signed in`, () => page));
  rows.push(await measure(`${label}, API /api/v1/organizations/:slug/portfolio with a token`, () => api));
  rows.push({ engine, scenario: `${label}, its queries in-process (1 connection)`, result: await timeSequential(100, () => loadPortfolioRows(direct, organization!.id, today)) });
  const actor = (await loadActor(direct, portfolioUserId))!;
  rows.push({ engine, scenario: `${label}, use case in-process (1 connection)`, result: await timeSequential(100, () => getPortfolio(direct, actor, slug, "es", today)) });
  return rows;
}

/**
 * The search of the practice bank over the generated practices (bench/generate-practices.ts), over
 * HTTP (API /api/v1/practices, JSON with total, items and facets) and the same search through the
 * use case in-process: words, words with two facets (theme and country), Portuguese words finding
 * practices in the other languages, a typo, and facets alone newest first.
 */
async function benchPractices(engine: string, url: string, direct: DatabaseHandle, generated: GeneratedPractices, measure: Measure): Promise<Row[]> {
  const rows: Row[] = [];
  const label = `practice search (${generated.practices.toLocaleString("en")} practices)`;
  for (const [name, list] of [
    ["words", practiceSearches.words],
    ["words + theme + country", practiceSearches.wordsAndFacets],
    ["Portuguese words, all languages", practiceSearches.crossLingual],
    ["words with a typo", practiceSearches.typo],
    ["theme + country, newest first", practiceSearches.facetsNewest],
  ] as const) {
    const searches: Record<string, string>[] = list;
    const at = (i: number) => `${url}/api/v1/practices?${queryString(searches[i % searches.length]!)}`;
    await expectOk(at(0));
    rows.push(await measure(`${label}, ${name}, API /api/v1/practices`, at));
    rows.push({
      engine,
      scenario: `${label}, ${name}, same use case in-process (1 connection)`,
      // One pass over the searches: a search matching tens of thousands of practices takes seconds on PGlite.
      result: await timeSequential(searches.length, (i) => searchPractices({ db: direct.db }, searches[i % searches.length]!, "es")),
    });
  }
  return rows;
}

function print(rows: Row[]) {
  const header = ["engine", "scenario", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms"];
  const lines = rows.map((r) => [
    r.engine,
    r.scenario,
    String(r.result.requests),
    String(r.result.errors),
    r.result.throughput.toFixed(1),
    r.result.p50.toFixed(2),
    r.result.p95.toFixed(2),
    r.result.p99.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  process.stdout.write(`\n${format(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${lines.map(format).join("\n")}\n`);
}

async function main() {
  /** Groups measured over HTTP on each engine; search-quality and matching-quality are separate evaluations. */
  const measured = groups.some((g) => g !== "search-quality" && g !== "matching-quality" && runs(g));
  if (measured) ensureBuild();
  const seeded = ensureSeededPglite();
  const work = mkdtempSync(join(tmpdir(), "pares-bench-"));
  const rows: Row[] = [];
  let quality: QualityRow[] = [];
  try {
    if (measured) {
      // The server and the in-process measurement each open their own copy (one writer per directory).
      cpSync(seeded, join(work, "generated"), { recursive: true });
      const generating = await openDatabase({ dir: join(work, "generated") });
      const generated = await generate(generating);
      await generating.close();
      cpSync(join(work, "generated"), join(work, "server"), { recursive: true });
      cpSync(join(work, "generated"), join(work, "direct"), { recursive: true });
      const direct = await openDatabase({ dir: join(work, "direct") });
      try {
        rows.push(...(await benchEngine("pglite", { PGLITE_DIR: join(work, "server"), DATABASE_URL: "" }, direct, generated)));
      } finally {
        await direct.close();
      }
      rmSync(join(work, "generated"), { recursive: true, force: true });
    }
    const url = process.env.DATABASE_URL;
    if (url && measured) {
      const name = `pares_bench_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      try {
        const server = await startServer({ DATABASE_URL: target.toString(), LOG_LEVEL: "warn" });
        await server.stop();
        const directPg = await openDatabase({ url: target.toString() });
        try {
          const generatedPg = await generate(directPg);
          rows.push(...(await benchEngine("postgres", { DATABASE_URL: target.toString() }, directPg, generatedPg)));
        } finally {
          await directPg.close();
        }
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
    // The same SQL on either engine: measured on a throwaway copy of the seeded embedded database.
    if (runs("search-quality")) quality = await runSearchQuality(seeded, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (rows.length > 0) print(rows);
  if (quality.length > 0) process.stdout.write(`${formatQuality(quality)}\n`);
  if (runs("matching-quality")) process.stdout.write(`\nExchange matching quality (bench/matching-quality.ts)\n${formatMatchingQuality(measureMatchingQuality())}\n`);
}

await main();
