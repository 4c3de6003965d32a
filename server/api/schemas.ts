// Response schemas of /api/v1, one per resource, with a description per field. The OpenAPI
// document is generated from these and from the modules' input schemas.
import { z } from "zod";

export const citySchema = z
  .object({
    id: z.number().int().describe("GeoNames id"),
    name: z.string().describe("Name in the response language, else the official name"),
    officialName: z.string().describe("Official (GeoNames) name"),
    countryCode: z.string().describe("ISO 3166-1 alpha-2"),
    countryName: z.string().describe("Country name in the response language"),
    admin1Name: z.string().nullable().describe("First-level region: province, state, department…"),
    population: z.number().int(),
    latitude: z.number(),
    longitude: z.number(),
    timezone: z.string().describe("IANA time zone"),
  })
  .meta({ id: "City" });

export const cityDetailSchema = citySchema
  .extend({
    names: z
      .object({ es: z.string().optional(), pt: z.string().optional(), en: z.string().optional() })
      .describe("The city's name in each UI language, where known"),
    regionName: z.string().nullable().describe("UN M49 region"),
    subregionName: z.string().nullable().describe("UN M49 sub-region or intermediate region"),
    wikidataId: z.string().nullable(),
    networks: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        founding: z.boolean().describe("Whether the city is a founding member"),
        joinedYear: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: "CityDetail" });

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      items: z.array(item),
      total: z.number().int().describe("Items matching, over all pages"),
      page: z.number().int(),
      pageSize: z.number().int(),
      pageCount: z.number().int(),
    })
    .meta({ id });
}

export const countrySchema = z
  .object({
    code: z.string().describe("ISO 3166-1 alpha-2"),
    iso3: z.string().describe("ISO 3166-1 alpha-3"),
    isoNumeric: z.string().nullable().describe("ISO 3166-1 numeric"),
    name: z.string().describe("Name in the response language"),
    regionCode: z.string().nullable().describe("UN M49 region"),
    subregionCode: z.string().nullable().describe("UN M49 sub-region"),
    intermediateRegionCode: z.string().nullable().describe("UN M49 intermediate region"),
    cityCount: z.number().int().describe("Cities of 50,000+ inhabitants in the directory"),
  })
  .meta({ id: "Country" });

export const themeSchema = z
  .object({
    id: z.string(),
    scheme: z.enum(["network-spaces", "pairing-themes"]).describe("The taxonomy the theme comes from"),
    name: z.string().describe("Name in the response language"),
    sdgs: z.array(z.number().int()).describe("Sustainable Development Goals the theme serves"),
  })
  .meta({ id: "Theme" });

export const sdgSchema = z
  .object({
    goal: z.number().int().min(1).max(17),
    shortName: z.string(),
    title: z.string(),
    targets: z.array(z.object({ code: z.string(), title: z.string() })).optional(),
  })
  .meta({ id: "Sdg" });
