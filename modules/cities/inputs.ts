import { z } from "zod";

// Messages starting with "i18n:" are catalog keys, translated where the error is shown.
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: "i18n:validation.countryCode" })
  .describe("ISO 3166-1 alpha-2 country code, e.g. BR");

export const regionCode = z
  .string()
  .trim()
  .regex(/^\d{3}$/, { error: "i18n:validation.regionCode" })
  .describe("UN M49 region, sub-region or intermediate region code, e.g. 005 (South America)");

export const page = z.coerce.number().int().min(1).max(10_000).default(1).describe("Page number, from 1");
export const pageSize = z.coerce.number().int().min(1).max(100).default(20).describe("Items per page (1–100)");

export const searchCitiesInput = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe("Any of the city's names; accents and case are ignored and small typos tolerated"),
  country: countryCode.optional(),
  region: regionCode.optional(),
  page,
  pageSize,
});
export type SearchCitiesInput = z.input<typeof searchCitiesInput>;

export const cityIdInput = z.coerce.number().int().positive().describe("GeoNames id of the city");

export const listCountriesInput = z.object({
  region: regionCode.optional(),
});
