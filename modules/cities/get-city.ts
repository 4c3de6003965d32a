import { and, eq, inArray } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { networkMemberships, networks } from "../networks/schema.ts";
import { organizations } from "../organizations/schema.ts";
import { cityIdInput } from "./inputs.ts";
import { cities, countries, worldRegions } from "./schema.ts";
import type { CitySummary } from "./search-cities.ts";

export interface CityDetail extends CitySummary {
  /** The city's names in each UI language, where known. */
  names: { es?: string; pt?: string; en?: string };
  regionName: string | null;
  subregionName: string | null;
  wikidataId: string | null;
  /**
   * The networks its local government belongs to: name and acronym in the reader's language
   * (else the network's own), and the year it joined, null when not known.
   */
  networks: { slug: string; name: string; acronym: string | null; founding: boolean; joinedYear: number | null }[];
}

export async function getCity(ctx: ServiceContext, rawId: unknown, locale: Locale): Promise<CityDetail> {
  const parsed = cityIdInput.safeParse(rawId);
  if (!parsed.success) throw notFound("error.cityNotFound");
  const [row] = await ctx.db
    .select({ city: cities, country: countries })
    .from(cities)
    .innerJoin(countries, eq(countries.code, cities.countryCode))
    .where(eq(cities.id, parsed.data));
  if (!row) throw notFound("error.cityNotFound");
  const { city, country } = row;
  const regionCodes = [country.regionCode, country.subregionCode, country.intermediateRegionCode].filter(
    (c): c is string => !!c,
  );
  const regions = regionCodes.length
    ? await ctx.db.select().from(worldRegions).where(inArray(worldRegions.code, regionCodes))
    : [];
  const regionName = (code: string | null) => {
    const region = regions.find((r) => r.code === code);
    return region ? localizedText(region.name, locale, "en") : null;
  };
  const memberships = await ctx.db
    .select({
      slug: networks.slug,
      name: networks.name,
      names: networks.names,
      acronyms: networks.acronyms,
      founding: networkMemberships.founding,
      since: networkMemberships.since,
    })
    .from(networkMemberships)
    .innerJoin(networks, eq(networks.id, networkMemberships.networkId))
    .innerJoin(organizations, eq(organizations.id, networkMemberships.organizationId))
    .where(
      and(
        eq(organizations.cityId, city.id),
        eq(organizations.kind, "local_government"),
        inArray(networkMemberships.status, ["active", "inactive"]),
      ),
    );
  const collator = new Intl.Collator(locale);
  const localNetworks = memberships
    .map((m) => ({
      slug: m.slug,
      name: m.names[locale] ?? m.name,
      acronym: localizedText(m.acronyms, locale) || null,
      founding: m.founding,
      joinedYear: m.since ? Number(m.since.slice(0, 4)) : null,
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return {
    id: city.id,
    name: city.names[locale] ?? city.name,
    officialName: city.name,
    names: city.names,
    countryCode: country.code,
    countryName: localizedText(country.name, locale, "en"),
    admin1Name: city.admin1Name,
    population: city.population,
    latitude: city.latitude,
    longitude: city.longitude,
    timezone: city.timezone,
    regionName: regionName(country.regionCode),
    subregionName: regionName(country.intermediateRegionCode ?? country.subregionCode),
    wikidataId: city.wikidataId,
    networks: localNetworks,
  };
}
