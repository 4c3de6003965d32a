// For the end-to-end tests: a production build, a seeded embedded database (prepared once and
// cached under .cache/), and one running server on a copy of it.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { root, type RunningServer, startServer } from "../e2e/harness.ts";
import { newestMtime } from "./freshness.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    seededDataDir: string;
    serverDataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const node = process.execPath;
  execFileSync(node, ["scripts/build-if-needed.ts"], { cwd: root, stdio: "inherit" });
  const seeded = join(root, ".cache/e2e-seed/pglite");
  const inputs = ["db/migrations", "data/reference", "modules", "platform/db"].map((p) => join(root, p));
  if (!existsSync(seeded) || statSync(seeded).mtimeMs < newestMtime(inputs)) {
    rmSync(join(root, ".cache/e2e-seed"), { recursive: true, force: true });
    execFileSync(node, ["cli/pares.ts", "seed"], { cwd: root, stdio: "inherit", env: { ...process.env, PGLITE_DIR: seeded, DATABASE_URL: "" } });
  }
  const work = mkdtempSync(join(tmpdir(), "pares-e2e-"));
  cpSync(seeded, join(work, "pglite"), { recursive: true });
  let server: RunningServer | undefined;
  server = await startServer({ PGLITE_DIR: join(work, "pglite"), SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e" });
  project.provide("baseUrl", server.url);
  project.provide("seededDataDir", seeded);
  project.provide("serverDataDir", join(work, "pglite"));
  return async () => {
    await server?.stop();
    server = undefined;
    rmSync(work, { recursive: true, force: true });
  };
}
