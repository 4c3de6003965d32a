import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { loadDatasetOnce, referencePath } from "../../platform/db/datasets.ts";
import { sdgGoals, sdgTargets, themeSdgs, themes, type ThemeScheme } from "./schema.ts";

interface ThemeEntry {
  id: string;
  es: string;
  pt: string;
  en: string;
  sdgs: number[];
}

/** Loads the 17 SDGs with their 169 targets, then the theme taxonomy mapped to them. Idempotent. */
export async function loadReferenceThemes(db: Database): Promise<string[]> {
  const loaded: string[] = [];
  const sdgFile = referencePath("sdg_goals_targets_en_es_pt.csv");
  if (await loadDatasetOnce(db, "sdgs", [sdgFile], loadSdgs)) loaded.push("sdgs");
  const themesFile = referencePath("themes.json");
  if (await loadDatasetOnce(db, "themes", [themesFile], loadThemes)) loaded.push("themes");
  return loaded;
}

async function loadSdgs(db: Database): Promise<void> {
  const rows = parse(readFileSync(referencePath("sdg_goals_targets_en_es_pt.csv"), "utf8"), {
    columns: true,
    bom: true,
  }) as Record<string, string>[];
  const goals = rows.filter((r) => r.level === "goal");
  await db
    .insert(sdgGoals)
    .values(
      goals.map((r) => ({
        goal: Number(r.goal),
        shortName: { es: r.es_short!, pt: r.pt_short!, en: r.en_short! },
        title: { es: r.es_title!, pt: r.pt_title!, en: r.en_title! },
      })),
    )
    .onConflictDoUpdate({ target: sdgGoals.goal, set: { shortName: sql`excluded.short_name`, title: sql`excluded.title` } });
  const targets = rows.filter((r) => r.level === "target");
  await db
    .insert(sdgTargets)
    .values(
      targets.map((r, position) => ({
        code: r.code!,
        goal: Number(r.goal),
        position,
        title: { es: r.es_title!, pt: r.pt_title!, en: r.en_title! },
      })),
    )
    .onConflictDoUpdate({
      target: sdgTargets.code,
      set: { goal: sql`excluded.goal`, position: sql`excluded.position`, title: sql`excluded.title` },
    });
}

async function loadThemes(db: Database): Promise<void> {
  const file = JSON.parse(readFileSync(referencePath("themes.json"), "utf8")) as Record<ThemeScheme, ThemeEntry[]>;
  const schemes: ThemeScheme[] = ["network-spaces", "pairing-themes"];
  for (const scheme of schemes) {
    const entries = file[scheme];
    await db
      .insert(themes)
      .values(entries.map((t, position) => ({ id: t.id, scheme, position, name: { es: t.es, pt: t.pt, en: t.en } })))
      .onConflictDoUpdate({
        target: themes.id,
        set: { scheme: sql`excluded.scheme`, position: sql`excluded.position`, name: sql`excluded.name` },
      });
    for (const t of entries) {
      await db.delete(themeSdgs).where(sql`${themeSdgs.themeId} = ${t.id}`);
      await db.insert(themeSdgs).values(t.sdgs.map((goal) => ({ themeId: t.id, goal })));
    }
  }
}
