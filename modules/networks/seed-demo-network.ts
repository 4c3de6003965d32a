import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { referencePath } from "../../platform/db/datasets.ts";
import { cities, cityNames } from "../cities/schema.ts";
import { themes } from "../themes/schema.ts";
import { networkCities, networkSpaces, networks } from "./schema.ts";

export const demoNetworkSlug = "mercociudades";

/**
 * The demo network, modelled on Mercociudades: its 23 thematic spaces and the founding cities
 * listed in data/reference/city_network_memberships_partial.csv. Runs once: an existing
 * network with the slug is left as it is.
 */
export async function seedDemoNetwork(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [network] = await tx
      .insert(networks)
      .values({
        slug: demoNetworkSlug,
        name: "Mercociudades",
        kind: "regional",
        foundedOn: "1995-11-11",
        descriptionLanguage: "es",
        description: {
          es: "Red de gobiernos locales de América del Sur fundada en 1995 por doce ciudades para fortalecer la participación de las ciudades en la integración regional y la cooperación horizontal entre ellas.",
          pt: "Rede de governos locais da América do Sul fundada em 1995 por doze cidades para fortalecer a participação das cidades na integração regional e a cooperação horizontal entre elas.",
          en: "A network of South American local governments founded in 1995 by twelve cities to strengthen cities' part in regional integration and horizontal cooperation among them.",
        },
      })
      .onConflictDoNothing({ target: networks.slug })
      .returning({ id: networks.id });
    if (!network) return false;
    const spaces = JSON.parse(readFileSync(referencePath("themes.json"), "utf8"))["network-spaces"] as {
      id: string;
      kind: "thematic_unit" | "group_or_commission";
    }[];
    const known = new Set((await tx.select({ id: themes.id }).from(themes)).map((t) => t.id));
    await tx
      .insert(networkSpaces)
      .values(spaces.filter((s) => known.has(s.id)).map((s) => ({ networkId: network.id, themeId: s.id, kind: s.kind })));
    const memberships = parse(readFileSync(referencePath("city_network_memberships_partial.csv"), "utf8"), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
    const founders = memberships.filter((m) => m.network === "Mercociudades" && m.role?.startsWith("founding member"));
    for (const founder of founders) {
      const [city] = await tx
        .select({ id: cities.id })
        .from(cityNames)
        .innerJoin(cities, eq(cities.id, cityNames.cityId))
        .where(and(eq(cityNames.nameNorm, sql`pares_normalize(${founder.city})`), eq(cities.countryCode, founder.country_iso2!)))
        .orderBy(desc(cities.population))
        .limit(1);
      if (!city) continue;
      await tx
        .insert(networkCities)
        .values({ networkId: network.id, cityId: city.id, founding: true, joinedYear: 1995 })
        .onConflictDoNothing();
    }
    return true;
  });
}
