// The Pares command line: `npm run pares -- <command>`.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { accountsAuthEmails } from "../modules/accounts/auth-emails.ts";
import { createAdmin } from "../modules/accounts/create-admin.ts";
import { importCities } from "../modules/cities/import-cities.ts";
import { createAuth } from "../platform/auth.ts";
import { AppError } from "../platform/errors.ts";
import { isLocale } from "../platform/i18n/locales.ts";
import { resolveSecret } from "../platform/secret.ts";
import { demoAccountsAllowed } from "../platform/config.ts";
import { exitWith, loadConfigOrExit, openDatabaseOrExit } from "../platform/startup.ts";
import type { DatabaseHandle } from "../platform/db/client.ts";
import { recomputeEverything } from "../modules/exchange/recompute-all-matches.ts";
import { migrateDatabase } from "../platform/db/migrate.ts";
import { loadReferenceData, seedDemoData } from "../platform/db/setup.ts";
import { fileStoreFromConfig } from "../platform/storage/from-config.ts";

const usage = `Usage: npm run pares -- <command>

Commands:
  migrate                        apply database migrations and load reference data
  seed                           migrate, load reference data and seed the demo data (once)
  import-cities <file.csv>       import or update cities from a GeoNames-format CSV (all rows or none)
      --dry-run                  check every row and report bad ones by line number; import nothing
  create-admin --email E --name N [--language es|pt|en]
                                 create a platform administrator; the password is read from
                                 standard input when piped, else generated and printed once;
                                 a welcome e-mail goes out through the outbox
  recompute-matches              compute every offer's and need's concepts and matches again (after
                                 an import, or a change to the matching); the server's outbox keeps
                                 them up to date otherwise
  help                           show this help

The database is the one the server uses: DATABASE_URL, else the embedded one in PGLITE_DIR.`;

const out = (line: string) => process.stdout.write(`${line}\n`);
const fail = exitWith;

async function withDatabase<T>(work: (db: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabaseOrExit(loadConfigOrExit());
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      email: { type: "string" },
      language: { type: "string", default: "es" },
      name: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || command === "help" || values.help) return out(usage);
  switch (command) {
    case "migrate":
      return withDatabase(async (db) => {
        await migrateDatabase(db);
        const loaded = await loadReferenceData(db);
        out(`Migrated ${db.location}. Reference data loaded: ${loaded.length ? loaded.join(", ") : "already up to date"}.`);
      });
    case "seed":
      return withDatabase(async (db) => {
        await migrateDatabase(db);
        await loadReferenceData(db);
        const created = await seedDemoData(db, { accounts: demoAccountsAllowed({ ...loadConfigOrExit(), DEMO_DATA: true }) });
        out(created.length ? `Seeded: ${created.join(", ")}.` : "Demo data already present; nothing changed.");
      });
    case "import-cities": {
      const file = rest[0];
      if (!file) fail("import-cities needs a CSV file: npm run pares -- import-cities cities.csv [--dry-run]");
      let csv: string;
      try {
        csv = readFileSync(file!, "utf8");
      } catch (err) {
        return fail(`cannot read ${file}: ${(err as Error).message}`);
      }
      return withDatabase(async (db) => {
        await migrateDatabase(db);
        const result = await importCities(db.db, { csv, dryRun: values["dry-run"] });
        for (const e of result.errors) out(`line ${e.line}: ${e.field}: ${e.message}`);
        if (result.errors.length > 0) {
          const badLines = new Set(result.errors.map((e) => e.line)).size;
          out(`${badLines} bad row(s) of ${result.rows}; nothing imported.`);
          process.exitCode = 1;
        } else if (values["dry-run"]) {
          out(`Dry run: all ${result.rows} row(s) are valid; nothing imported.`);
        } else {
          out(`Imported ${result.imported} cit${result.imported === 1 ? "y" : "ies"}.`);
        }
      });
    }
    case "create-admin": {
      if (!values.email || !values.name) fail('create-admin needs --email and --name, e.g. create-admin --email ana@example.org --name "Ana Souza"');
      const given = process.stdin.isTTY ? "" : readFileSync(0, "utf8").trim();
      const password = given || randomBytes(15).toString("base64url");
      return withDatabase(async (db) => {
        await migrateDatabase(db);
        const config = loadConfigOrExit();
        const auth = createAuth({ db: db.db, secret: resolveSecret(config), baseURL: config.PUBLIC_URL, emails: accountsAuthEmails(db.db) });
        try {
          const locale = isLocale(values.language) ? values.language : fail("--language must be es, pt or en");
          const admin = await createAdmin({ db: db.db, auth, files: fileStoreFromConfig(config) }, { email: values.email!, name: values.name!, password, locale });
          out(`Created platform administrator ${admin.email}.`);
          if (!given) out(`Password (shown only now; keep it somewhere safe): ${password}`);
        } catch (err) {
          if (err instanceof AppError) {
            const fields = Object.entries(err.fieldErrors ?? {}).map(([f, m]) => `${f}: ${m.join("; ")}`);
            fail(fields.length ? fields.join("\n") : err.messageKey);
          }
          throw err;
        }
      });
    }
    case "recompute-matches":
      return withDatabase(async (db) => {
        await migrateDatabase(db);
        const report = await recomputeEverything(db.db);
        out(`${report.items} offers and needs (${report.matchable} open), ${report.pairs} matches, in ${report.seconds.toFixed(1)} s: ${JSON.stringify(report.phases)}`);
      });
    default:
      fail(`unknown command "${command}"\n\n${usage}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
