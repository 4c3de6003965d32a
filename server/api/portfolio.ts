// /api/v1 an organization's portfolio across networks, and a network's public figures.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { bodyKinds, candidacyRoles, candidacyStatuses, roleKinds } from "../../modules/governance/schema.ts";
import { getNetworkFigures } from "../../modules/networks/get-network-figures.ts";
import { membershipStatuses, networkKinds } from "../../modules/networks/schema.ts";
import { getPortfolio } from "../../modules/portfolio/get-portfolio.ts";
import { networkFiguresParams, portfolioParams } from "../../modules/portfolio/inputs.ts";
import { locales } from "../../platform/i18n/locales.ts";
import type { AppServices } from "../../platform/context.ts";
import { type ApiEnv, authResponses, bearer, json, problemResponse } from "./common.ts";

const tags = ["Portfolio"];
const date = (description: string) => z.string().describe(`${description} (YYYY-MM-DD)`);

const localizedText = z.object({
  text: z.string(),
  language: z.enum(locales).describe("The language of text"),
  fallback: z.boolean().describe("True when the response language was missing and another is shown"),
});

const networkRef = z.object({
  slug: z.string(),
  name: z.string().describe("In the response language where known"),
  acronym: z.string().nullable(),
  kind: z.enum(networkKinds),
  hosted: z.boolean().describe("Hosted on Pares (true) or recorded by a city (false)"),
});

const role = z.object({
  id: z.string(),
  role: z.enum(roleKinds),
  bodySlug: z.string(),
  bodyKind: z.enum(bodyKinds),
  bodyName: localizedText,
  startsOn: date("First day"),
  endsOn: date("Last day; null when open").nullable(),
  termLabel: z.string().nullable(),
  sourceUrl: z.string().nullable().describe("Where the role is documented; null for roles entered here"),
});

const candidacy = z.object({
  id: z.string(),
  role: z.enum(candidacyRoles),
  status: z.enum(candidacyStatuses),
  bodySlug: z.string(),
  bodyName: localizedText,
  termLabel: z.string(),
  termStartsOn: date("The term's first day"),
  termEndsOn: date("The term's last day"),
});

const candidacyWindow = z.object({
  termLabel: z.string(),
  opensOn: date("Candidacies open"),
  closesOn: date("Candidacies close"),
  termStartsOn: date("The term's first day"),
});

const portfolioNetwork = networkRef.extend({
  membership: z
    .object({
      status: z.enum(membershipStatuses),
      category: z.string().nullable(),
      since: date("Member since").nullable(),
      founding: z.boolean(),
      statusChangedAt: z.string().describe("When the status last changed (ISO 8601)"),
      sourceUrl: z.string().nullable(),
    })
    .nullable()
    .describe("null when only roles are recorded"),
  current: z.array(role).describe("Roles held today"),
  past: z.array(role).describe("Roles that ended, most recent first"),
  upcoming: z.array(role).describe("Roles approved for a term that has not started"),
  units: z
    .array(
      z.object({
        bodySlug: z.string(),
        bodyName: localizedText,
        participates: z.boolean().describe("The organization holds a current role in the unit"),
        people: z.array(z.object({ userId: z.string(), name: z.string() })).describe("The organization's people in the unit's technical team"),
      }),
    )
    .describe("Units where the organization takes part or has people"),
  candidacies: z.array(candidacy).describe("Candidacies for current and coming terms"),
  openWindows: z.array(candidacyWindow).describe("Candidacy windows open today (active memberships of hosted networks)"),
});

const alert = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("membership_stale"),
    network: networkRef,
    status: z.enum(membershipStatuses),
    since: date("Status unchanged since"),
    days: z.number().int(),
  }),
  z.object({ kind: z.literal("role_ending"), network: networkRef, role, days: z.number().int().describe("Days left") }),
  z.object({ kind: z.literal("unit_without_people"), network: networkRef, bodySlug: z.string(), bodyName: localizedText }),
]);

const comingUp = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("role_ends"), date: date("When"), network: networkRef, role }),
  z.object({ kind: z.literal("role_starts"), date: date("When"), network: networkRef, role }),
  z.object({ kind: z.literal("candidacy_window"), date: date("When the window closes"), network: networkRef, window: candidacyWindow }),
  z.object({
    kind: z.literal("candidacy"),
    date: date("When the term starts"),
    network: networkRef,
    candidacy: candidacy.describe("Awaiting the decision (submitted); an approved candidacy is listed as the role it became (role_starts)"),
  }),
]);

export const portfolioSchema = z
  .object({
    organization: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    viewer: z
      .object({ canRecordExternal: z.boolean().describe("The caller is the organization's focal point and may record a network not hosted here (POST /external-networks)") })
      .describe("What the caller may do from here"),
    asOf: date("The day the portfolio was computed for, UTC"),
    groups: z.array(z.object({ kind: z.enum(networkKinds), networks: z.array(portfolioNetwork) })).describe("Regional, global and thematic networks"),
    alerts: z.array(alert).describe("Memberships inactive or suspended for over 180 days, roles ending within 90 days, units without a person of the organization"),
    comingUp: z.array(comingUp).describe("What is coming, by date; later modules add kinds (meetings, calls)"),
  })
  .meta({ id: "Portfolio" });

const memberCity = z.object({
  organizationSlug: z.string(),
  organizationName: z.string(),
  cityId: z.number().int().describe("GeoNames id"),
  cityName: z.string(),
  countryCode: z.string(),
  countryName: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  population: z.number().int(),
});

export const networkFiguresSchema = z
  .object({
    network: z.object({ slug: z.string(), name: z.string(), hosted: z.boolean() }),
    figures: z.object({
      memberCities: z.number().int().describe("Active members that are local governments"),
      countries: z.number().int().describe("Distinct countries of the active members"),
      population: z.number().int().describe("Sum of the member cities' populations (GeoNames)"),
      thematicUnits: z.number().int().describe("Active thematic units"),
    }),
    membersByCountry: z.array(z.object({ countryCode: z.string(), countryName: z.string(), members: z.number().int() })).describe("Member cities per country, most first"),
    points: z.array(memberCity).describe("The member cities, with coordinates, for a map"),
  })
  .meta({ id: "NetworkFigures" });

export function registerPortfolioRoutes(api: OpenAPIHono<ApiEnv>, services: AppServices) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/organizations/{slug}/portfolio",
      summary: "An organization's portfolio across networks",
      description:
        "Every network the organization belongs to (hosted and external) with its membership, roles now, before and coming, technical teams (names of its people), candidacies, alerts and what is coming. For the organization's members and administrators; others get 404.",
      tags,
      security: bearer,
      request: { params: portfolioParams },
      responses: { 200: json(portfolioSchema, "The portfolio"), ...authResponses },
    }),
    async (c) => c.json(await getPortfolio(services, c.get("actor"), c.req.valid("param").slug, c.get("locale")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{slug}/figures",
      summary: "A network's live figures",
      description: "Member cities, countries, population covered and thematic units, computed from the data; members by country and the member cities' coordinates.",
      tags,
      request: { params: networkFiguresParams },
      responses: { 200: json(networkFiguresSchema, "The figures"), 404: problemResponse("No such network") },
    }),
    async (c) => c.json(await getNetworkFigures(services, c.get("actor"), c.req.valid("param").slug, c.get("locale")), 200),
  );
}
