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

export const page = z.coerce
  .number({ error: "i18n:validation.page" })
  .int({ error: "i18n:validation.page" })
  .min(1, { error: "i18n:validation.page" })
  .max(10_000, { error: "i18n:validation.page" })
  .default(1)
  .describe("Page number, from 1");
export const pageSize = z.coerce
  .number({ error: "i18n:validation.pageSize" })
  .int({ error: "i18n:validation.pageSize" })
  .min(1, { error: "i18n:validation.pageSize" })
  .max(100, { error: "i18n:validation.pageSize" })
  .default(20)
  .describe("Items per page (1–100)");

export const searchTextMaxLength = 100;

export const searchCitiesInput = z.object({
  q: z
    .string()
    .trim()
    .max(searchTextMaxLength, { error: "i18n:validation.searchText" })
    .optional()
    .describe("Any of the city's names; accents and case are ignored and small typos tolerated"),
  country: countryCode.optional(),
  region: regionCode.optional(),
  page,
  pageSize,
});
export type SearchCitiesInput = z.input<typeof searchCitiesInput>;

/** A GeoNames id as written in a URL: digits only, no sign, no leading zero, within int4. */
export const cityIdInput = z
  .union([z.number(), z.string().regex(/^[1-9][0-9]{0,9}$/, { error: "i18n:validation.cityId" })])
  .transform(Number)
  .pipe(z.number().int().min(1).max(2_147_483_647, { error: "i18n:validation.cityId" }))
  .describe("GeoNames id of the city");

export const listCountriesInput = z.object({
  region: regionCode.optional(),
});
