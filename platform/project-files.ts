// Files the platform ships under data/ (fonts, reference data), found from the project's root.
// A path relative to a module's own address would break once the server is bundled into
// build/server/index.js; the root is where package.json is, in the source tree and beside the build.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

export function projectRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("package.json not found above the platform's code");
    dir = parent;
  }
  root = dir;
  return dir;
}

/** The absolute path of a file under data/. */
export function dataFile(...parts: string[]): string {
  return join(projectRoot(), "data", ...parts);
}
