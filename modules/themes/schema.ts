import { index, integer, jsonb, pgTable, primaryKey, smallint, text } from "drizzle-orm/pg-core";
import type { Translated } from "../../platform/i18n/locales.ts";

export const sdgGoals = pgTable("sdg_goals", {
  goal: smallint("goal").primaryKey(),
  shortName: jsonb("short_name").$type<Translated>().notNull(),
  title: jsonb("title").$type<Translated>().notNull(),
});

export const sdgTargets = pgTable(
  "sdg_targets",
  {
    code: text("code").primaryKey(),
    goal: smallint("goal")
      .notNull()
      .references(() => sdgGoals.goal),
    position: integer("position").notNull(),
    title: jsonb("title").$type<Translated>().notNull(),
  },
  (t) => [index("sdg_targets_goal_idx").on(t.goal, t.position)],
);

export const themeSchemes = ["network-spaces", "pairing-themes"] as const;
export type ThemeScheme = (typeof themeSchemes)[number];

/**
 * The one theme taxonomy everything is tagged with: the thematic spaces of the seed network
 * and the themes of the city-pairing programme.
 */
export const themes = pgTable(
  "themes",
  {
    id: text("id").primaryKey(),
    scheme: text("scheme", { enum: themeSchemes }).notNull(),
    position: integer("position").notNull(),
    name: jsonb("name").$type<Translated>().notNull(),
  },
  (t) => [index("themes_scheme_idx").on(t.scheme, t.position)],
);

export const themeSdgs = pgTable(
  "theme_sdgs",
  {
    themeId: text("theme_id")
      .notNull()
      .references(() => themes.id, { onDelete: "cascade" }),
    goal: smallint("goal")
      .notNull()
      .references(() => sdgGoals.goal),
  },
  (t) => [primaryKey({ columns: [t.themeId, t.goal] })],
);
