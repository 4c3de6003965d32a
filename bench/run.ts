// npm run bench: scenarios against the production build, on PGlite and (with DATABASE_URL) on
// PostgreSQL, printing p50/p95/p99 latency and throughput over HTTP, and the raw SQL time of the
// same query measured in the same run.
//
//   npm run bench                      # PGlite
//   DATABASE_URL=postgres://… npm run bench   # PGlite, then PostgreSQL in a throwaway database
//   BENCH_SECONDS=20 BENCH_CONNECTIONS=16 npm run bench
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { searchCitiesInput } from "../modules/cities/inputs.ts";
import { buildCitySearch, runCitySearch, searchTiers } from "../modules/cities/search-cities.ts";
import { type DatabaseHandle, openDatabase } from "../platform/db/client.ts";
import { ensureBuild, ensureSeededPglite, startServer } from "../tests/support/server-process.ts";
import { type LoadResult, runLoad, timeSequential } from "./load.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);

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

async function benchEngine(engine: string, serverEnv: Record<string, string>, direct: DatabaseHandle): Promise<Row[]> {
  const server = await startServer({ ...serverEnv, LOG_LEVEL: "warn", DEMO_DATA: "true" });
  const rows: Row[] = [];
  try {
    for (const [scenario, path] of [
      ["city search, API /api/v1/cities", "/api/v1/cities?"],
      ["city search, page /es/cities", "/es/cities?"],
    ] as const) {
      // Warm up: the first requests compile plans and fill caches.
      await runLoad({ connections: 4, seconds: 2, next: (i) => `${server.url}${path}${queryString(searches[i % searches.length]!)}` });
      const result = await runLoad({ connections, seconds, next: (i) => `${server.url}${path}${queryString(searches[i % searches.length]!)}` });
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
  } finally {
    await server.stop();
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
  ensureBuild();
  const seeded = ensureSeededPglite();
  const work = mkdtempSync(join(tmpdir(), "pares-bench-"));
  const rows: Row[] = [];
  try {
    // The server and the in-process measurement each open their own copy (one writer per directory).
    cpSync(seeded, join(work, "server"), { recursive: true });
    cpSync(seeded, join(work, "direct"), { recursive: true });
    const direct = await openDatabase({ dir: join(work, "direct") });
    try {
      rows.push(...(await benchEngine("pglite", { PGLITE_DIR: join(work, "server"), DATABASE_URL: "" }, direct)));
    } finally {
      await direct.close();
    }
    const url = process.env.DATABASE_URL;
    if (url) {
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
          rows.push(...(await benchEngine("postgres", { DATABASE_URL: target.toString() }, directPg)));
        } finally {
          await directPg.close();
        }
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  print(rows);
}

await main();
