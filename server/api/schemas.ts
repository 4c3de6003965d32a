// Response schemas of /api/v1, one per resource, with a description per field. The OpenAPI
// document is generated from these and from the modules' input schemas.
import { z } from "zod";
import { memberRoles, organizationKinds } from "../../modules/organizations/schema.ts";

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
        name: z.string().describe("The network's name in the requested language"),
        acronym: z.string().nullable().describe("The network's acronym in the requested language, if it has one"),
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

const role = z.enum(memberRoles).describe("focal_point, authority or staff");
const kind = z
  .enum(organizationKinds)
  .describe("Kind of organization");

export const meSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    locale: z.string().describe("Language of the person's pages and e-mails"),
    position: z.string().nullable(),
    languages: z.array(z.string()).describe("Languages spoken (ISO 639-1)"),
    timeZone: z.string().nullable().describe("IANA time zone"),
    themes: z.array(z.string()).describe("Ids of the themes of interest"),
    platformAdmin: z.boolean(),
    twoFactorEnabled: z.boolean(),
    mustEnableTwoFactor: z.boolean().describe("The person holds a role that requires two-factor sign-in and has not set it up: its powers are withheld"),
    actingOrganization: z.string().nullable().describe("Slug of the organization the person acts for"),
    organizations: z.array(z.object({ slug: z.string(), name: z.string(), kind, role, actingFor: z.boolean() })),
    secretariatOf: z.array(z.string()).describe("Ids of the networks whose secretariat the person belongs to"),
    coordinatorOf: z
      .array(z.object({ network: z.string().describe("The network's slug"), body: z.string().describe("The body's slug within the network") }))
      .describe("The units and other bodies the person coordinates today (through an organization holding a coordinator or sub-coordinator role)"),
  })
  .meta({ id: "Me" });

export const organizationSummarySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    kind,
    cityName: z.string().nullable(),
    countryCode: z.string(),
    countryName: z.string(),
    verified: z.boolean().describe("Checked by a platform administrator"),
    memberCount: z.number().int(),
  })
  .meta({ id: "OrganizationSummary" });

export const organizationSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    kind,
    city: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    countryCode: z.string(),
    countryName: z.string(),
    description: z
      .object({ text: z.string(), language: z.string(), fallback: z.boolean().describe("True when shown in another language than the one asked for") })
      .nullable(),
    descriptions: z
      .object({ es: z.string().optional(), pt: z.string().optional(), en: z.string().optional() })
      .describe("The description in each language it was written in"),
    website: z.string().nullable(),
    verified: z.boolean(),
    memberCount: z.number().int(),
    mergedIntoSlug: z.string().nullable().describe("Set when this organization was merged into another"),
    viewer: z
      .object({
        role: role.nullable(),
        actingFor: z.boolean(),
        canUpdate: z.boolean(),
        canSeeMembers: z.boolean(),
        canManageMembers: z.boolean(),
        canRequestToJoin: z.boolean(),
        hasPendingJoinRequest: z.boolean(),
        canVerify: z.boolean(),
      })
      .describe("What the caller may do here"),
  })
  .meta({ id: "Organization" });

export const memberListSchema = z
  .object({
    organization: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    members: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        position: z.string().nullable(),
        role,
        email: z.string().nullable().describe("Only for focal points and administrators (and one's own)"),
        since: z.string().describe("ISO 8601"),
      }),
    ),
    invitations: z.array(z.object({ id: z.string(), email: z.string(), role, expiresAt: z.string() })).describe("Open invitations (focal points only)"),
    joinRequests: z
      .array(z.object({ id: z.string(), userId: z.string(), name: z.string(), email: z.string(), message: z.string().nullable(), createdAt: z.string() }))
      .describe("Pending requests (focal points only)"),
    canManage: z.boolean(),
  })
  .meta({ id: "MemberList" });

export const tokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: z.enum(["read", "write"]),
    prefix: z.string().describe("The first characters of the token, to tell tokens apart"),
    createdAt: z.string(),
    expiresAt: z.string(),
    lastUsedAt: z.string().nullable().describe("To the minute"),
    status: z.enum(["active", "expired", "revoked"]),
  })
  .meta({ id: "Token" });

export const createdTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: z.enum(["read", "write"]),
    expiresAt: z.string(),
    token: z.string().describe("The token itself, shown this once: it is not stored"),
  })
  .meta({ id: "CreatedToken" });

export const userSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    role: z.string(),
    disabled: z.boolean(),
    twoFactorEnabled: z.boolean(),
    organizationCount: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: "UserSummary" });

const person = z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() }).nullable().describe("null name and email: the account was deleted");

export const auditPageSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        at: z.string(),
        kind: z.string(),
        actor: person,
        subject: person,
        organization: z.object({ id: z.string(), slug: z.string().nullable(), name: z.string().nullable() }).nullable(),
        ipAddress: z.string().nullable(),
        details: z.record(z.string(), z.unknown()),
      }),
    ),
    page: z.number().int(),
    pageSize: z.number().int(),
    hasMore: z.boolean(),
  })
  .meta({ id: "AuditPage" });
