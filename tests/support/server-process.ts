// Running Pares as a separate process, for end-to-end tests and benchmarks.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { newestMtime } from "../setup/freshness.ts";

export const root = new URL("../..", import.meta.url).pathname;
const nodeBinary = process.execPath;

/** Builds the production bundle if it is missing or stale. */
export function ensureBuild(): void {
  execFileSync(nodeBinary, ["scripts/build-if-needed.ts"], { cwd: root, stdio: "inherit" });
}

/**
 * An embedded database with migrations, reference and demo data, prepared by the CLI once and
 * cached in .cache/ until migrations, reference data or modules change. Copy it before use.
 */
export function ensureSeededPglite(): string {
  const seeded = join(root, ".cache/e2e-seed/pglite");
  const inputs = ["db/migrations", "data/reference", "modules", "platform/db"].map((p) => join(root, p));
  if (!existsSync(seeded) || statSync(seeded).mtimeMs < newestMtime(inputs)) {
    rmSync(join(root, ".cache/e2e-seed"), { recursive: true, force: true });
    execFileSync(nodeBinary, ["cli/pares.ts", "seed"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, PGLITE_DIR: seeded, DATABASE_URL: "" },
    });
  }
  return seeded;
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Starts `node server/main.ts` with this environment and waits until it prints its URL. */
export function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<RunningServer> {
  const child = spawn(nodeBinary, ["server/main.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "warn", DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/Pares is running at (http:\/\/[^\s/]+)\//);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          process: child,
          output: () => output,
          stop: async (signal = "SIGTERM") => {
            if (child.exitCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before starting:\n${output}`));
    });
  });
}

