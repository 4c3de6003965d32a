// The first shape of a network: enough for the demo network and its public page. The networks
// issue extends it with organizations as members, bodies and elected roles.
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import type { Translated } from "../../platform/i18n/locales.ts";
import { cities } from "../cities/schema.ts";
import { organizations } from "../organizations/schema.ts";
import { themes } from "../themes/schema.ts";

export const networkKinds = ["regional", "global", "thematic"] as const;

export const networks = pgTable("networks", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  kind: text("kind", { enum: networkKinds }).notNull(),
  foundedOn: date("founded_on"),
  description: jsonb("description").$type<Translated>().notNull(),
  /** The language the description was written in. */
  descriptionLanguage: text("description_language").notNull(),
  /** The organization that runs the network; its members are the network's secretariat. */
  secretariatOrganizationId: uuid("secretariat_organization_id").references(() => organizations.id, { onDelete: "set null" }),
});

export const networkSpaceKinds = ["thematic_unit", "group_or_commission"] as const;

export const networkSpaces = pgTable(
  "network_spaces",
  {
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    themeId: text("theme_id")
      .notNull()
      .references(() => themes.id),
    kind: text("kind", { enum: networkSpaceKinds }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.themeId] })],
);

export const networkCities = pgTable(
  "network_cities",
  {
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    cityId: integer("city_id")
      .notNull()
      .references(() => cities.id),
    founding: boolean("founding").notNull().default(false),
    joinedYear: integer("joined_year"),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.cityId] }), index("network_cities_city_idx").on(t.cityId)],
);
