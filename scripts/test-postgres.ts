// Runs the database tests against a PostgreSQL server: DATABASE_URL, else the local server at
// 127.0.0.1:5432. Each run works in throwaway databases it creates and drops (tests/setup/database.ts).
import { spawnSync } from "node:child_process";

const url = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const result = spawnSync(
  new URL("../node_modules/.bin/vitest", import.meta.url).pathname,
  ["run", "--project", "db", ...process.argv.slice(2)],
  { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } },
);
process.exit(result.status ?? 1);
