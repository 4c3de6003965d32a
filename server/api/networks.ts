// /api/v1 networks, external networks, memberships, categories, member import and export.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { applyToNetwork } from "../../modules/networks/apply-to-network.ts";
import { changeMembershipStatus } from "../../modules/networks/change-membership-status.ts";
import { createNetwork } from "../../modules/networks/create-network.ts";
import { decideMembership } from "../../modules/networks/decide-membership.ts";
import { getMembership } from "../../modules/networks/get-membership.ts";
import { getNetworkProfile } from "../../modules/networks/get-network-profile.ts";
import { importNetworkMembers } from "../../modules/networks/import-network-members.ts";
import {
  applyToNetworkInput,
  categoryKey,
  changeMembershipStatusInput,
  createNetworkInput,
  decideMembershipInput,
  joinExternalNetworkInput,
  listNetworkMembersInput,
  memberStatuses,
  listNetworksInput,
  recordExternalNetworkInput,
  saveNetworkCategoryInput,
  updateNetworkInput,
  withdrawMembershipInput,
} from "../../modules/networks/inputs.ts";
import { joinExternalNetwork } from "../../modules/networks/join-external-network.ts";
import { listNetworkMembers } from "../../modules/networks/list-network-members.ts";
import { listNetworks } from "../../modules/networks/list-networks.ts";
import { listNetworkMemberCountries } from "../../modules/networks/list-network-member-countries.ts";
import { maxImportBytes } from "../../modules/networks/member-csv.ts";
import { recordExternalNetwork } from "../../modules/networks/record-external-network.ts";
import { saveNetworkCategory } from "../../modules/networks/save-network-category.ts";
import { membershipStatuses, networkKinds } from "../../modules/networks/schema.ts";
import { logoTypes, maxLogoBytes, setNetworkLogo } from "../../modules/networks/set-network-logo.ts";
import { updateNetwork } from "../../modules/networks/update-network.ts";
import { withdrawMembership } from "../../modules/networks/withdraw-membership.ts";
import { memberRoles, organizationKinds } from "../../modules/organizations/schema.ts";
import type { AppServices } from "../../platform/context.ts";
import { problemTypes } from "../../platform/http/problem.ts";
import { type ApiEnv, authResponses, bearer, json, problem, problemResponse, wire } from "./common.ts";
import { pageOf } from "./schemas.ts";

const tags = ["Networks"];
const slugParam = z.object({ slug: z.string().max(100).describe("The network's slug") });
const membershipParams = slugParam.extend({ membershipId: z.string().max(100).describe("The membership's id") });

const translated = z
  .object({ es: z.string().optional(), pt: z.string().optional(), en: z.string().optional() })
  .describe("Text per UI language, where written");
const localizedText = z
  .object({ text: z.string(), language: z.enum(["es", "pt", "en"]), fallback: z.boolean().describe("True when the reader's language was missing") })
  .describe("Text in the response language, else in its original language");
const membershipStatus = z.enum(membershipStatuses);

const networkSummarySchema = z
  .object({
    slug: z.string(),
    name: z.string().describe("In the response language where the network has one, else its own name"),
    acronym: z.string().nullable(),
    kind: z.enum(networkKinds),
    hosted: z.boolean().describe("Run on Pares by its secretariat, or recorded by its members"),
    foundedOn: z.string().nullable().describe("YYYY-MM-DD"),
    description: localizedText.optional(),
    memberCount: z.number().int().describe("Organizations whose membership is active"),
    foundingMemberCount: z.number().int(),
    spaceCount: z.number().int().describe("Thematic units, working groups and commissions"),
    logoVersion: z.string().nullable().describe("Changes when the logo does (the page serves it at /{lang}/networks/{slug}/logo?v=…); null without a logo"),
  })
  .meta({ id: "NetworkSummary" });

const organizationRef = z.object({ slug: z.string(), name: z.string() });

