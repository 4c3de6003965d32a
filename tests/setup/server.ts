// For the end-to-end tests: a production build, a seeded embedded database (prepared once and
// cached under .cache/), and one running server on a copy of it.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { ensureBuild, ensureSeededPglite, type RunningServer, startServer } from "../support/server-process.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    seededDataDir: string;
    serverDataDir: string;
  }
}

export default async function setup(project: TestProject) {
  ensureBuild();
  const seeded = ensureSeededPglite();
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
