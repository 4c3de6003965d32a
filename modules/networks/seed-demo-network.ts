import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { referencePath } from "../../platform/db/datasets.ts";
import { cities, cityNames } from "../cities/schema.ts";
import { networkBodies } from "../governance/schema.ts";
import { createOrganizationRecord } from "../organizations/factories.ts";
import { organizations } from "../organizations/schema.ts";
import { networkMemberships, networks } from "./schema.ts";

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
    const [secretariat] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "secretaria-tecnica-mercociudades"));
    if (secretariat) await tx.update(networks).set({ secretariatOrganizationId: secretariat.id }).where(eq(networks.id, network.id));
    const spaces = JSON.parse(readFileSync(referencePath("themes.json"), "utf8"))["network-spaces"] as {
      id: string;
      kind: "thematic_unit" | "group_or_commission";
      es: string;
      pt: string;
      en: string;
    }[];
    await tx
      .insert(networkBodies)
      .values(
        spaces.map((s, i) => ({
          networkId: network.id,
          slug: s.id,
          kind: s.kind === "thematic_unit" ? ("thematic_unit" as const) : ("working_group" as const),
          names: { es: s.es, pt: s.pt, en: s.en },
          themeIds: [s.id],
          position: i,
        })),
      )
      .onConflictDoNothing();
    const memberships = parse(readFileSync(referencePath("city_network_memberships_partial.csv"), "utf8"), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
    const founders = memberships.filter((m) => m.network === "Mercociudades" && m.role?.startsWith("founding member"));
    for (const founder of founders) {
      const [city] = await tx
        .select({ id: cities.id, name: cities.name })
        .from(cityNames)
        .innerJoin(cities, eq(cities.id, cityNames.cityId))
        .where(and(eq(cityNames.nameNorm, sql`pares_normalize(${founder.city})`), eq(cities.countryCode, founder.country_iso2!)))
        .orderBy(desc(cities.population))
        .limit(1);
      if (!city) continue;
      const [existing] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.cityId, city.id), eq(organizations.kind, "local_government")));
      const org = existing ?? (await createOrganizationRecord(tx, { name: city.name, kind: "local_government", countryCode: founder.country_iso2!, cityId: city.id }));
      await tx
        .insert(networkMemberships)
        .values({ networkId: network.id, organizationId: org.id, status: "active", founding: true, since: "1995-11-11", sourceUrl: founder.source_url || null })
        .onConflictDoNothing();
    }
    return true;
  });
}