const networkProfileSchema = z
  .object({
    slug: z.string(),
    name: z.string().describe("In the response language where the network has one"),
    originalName: z.string().describe("The name in the network's own language"),
    names: translated,
    acronym: z.string().nullable(),
    acronyms: translated,
    kind: z.enum(networkKinds),
    hosted: z.boolean(),
    regions: z.array(z.object({ code: z.string().describe("UN M49"), name: z.string() })).describe("Regions covered; empty for worldwide"),
    workingLanguages: z.array(z.string()).describe("ISO 639-1"),
    foundedOn: z.string().nullable(),
    description: localizedText.optional(),
    descriptions: translated.describe("The description in every language written"),
    descriptionLanguage: z.string().describe("The language the description was first written in"),
    website: z.string().nullable(),
    logoVersion: z.string().nullable(),
    secretariat: organizationRef.nullable().describe("Hosted networks: the organization whose members are the secretariat"),
    recordedBy: organizationRef.nullable().describe("External networks: the organization that recorded it"),
    categories: z.array(z.object({ key: z.string(), name: z.string(), names: translated })).describe("Membership categories"),
    memberCount: z.number().int().describe("Organizations whose membership is active"),
    viewer: z
      .object({
        canUpdate: z.boolean(),
        canManageMembers: z.boolean(),
        canSetSecretariat: z.boolean(),
        acting: z
          .object({
            slug: z.string(),
            name: z.string(),
            role: z.enum(memberRoles),
            membership: z.object({ id: z.string(), status: membershipStatus }).nullable(),
          })
          .nullable()
          .describe("The organization the caller acts for, and its membership here"),
      })
      .describe("What the caller may do"),
  })
  .meta({ id: "Network" });

const memberSchema = z
  .object({
    membershipId: z.string().nullable().describe("Only for the secretariat and the member's own people"),
    organization: z.object({ slug: z.string(), name: z.string(), kind: z.enum(organizationKinds) }),
    city: z.object({ id: z.number().int().describe("GeoNames id"), name: z.string(), population: z.number().int() }).nullable(),
    countryCode: z.string(),
    countryName: z.string(),
    status: membershipStatus,
    category: z.object({ key: z.string(), name: z.string() }).nullable(),
    since: z.string().nullable().describe("Member since, YYYY-MM-DD; null when not known"),
    founding: z.boolean(),
    application: z
      .object({ appliedOn: z.string().describe("YYYY-MM-DD"), message: z.string().nullable().describe("The applicant's message to the secretariat") })
      .nullable()
      .describe("A pending application (secretariat only); null otherwise"),
  })
  .meta({ id: "NetworkMember" });

const memberCountrySchema = z
  .object({ code: z.string().describe("ISO 3166-1 alpha-2"), name: z.string().describe("In the response language") })
  .meta({ id: "NetworkMemberCountry" });

