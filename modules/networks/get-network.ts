import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { localize, localizedText, type LocalizedText } from "../../platform/i18n/content.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { cities, countries } from "../cities/schema.ts";
import { networkBodies } from "../governance/schema.ts";
import { organizations } from "../organizations/schema.ts";
import { networkMemberships, networks } from "./schema.ts";

export interface NetworkDetail {
  slug: string;
  name: string;
  kind: "regional" | "global" | "thematic";
  foundedOn: string | null;
  description: LocalizedText | undefined;
  spaces: { themeId: string; name: string; kind: string }[];
  foundingCities: { id: number; name: string; countryName: string }[];
}

/** A network's public page. */
export async function getNetwork(ctx: ServiceContext, slug: string, locale: Locale): Promise<NetworkDetail> {
  const [network] = await ctx.db.select().from(networks).where(eq(networks.slug, slug));
  if (!network) throw notFound();
  const spaces = await ctx.db
    .select({ themeId: networkBodies.slug, name: networkBodies.names, kind: networkBodies.kind })
    .from(networkBodies)
    .where(and(eq(networkBodies.networkId, network.id), inArray(networkBodies.kind, ["thematic_unit", "working_group", "commission"])))
    .orderBy(asc(networkBodies.position));
  const founders = await ctx.db
    .select({ id: cities.id, name: cities.name, names: cities.names, countryName: countries.name })
    .from(networkMemberships)
    .innerJoin(organizations, eq(organizations.id, networkMemberships.organizationId))
    .innerJoin(cities, eq(cities.id, organizations.cityId))
    .innerJoin(countries, eq(countries.code, cities.countryCode))
    .where(and(eq(networkMemberships.networkId, network.id), eq(networkMemberships.founding, true)))
    .orderBy(desc(cities.population));
  return {
    slug: network.slug,
    name: network.name,
    kind: network.kind,
    foundedOn: network.foundedOn,
    description: localize(network.description, locale, network.descriptionLanguage),
    spaces: spaces
      .map((s) => ({ themeId: s.themeId, name: localizedText(s.name, locale, "en"), kind: s.kind }))
      .sort((a, b) => new Intl.Collator(locale).compare(a.name, b.name)),
    foundingCities: founders.map((c) => ({
      id: c.id,
      name: c.names[locale] ?? c.name,
      countryName: localizedText(c.countryName, locale, "en"),
    })),
  };
}
