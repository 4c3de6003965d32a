// Shipped reference data is loaded at migrate/seed time, once per version of its files: the
// content hash is recorded, so a second run changes nothing and costs a hash.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Database } from "./client.ts";
import { referenceDatasets } from "./reference-schema.ts";

export function hashFiles(paths: string[]): string {
  const hash = createHash("sha256");
  for (const path of paths) hash.update(readFileSync(path));
  return hash.digest("hex");
}

/** Runs `load` in a transaction unless this exact content was already loaded. Returns whether it ran. */
export async function loadDatasetOnce(
  db: Database,
  name: string,
  files: string[],
  load: (tx: Database) => Promise<void>,
): Promise<boolean> {
  const contentHash = hashFiles(files);
  const [current] = await db.select().from(referenceDatasets).where(eq(referenceDatasets.name, name));
  if (current?.contentHash === contentHash) return false;
  await db.transaction(async (tx) => {
    await load(tx as unknown as Database);
    await tx
      .insert(referenceDatasets)
      .values({ name, contentHash })
      .onConflictDoUpdate({ target: referenceDatasets.name, set: { contentHash, loadedAt: new Date() } });
  });
  return true;
}

export function referencePath(file: string): string {
  return new URL(`../../data/reference/${file}`, import.meta.url).pathname;
}