const memberPageSchema = z
  .object({
    items: z.array(memberSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    pageCount: z.number().int(),
    allStatuses: z.boolean().describe("True for the secretariat (every status); everyone else gets active members only"),
  })
  .meta({ id: "NetworkMemberPage" });

const membershipSchema = z
  .object({
    id: z.string(),
    network: z.object({
      slug: z.string(),
      name: z.string(),
      hosted: z.boolean(),
      hasSecretariat: z.boolean().describe("False for a hosted network without a secretariat organization: platform administrators decide its applications"),
    }),
    organization: z.object({ slug: z.string(), name: z.string(), cityName: z.string().nullable(), countryCode: z.string(), countryName: z.string() }),
    status: membershipStatus,
    category: z.object({ key: z.string(), name: z.string() }).nullable(),
    since: z.string().nullable(),
    founding: z.boolean(),
    message: z.string().nullable().describe("The applicant's message to the secretariat"),
    statusChangedAt: z.string(),
    createdAt: z.string(),
    history: z
      .array(
        z.object({
          id: z.string(),
          from: membershipStatus.nullable(),
          to: membershipStatus,
          category: z.string().nullable(),
          reason: z.string().nullable(),
          changedBy: z.string().nullable().describe("The person's name; null for the system or a deleted account"),
          effectiveOn: z.string().nullable().describe("When the change took effect, YYYY-MM-DD; null when not known"),
          at: z.string().describe("When it was recorded"),
        }),
      )
      .describe("Every change, newest first"),
    categories: z.array(z.object({ key: z.string(), name: z.string() })),
    viewer: z.object({ canManage: z.boolean(), canWithdraw: z.boolean() }),
  })
  .meta({ id: "NetworkMembership" });

const changedSchema = z.object({ changed: z.boolean().describe("False when it already was so (nothing recorded)") });

const importIssueSchema = z.object({
  line: z.number().int().describe("Line of the file (1 is the header; 0 the file as a whole)"),
  column: z.string(),
  message: z.string().describe("What is wrong, in the response language"),
  suggestions: z.array(z.string()).optional().describe("Close city names (name (region) · GeoNames id), allowed values…"),
});

const fromTo = <T extends z.ZodType>(value: T) => z.object({ from: value, to: value });

const importReportSchema = z
  .object({
    rowCount: z.number().int(),
    dryRun: z.boolean(),
    imported: z.boolean(),
    counts: z.object({
      organizationsCreated: z.number().int(),
      membershipsCreated: z.number().int(),
      membershipsUpdated: z.number().int(),
      unchanged: z.number().int(),
    }),
    changes: z
      .object({
        added: z
          .array(
            z.object({
              line: z.number().int(),
              city: z.object({ id: z.number().int().describe("GeoNames id"), name: z.string(), countryCode: z.string() }),
              organization: z
                .object({ slug: z.string().nullable(), name: z.string(), created: z.boolean() })
                .describe("created: the city's local government is created by the import (its slug is null in a dry run)"),
              status: z.enum(memberStatuses),
              since: z.string(),
              category: z.string().nullable().describe("The category's key"),
            }),
          )
          .describe("Every membership the file adds (a dry run: would add), by line"),
        changed: z
          .array(
            z.object({
              line: z.number().int(),
              organization: z.object({ slug: z.string(), name: z.string() }),
              status: fromTo(z.enum(membershipStatuses)).optional(),
              since: fromTo(z.string().nullable()).optional(),
              category: fromTo(z.string().nullable()).optional().describe("Category keys"),
            }),
          )
          .describe("Every current member the file changes (a dry run: would change), with only what changes, from → to"),
      })
      .describe("The counts member by member"),
  })
  .meta({ id: "MemberImportReport" });

const importProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).describe("Each bad row as line and column, with its message"),
    rows: z.array(importIssueSchema).describe("Each problem with its line, column, message and suggestions"),
  })
  .meta({ id: "MemberImportProblem" });

const binary = (types: readonly string[], description: string) => ({
  content: Object.fromEntries(types.map((t) => [t, { schema: z.string().meta({ format: "binary" }) }])),
  required: true,
  description,
});

