// Fails when a UI message is missing in a language, unused by the code, used but missing, not
// valid ICU MessageFormat, or uses other placeholders than its Spanish original.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

const root = new URL("..", import.meta.url).pathname;
const languages = ["es", "pt", "en"] as const;
const codeDirs = ["app", "modules", "platform", "server", "cli"];

const problems: string[] = [];
// Every JSON file of a language's folder is part of its catalog; a key lives in one file only.
const catalogs = Object.fromEntries(
  languages.map((l) => {
    const merged: Record<string, string> = {};
    const dir = join(root, "locales", l);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
      const messages = JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, string>;
      for (const [key, value] of Object.entries(messages)) {
        if (merged[key] !== undefined) problems.push(`defined twice in ${l} (again in ${file}): ${key}`);
        merged[key] = value;
      }
    }
    return [l, merged];
  }),
) as Record<(typeof languages)[number], Record<string, string>>;
const catalogFiles = new Set(languages.flatMap((l) => readdirSync(join(root, "locales", l)).filter((f) => f.endsWith(".json"))));
const imports = readFileSync(join(root, "platform/i18n/catalogs.ts"), "utf8");
for (const l of languages) for (const file of catalogFiles) {
  if (!imports.includes(`locales/${l}/${file}"`)) problems.push(`locales/${l}/${file} is not merged in platform/i18n/catalogs.ts`);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [path] : [];
  });
}

const source = codeDirs.flatMap((d) => files(join(root, d))).map((f) => readFileSync(f, "utf8")).join("\n");
const allKeys = new Set(languages.flatMap((l) => Object.keys(catalogs[l])));

for (const key of allKeys) {
  for (const l of languages) if (catalogs[l][key] === undefined) problems.push(`missing in ${l}: ${key}`);
}

// Keys used: t("key"), "i18n:key" in schemas, notFound("key"), "error.*" keys in AppErrors,
// and template keys like t(`language.${l}`) whose expansions must all exist.
const used = new Set<string>();
for (const m of source.matchAll(/\b(?:t|notFound|invalid)\(\s*["']([\w.]+)["']/g)) used.add(m[1]!);
for (const m of source.matchAll(/["']i18n:([\w.]+)["']/g)) used.add(m[1]!);
for (const m of source.matchAll(/["']((?:error|validation)\.[\w.]+)["']/g)) used.add(m[1]!);
const templates = [...source.matchAll(/\bt\(\s*`([\w.]*)\$\{[^}]+\}([\w.]*)`/g)].map((m) => ({ prefix: m[1]!, suffix: m[2]! }));

for (const key of used) if (!allKeys.has(key)) problems.push(`used but not in the catalogs: ${key}`);
for (const key of allKeys) {
  const byTemplate = templates.some((tpl) => key.startsWith(tpl.prefix) && key.endsWith(tpl.suffix) && key.length > tpl.prefix.length + tpl.suffix.length);
  if (!used.has(key) && !byTemplate && !source.includes(`"${key}"`)) problems.push(`unused: ${key}`);
}

function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) found.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      found.add(e.value);
      for (const option of Object.values(e.options)) placeholders(option.value, found);
    }
    if (e.type === TYPE.tag) placeholders(e.children, found);
  }
  return found;
}

for (const key of allKeys) {
  const expected = catalogs.es[key] !== undefined ? [...placeholders(parse(catalogs.es[key]!))].sort().join(",") : undefined;
  for (const l of languages) {
    const message = catalogs[l][key];
    if (message === undefined) continue;
    try {
      const found = [...placeholders(parse(message))].sort().join(",");
      if (expected !== undefined && found !== expected) problems.push(`placeholders differ in ${l}: ${key} has {${found}}, es has {${expected}}`);
    } catch (err) {
      problems.push(`invalid ICU message in ${l}: ${key}: ${(err as Error).message}`);
    }
  }
}

if (problems.length > 0) {
  for (const p of problems) process.stderr.write(`i18n: ${p}\n`);
  process.stderr.write(`i18n:check failed: ${problems.length} problem(s)\n`);
  process.exit(1);
}
process.stdout.write(`i18n:check passed: ${allKeys.size} keys in ${languages.join(", ")}, all used and valid\n`);
