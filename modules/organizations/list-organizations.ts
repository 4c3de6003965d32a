import { and, asc, count, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { cities, countries } from "../cities/schema.ts";
import type { Page } from "../cities/search-cities.ts";
import { listOrganizationsInput, type ListOrganizationsInput } from "./inputs.ts";
import { type OrganizationKind, organizationMembers, organizations } from "./schema.ts";

export interface OrganizationSummary {
  slug: string;
  name: string;
  kind: OrganizationKind;
  cityName: string | null;
  countryCode: string;
  countryName: string;
  verified: boolean;
  memberCount: number;
}

/** The public directory of organizations: by part of the name (accents ignored), kind and country. */
export async function listOrganizations(ctx: ServiceContext, raw: ListOrganizationsInput, locale: Locale): Promise<Page<OrganizationSummary>> {
  const parsed = listOrganizationsInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const filters: SQL[] = [isNull(organizations.mergedIntoId)];
  if (input.kind) filters.push(eq(organizations.kind, input.kind));
  if (input.country) filters.push(eq(organizations.countryCode, input.country));
  if (input.verified) filters.push(input.verified === "yes" ? isNotNull(organizations.verifiedAt) : isNull(organizations.verifiedAt));
  const q = input.q?.trim();
  if (q) filters.push(sql`${organizations.nameNorm} like '%' || public.pares_normalize(${q}) || '%'`);
  const where = and(...filters);
  const [total] = await ctx.db.select({ n: count() }).from(organizations).where(where);
  const rows = await ctx.db
    .select({
      slug: organizations.slug,
      name: organizations.name,
      kind: organizations.kind,
      cityNames: cities.names,
      cityName: cities.name,
      countryCode: organizations.countryCode,
      countryName: countries.name,
      verifiedAt: organizations.verifiedAt,
      // Counted for the rows of the page only (the primary key's index), not for the whole table.
      memberCount: sql<number>`(select count(*) from ${organizationMembers} where ${organizationMembers.organizationId} = ${organizations.id})`.mapWith(Number),
    })
    .from(organizations)
    .innerJoin(countries, eq(countries.code, organizations.countryCode))
    .leftJoin(cities, eq(cities.id, organizations.cityId))
    .where(where)
    .orderBy(desc(sql`(${organizations.verifiedAt} is not null)`), asc(organizations.nameNorm), asc(organizations.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const n = total?.n ?? 0;
  return {
    items: rows.map((r) => ({
      slug: r.slug,
      name: r.name,
      kind: r.kind,
      cityName: r.cityNames ? localizedText(r.cityNames, locale) || r.cityName : null,
      countryCode: r.countryCode,
      countryName: localizedText(r.countryName, locale, "en"),
      verified: r.verifiedAt !== null,
      memberCount: Number(r.memberCount ?? 0),
    })),
    total: n,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.ceil(n / input.pageSize),
  };
}