export function registerNetworkRoutes(api: OpenAPIHono<ApiEnv>, services: AppServices) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/networks",
      summary: "Networks",
      description: "The directory: hosted networks first, then those recorded by their members; by part of the name or acronym (accent-insensitive), kind, hosted or not.",
      tags,
      request: { query: listNetworksInput },
      responses: { 200: json(pageOf(networkSummarySchema, "NetworkPage"), "A page of networks"), 400: problemResponse("Invalid query parameter") },
    }),
    async (c) => c.json(await listNetworks(services, c.req.valid("query"), c.get("locale")), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks",
      summary: "Create a hosted network",
      description: "Platform administrators. Names the secretariat organization; the network starts with the categories full, associate and partner. A repeated request within ten minutes returns the first network.",
      tags,
      security: bearer,
      request: { body: { content: { "application/json": { schema: createNetworkInput } }, required: true } },
      responses: { 201: json(networkProfileSchema, "The network"), 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      const { slug } = await createNetwork(services, c.get("actor"), c.req.valid("json"));
      return c.json(await getNetworkProfile(services, c.get("actor"), slug, c.get("locale")), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{slug}",
      summary: "A network's profile",
      description: "Hosted or external; with what the caller may do there (viewer). Live figures have their own operation.",
      tags,
      request: { params: slugParam },
      responses: { 200: json(networkProfileSchema, "The network"), 404: problemResponse("No such network") },
    }),
    async (c) => c.json(await getNetworkProfile(services, c.get("actor"), c.req.valid("param").slug, c.get("locale")), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/networks/{slug}",
      summary: "Edit a network's profile",
      description:
        "A hosted network's secretariat or an administrator; an external network's recording organization (its focal points). Only the fields sent change; the description is kept per language (descriptionLanguage); in names and acronyms a language sent empty is removed. secretariat: administrators only.",
      tags,
      security: bearer,
      request: { params: slugParam, body: { content: { "application/json": { schema: updateNetworkInput } }, required: true } },
      responses: { 200: json(networkProfileSchema, "The network"), 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      const { slug } = c.req.valid("param");
      await updateNetwork(services, c.get("actor"), slug, (await c.req.json()) as never);
      return c.json(await getNetworkProfile(services, c.get("actor"), slug, c.get("locale")), 200);
    },
  );

  // The logo's body is the image itself: bounded before it is read.
  api.use(
    "/networks/:slug/logo",
    bodyLimit({
      maxSize: maxLogoBytes,
      onError: (c) => {
        const t = c.get("t");
        return problem(c, {
          type: problemTypes.invalid,
          title: t("error.invalid.title"),
          status: 413,
          detail: t("validation.logoTooLarge"),
          instance: new URL(c.req.url).pathname,
          errors: [{ field: "logo", message: t("validation.logoTooLarge") }],
        });
      },
    }),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/networks/{slug}/logo",
      summary: "Set a network's logo",
      description: "Whoever may edit the network. The body is the image: PNG, JPEG or WebP (recognised by its content, whatever the Content-Type says), at most 200 KB.",
      tags,
      security: bearer,
      request: { params: slugParam, body: binary([...logoTypes, "application/octet-stream"], "The image") },
      responses: { 204: { description: "Set" }, 400: problemResponse("Not a PNG, JPEG or WebP image, or larger than 200 KB"), 413: problemResponse("Larger than 200 KB"), ...authResponses },
    }),
    async (c) => {
      await setNetworkLogo(services, c.get("actor"), c.req.valid("param").slug, new Uint8Array(await c.req.arrayBuffer()));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/networks/{slug}/logo",
      summary: "Remove a network's logo",
      tags,
      security: bearer,
      request: { params: slugParam },
      responses: { 204: { description: "Removed" }, ...authResponses },
    }),
    async (c) => {
      await setNetworkLogo(services, c.get("actor"), c.req.valid("param").slug, null);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/networks/{slug}/categories/{key}",
      summary: "Name a membership category",
      description: "The secretariat of a hosted network. A new key adds the category; an existing one is renamed (languages left out or empty are removed).",
      tags,
      security: bearer,
      request: {
        params: slugParam.extend({ key: categoryKey }),
        body: { content: { "application/json": { schema: saveNetworkCategoryInput.pick({ names: true }) } }, required: true },
      },
      responses: { 200: json(z.object({ created: z.boolean() }), "Saved"), 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      const { slug, key } = c.req.valid("param");
      return c.json(await saveNetworkCategory(services, c.get("actor"), slug, { key, names: c.req.valid("json").names }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{slug}/applications",
      summary: "Apply to join a hosted network",
      description:
        "The focal point of the organization the caller acts for (or of the one named). The secretariat is told by e-mail. Applying again while pending returns the same membership; after a decline or a withdrawal the membership applies again.",
      tags,
      security: bearer,
      request: { params: slugParam, body: { content: { "application/json": { schema: applyToNetworkInput } }, required: false } },
      responses: {
        201: json(z.object({ membershipId: z.string(), repeated: z.boolean() }), "The application"),
        400: problemResponse("Invalid input"),
        409: problemResponse("Already a member, an external network, or the secretariat itself"),
        ...authResponses,
      },
    }),
    async (c) => c.json(await applyToNetwork(services, c.get("actor"), c.req.valid("param").slug, c.req.valid("json") ?? {}), 201),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{slug}/memberships",
      summary: "Record a membership of an external network",
      description:
        "For a network not hosted here: the focal point records that their organization belongs to it, since a date when known (left out: unknown, never taken to be today). Recording it again changes nothing.",
      tags,
      security: bearer,
      request: { params: slugParam, body: { content: { "application/json": { schema: joinExternalNetworkInput } }, required: false } },
      responses: {
        201: json(z.object({ membershipId: z.string(), changed: z.boolean() }), "The membership"),
        400: problemResponse("Invalid input"),
        409: problemResponse("A hosted network: apply instead"),
        ...authResponses,
      },
    }),
    async (c) => c.json(await joinExternalNetwork(services, c.get("actor"), c.req.valid("param").slug, c.req.valid("json") ?? {}), 201),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{slug}/members",
      summary: "A network's members",
      description:
        "The member directory: by part of the name, country, category and population band of the member's city. Everyone sees active members; the secretariat sees every status and may filter by it.",
      tags,
      request: { params: slugParam, query: listNetworkMembersInput },
      responses: { 200: json(memberPageSchema, "A page of members"), 400: problemResponse("Invalid query parameter"), 404: problemResponse("No such network") },
    }),
    async (c) => c.json(await listNetworkMembers(services, c.get("actor"), c.req.valid("param").slug, c.req.valid("query"), c.get("locale")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{slug}/member-countries",
      summary: "The countries of a network's members",
      description: "The choices of the directory's country filter: the countries of the members the caller may see (active ones; every status for the secretariat), named in the response language and sorted by that name.",
      tags,
      request: { params: slugParam },
      responses: { 200: json(z.array(memberCountrySchema), "The countries"), 404: problemResponse("No such network") },
    }),
    async (c) => c.json(await listNetworkMemberCountries(services, c.get("actor"), c.req.valid("param").slug, c.get("locale")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{slug}/memberships/{membershipId}",
      summary: "A membership and its history",
      description: "For the network's secretariat and the member organization's people; anyone else gets 404.",
      tags,
      security: bearer,
      request: { params: membershipParams },
      responses: { 200: json(membershipSchema, "The membership"), ...authResponses },
    }),
    async (c) => {
      const { slug, membershipId } = c.req.valid("param");
      return c.json(wire(await getMembership(services, c.get("actor"), slug, membershipId, c.get("locale"))), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{slug}/memberships/{membershipId}/decision",
      summary: "Approve or decline an application",
      description:
        "The secretariat (platform administrators for a hosted network without one). Approving makes the organization an active member from today, in the category given (required when the network has categories: none is assumed); declining needs a reason, which the applicant is told by e-mail.",
      tags,
      security: bearer,
      request: { params: membershipParams, body: { content: { "application/json": { schema: decideMembershipInput } }, required: true } },
      responses: { 200: json(changedSchema, "Decided"), 400: problemResponse("Invalid input"), 409: problemResponse("Already decided otherwise"), ...authResponses },
    }),
    async (c) => {
      const { slug, membershipId } = c.req.valid("param");
      return c.json(await decideMembership(services, c.get("actor"), slug, membershipId, c.req.valid("json")), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{slug}/memberships/{membershipId}/status",
      summary: "Change a member's status or category",
      description: "The secretariat: active, inactive, suspended or withdrawn, with a reason and the date it takes effect (not in the future).",
      tags,
      security: bearer,
      request: { params: membershipParams, body: { content: { "application/json": { schema: changeMembershipStatusInput } }, required: true } },
      responses: { 200: json(changedSchema, "Changed"), 400: problemResponse("Invalid input"), 409: problemResponse("An application: decide it first"), ...authResponses },
    }),
    async (c) => {
      const { slug, membershipId } = c.req.valid("param");
      return c.json(await changeMembershipStatus(services, c.get("actor"), slug, membershipId, c.req.valid("json")), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{slug}/memberships/{membershipId}/withdrawal",
      summary: "Withdraw an application, or leave",
      description: "The member organization's focal points.",
      tags,
      security: bearer,
      request: { params: membershipParams, body: { content: { "application/json": { schema: withdrawMembershipInput } }, required: false } },
      responses: { 200: json(changedSchema, "Withdrawn"), 409: problemResponse("A declined application"), ...authResponses },
    }),
    async (c) => {
      const { slug, membershipId } = c.req.valid("param");
      return c.json(await withdrawMembership(services, c.get("actor"), slug, membershipId, c.req.valid("json") ?? {}), 200);
    },
  );

  api.use(
    "/networks/:slug/member-imports",
    bodyLimit({
      maxSize: maxImportBytes,
      onError: (c) => {
        const t = c.get("t");
        const message = t("networks.import.error.tooLarge", { kb: maxImportBytes / 1024 });
        return problem(c, { type: problemTypes.invalid, title: t("error.invalid.title"), status: 413, detail: message, errors: [{ field: "file", message }] });
      },
    }),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{slug}/member-imports",
      summary: "Import members from CSV",
      description:
        "The secretariat. The body is the CSV (columns city or geonames_id, country, status, since, category). Every row is checked and matched to a reference city; with any problem nothing changes and the answer is 422 with every bad row. dryRun=true reports what a clean file would change: the counts, every membership it would add (and whether the city's local government would be created) and every current member it would change, with each change from → to; otherwise it is imported all at once and the answer says the same of what was done. Importing the same file again changes nothing.",
      tags,
      security: bearer,
      request: {
        params: slugParam,
        query: z.object({ dryRun: z.enum(["true", "false"]).default("false").describe("true: check and report, change nothing") }),
        body: { content: { "text/csv": { schema: z.string() } }, required: true, description: "The CSV, UTF-8, comma or semicolon separated" },
      },
      responses: {
        200: json(importReportSchema, "Clean: what was (or would be) changed"),
        413: problemResponse("Larger than the limit"),
        422: { description: "Bad rows: nothing changed", content: { "application/problem+json": { schema: importProblemSchema } } },
        ...authResponses,
      },
    }),
    async (c) => {
      const { slug } = c.req.valid("param");
      const dryRun = c.req.valid("query").dryRun === "true";
      const report = await importNetworkMembers(services, c.get("actor"), slug, { csv: await c.req.text(), dryRun });
      const t = c.get("t");
      if (report.issues.length > 0) {
        const rows = report.issues.map((i) => ({ line: i.line, column: i.column, message: t(i.message, i.values), ...(i.suggestions ? { suggestions: i.suggestions } : {}) }));
        // A problem answer of its own (422, with the rows): not the typed JSON of the 200.
        return problem(c, {
          type: problemTypes.invalid,
          title: t("error.invalid.title"),
          status: 422,
          detail: t("networks.import.problems", { count: report.issues.length, rows: report.rowCount }),
          instance: new URL(c.req.url).pathname,
          errors: rows.map((r) => ({ field: r.line === 0 ? r.column : `line ${r.line}: ${r.column}`, message: r.message })),
          rows,
        } as never) as never;
      }
      return c.json({ rowCount: report.rowCount, dryRun: report.dryRun, imported: report.imported, counts: report.counts!, changes: report.changes! }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/external-networks",
      summary: "Record a network not hosted here",
      description:
        "An organization's focal point records a network that is not run on Pares (UCLG, C40…) with the organization's membership of it. A network already recorded under the same name or acronym (accents and case ignored) is reused; a hosted one is refused.",
      tags,
      security: bearer,
      request: { body: { content: { "application/json": { schema: recordExternalNetworkInput } }, required: true } },
      responses: {
        201: json(z.object({ slug: z.string(), created: z.boolean().describe("False when an existing record was reused"), membershipId: z.string() }), "Recorded"),
        400: problemResponse("Invalid input"),
        ...authResponses,
      },
    }),
    async (c) => c.json(await recordExternalNetwork(services, c.get("actor"), c.req.valid("json")), 201),
  );
}
