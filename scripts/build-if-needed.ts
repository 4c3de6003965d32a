// npm start builds the production bundle when it is missing or older than the sources it is built from.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const output = join(root, "build/server/index.js");
const sources = ["app", "modules", "platform", "locales", "public", "vite.config.ts", "react-router.config.ts", "package-lock.json"];

function newest(path: string): number {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((entry) => newest(join(path, entry))));
}

if (!existsSync(output) || statSync(output).mtimeMs < Math.max(...sources.map(newest))) {
  process.stdout.write("Building the production bundle…\n");
  execFileSync(join(root, "node_modules/.bin/react-router"), ["build"], { cwd: root, stdio: "inherit" });
}
