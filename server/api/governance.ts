// /api/v1 a network's bodies, seats, terms, roles, candidacies and technical teams.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { addTeamMember } from "../../modules/governance/add-team-member.ts";
import { assignRole } from "../../modules/governance/assign-role.ts";
import { createBody } from "../../modules/governance/create-body.ts";
import { createTerm } from "../../modules/governance/create-term.ts";
import { decideCandidacy } from "../../modules/governance/decide-candidacy.ts";
import { endRole } from "../../modules/governance/end-role.ts";
import { getBody } from "../../modules/governance/get-body.ts";
import {
  assignRoleInput,

  createBodyInput,
  createTermInput,
  decideCandidacyInput,
  endRoleInput,
  listCandidaciesInput,
  listRolesInput,
  participationInput,
  setSeatsInput,
  submitCandidacyInput,
  updateBodyInput,
  updateTermInput,
} from "../../modules/governance/inputs.ts";
import { joinUnit } from "../../modules/governance/join-unit.ts";
import { leaveUnit } from "../../modules/governance/leave-unit.ts";
import { listBodies } from "../../modules/governance/list-bodies.ts";
import { listCandidacies } from "../../modules/governance/list-candidacies.ts";
import { listRoles } from "../../modules/governance/list-roles.ts";
import { listTerms } from "../../modules/governance/list-terms.ts";
import { removeTeamMember } from "../../modules/governance/remove-team-member.ts";
import { localizeGovernanceError } from "../../modules/governance/rules.ts";
import { bodyKinds, candidacyRoles, candidacyStatuses, decidingBodies, roleKinds } from "../../modules/governance/schema.ts";
import { setCouncilSeats } from "../../modules/governance/set-council-seats.ts";
import { submitCandidacy } from "../../modules/governance/submit-candidacy.ts";
import { updateBody } from "../../modules/governance/update-body.ts";
import { updateTerm } from "../../modules/governance/update-term.ts";
import { withdrawCandidacy } from "../../modules/governance/withdraw-candidacy.ts";
import type { AppServices } from "../../platform/context.ts";
import { type ApiEnv, authResponses, bearer, json, problemResponse, wire } from "./common.ts";

const tags = ["Network governance"];

// Response schemas of this area.
const holding = z.enum(["current", "upcoming", "past"]).describe("Where the role stands today");
const named = z.object({ slug: z.string(), name: z.string().describe("In the response language, else the original") });

const roleSchema = z
  .object({
    id: z.string(),
    role: z.enum(roleKinds),
    body: named.extend({ kind: z.enum(bodyKinds) }),
    organization: named,
    term: z.object({ id: z.string(), label: z.string() }).nullable(),
    startsOn: z.string().describe("First day held (YYYY-MM-DD)"),
    endsOn: z.string().nullable().describe("Last day held, inclusive; null while open-ended"),
    holding,
    seatCountryCode: z.string().nullable().describe("A council seat's country"),
    sourceUrl: z.string().nullable().describe("Where a real role is documented (given only by a hosted network's secretariat or a platform administrator)"),
    candidacyId: z.string().nullable().describe("The candidacy it came from"),
  })
  .meta({ id: "NetworkRole" });

const historySchema = roleSchema
  .extend({ fromYear: z.number().int(), toYear: z.number().int() })
  .describe("A past role with the years it was held, as in “Coordinated Culture 2022–2023”")
  .meta({ id: "NetworkRoleHistory" });

const termSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    candidaciesOpenOn: z.string().nullable(),
    candidaciesCloseOn: z.string().nullable(),
    status: z.enum(["upcoming", "current", "past"]),
    windowOpen: z.boolean().describe("Candidacies are received today"),
  })
  .meta({ id: "NetworkTerm" });

const candidacySchema = z
  .object({
    id: z.string(),
    body: named,
    term: z.object({ id: z.string(), label: z.string(), startsOn: z.string(), endsOn: z.string() }),
    organization: named.extend({ id: z.string() }),
    role: z.enum(candidacyRoles),
    statement: z.string().nullable(),
    status: z.enum(candidacyStatuses),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    decidingBody: z.enum(decidingBodies).nullable(),
    decisionReference: z.string().nullable(),
    decisionReason: z.string().nullable(),
    roleId: z.string().nullable().describe("The role an approved candidacy became"),
  })
  .meta({ id: "Candidacy" });

const networkRef = z.object({ slug: z.string(), name: z.string(), hosted: z.boolean() });

const bodiesSchema = z
  .object({
    network: networkRef,
    groups: z.array(
      z.object({
        kind: z.enum(bodyKinds),
        bodies: z.array(
          z.object({
            slug: z.string(),
            kind: z.enum(bodyKinds),
            name: z.string(),
            nameLanguage: z.string(),
            active: z.boolean(),
            themes: z.array(z.object({ id: z.string(), name: z.string() })),
            holders: z.array(roleSchema).describe("Roles held today, coordinators first, then sub-coordinators and members, each by name (plain members of units are counted instead)"),
            memberCount: z.number().int().describe("Organizations taking part as members today (not counting those that coordinate the unit)"),
          }),
        ),
      }),
    ),
    viewer: z.object({ canManage: z.boolean() }),
  })
  .meta({ id: "NetworkBodies" });

const translated = z.object({ es: z.string().optional(), pt: z.string().optional(), en: z.string().optional() });

const bodySchema = z
  .object({
    network: networkRef,
    body: z.object({
      slug: z.string(),
      kind: z.enum(bodyKinds),
      name: z.string(),
      nameLanguage: z.string(),
      names: translated.describe("The name in each language written"),
      originalLanguage: z.string(),
      description: z.object({ text: z.string(), language: z.string(), fallback: z.boolean() }).nullable(),
      descriptions: translated,
      themes: z.array(z.object({ id: z.string(), name: z.string() })),
      themeIds: z.array(z.string()),
      regionCodes: z.array(z.string()),
      active: z.boolean(),
      position: z.number().int(),
      roleKinds: z.array(z.enum(roleKinds)).describe("The roles this kind of body has"),
      unit: z.boolean().describe("A unit, working group or commission: organizations join it and apply to coordinate it"),
    }),
    seats: z.array(z.object({ countryCode: z.string(), country: z.string(), seats: z.number().int(), taken: z.number().int() })).nullable().describe("A council's seats per country"),
    current: z.array(roleSchema).describe("Roles held today: coordinators first, then sub-coordinators (and members, in bodies other than units), each by name"),
    participants: z.array(roleSchema).describe("Organizations taking part in a unit only as members (one that coordinates it is listed in current), by name"),
    upcoming: z.array(roleSchema).describe("Roles starting later, such as approved candidacies for the next term"),
    history: z.array(historySchema),
    team: z
      .array(z.object({ organization: named, people: z.array(z.object({ userId: z.string(), name: z.string(), position: z.string().nullable() })) }))
      .nullable()
      .describe("Technical teams (people still in their organization): only for the unit's organizations that are active members of the network, its coordinators and the secretariat"),
    terms: z.array(termSchema),
    candidacies: z.array(candidacySchema).nullable().describe("For the secretariat: candidacies for terms not yet started"),
    viewer: z.object({
      canManage: z.boolean().describe("Creates and edits bodies, seats and terms"),
      canAssign: z.boolean().describe("Records roles: any organization's (a hosted network's secretariat, an administrator) or, in an external network, its own organization's"),
      canEditDescription: z.boolean(),
      coordinates: z.boolean(),
      canJoinUnit: z.boolean().describe("False for an organization already taking part (as a member, coordinator or sub-coordinator)"),
      canLeaveUnit: z.boolean(),
      canJoinTeam: z.boolean(),
      canLeaveTeam: z.boolean(),
    }),
  })
  .meta({ id: "NetworkBody" });

const slugParams = z.object({ slug: z.string().max(100).describe("The network's slug") });
const bodyParams = slugParams.extend({ bodySlug: z.string().max(100).describe("The body's slug within the network") });
const idSchema = z.object({ id: z.string() });
const assignedSchema = z.object({ id: z.string(), created: z.boolean().describe("False when the same role was already recorded (nothing written)") }).meta({ id: "AssignedRole" });
const joinedSchema = z
  .object({
    joined: z.boolean().describe("False when the organization already took part in the unit — as a member, coordinator or sub-coordinator — and nothing changed"),
    roles: z.array(z.enum(roleKinds)).describe("The roles it holds in the unit today, coordination first"),
  })
  .meta({ id: "UnitParticipation" });
const jsonBody = <T extends z.ZodType>(schema: T, required = true) => ({ content: { "application/json": { schema } }, required });

/** Runs a use case; a broken governance rule becomes a problem whose message says what is in the way, in the request's language. */
async function governed<T>(c: Context<ApiEnv>, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw localizeGovernanceError(error, c.get("locale"));
  }
}

export function registerGovernanceRoutes(api: OpenAPIHono<ApiEnv>, services: AppServices) {
  const detail = (c: Context<ApiEnv>, slug: string, body: string) => getBody(services, c.get("actor"), slug, body, c.get("locale")).then(toBodyDetail);

  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{slug}/bodies",
      summary: "A network's bodies",
      description: "Grouped by kind (presidency, vice-presidencies, council, executive direction, secretariat, units, groups, commissions), each with who holds its roles today.",
      tags,
      request: { params: slugParams },
      responses: { 200: json(bodiesSchema, "Bodies"), 404: problemResponse("No such network") },
    }),
    async (c) => c.json(wire(await listBodies(services, c.get("actor"), c.req.valid("param").slug, c.get("locale"))), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{slug}/bodies",
      summary: "Create a body",
      description: "The network's secretariat (or, for an external network, the organization that recorded it). Sent twice, the same body is returned.",
      tags,
      security: bearer,
      request: { params: slugParams, body: jsonBody(createBodyInput) },
      responses: { 201: json(bodySchema, "The body"), 400: problemResponse("Invalid input"), 409: problemResponse("Another body has that address"), ...authResponses },
    }),
    async (c) => {
      const { slug } = c.req.valid("param");
      const created = await governed(c, createBody(services, c.get("actor"), slug, c.req.valid("json")));
      return c.json(await detail(c, slug, created.slug), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{slug}/bodies/{bodySlug}",
      summary: "A body",
      description: "Description, themes, seats, current, upcoming and past holders; its technical team and next term's candidacies only for those allowed.",
      tags,
      request: { params: bodyParams },
      responses: { 200: json(bodySchema, "The body"), 404: problemResponse("No such network or body") },
    }),
    async (c) => {
      const { slug, bodySlug: body } = c.req.valid("param");
      return c.json(await detail(c, slug, body), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/networks/{slug}/bodies/{bodySlug}",
      summary: "Edit a body",
      description: "The secretariat changes anything; the unit's coordinators only its description. Name and description are written per language.",
      tags,
      security: bearer,
      request: { params: bodyParams, body: jsonBody(updateBodyInput) },
      responses: { 200: json(bodySchema, "The body"), 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      const { slug, bodySlug: body } = c.req.valid("param");
      await governed(c, updateBody(services, c.get("actor"), slug, body, (await c.req.json()) as never));
      return c.json(await detail(c, slug, body), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/networks/{slug}/bodies/{bodySlug}/seats",
      summary: "Set a council's seats per country",
      description: "The whole list: countries left out have none. A country cannot get fewer seats than the council members it has at once from today on.",
      tags,
      security: bearer,
      request: { params: bodyParams, body: jsonBody(setSeatsInput) },
      responses: { 204: { description: "Set" }, 400: problemResponse("Invalid input"), 409: problemResponse("Fewer seats than their holders"), ...authResponses },
    }),
    async (c) => {
      const { slug, bodySlug: body } = c.req.valid("param");
      await governed(c, setCouncilSeats(services, c.get("actor"), slug, body, c.req.valid("json")));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{slug}/terms",
      summary: "A network's terms",
      description: "Oldest first, with their candidacy windows and whether candidacies are received today.",
      tags,
      request: { params: slugParams },
      responses: { 200: json(z.object({ items: z.array(termSchema) }), "Terms"), 404: problemResponse("No such network") },
    }),
    async (c) => c.json({ items: (await listTerms(services, c.get("actor"), c.req.valid("param").slug, c.get("locale"))).terms }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{slug}/terms",
      summary: "Add a term",
      description: "The secretariat. Terms do not overlap; the candidacy window closes before the term starts.",
      tags,
      security: bearer,
      request: { params: slugParams, body: jsonBody(createTermInput) },
      responses: { 201: json(idSchema, "The term"), 400: problemResponse("Invalid input"), 409: problemResponse("Overlaps another term"), ...authResponses },
    }),
    async (c) => c.json(await governed(c, createTerm(services, c.get("actor"), c.req.valid("param").slug, c.req.valid("json"))), 201),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/networks/{slug}/terms/{termId}",
      summary: "Edit a term",
      description: "Only the fields given change; the dates may not leave a role of the term outside them.",
      tags,
      security: bearer,
      request: { params: slugParams.extend({ termId: z.string().max(100) }), body: jsonBody(updateTermInput) },
      responses: { 204: { description: "Changed" }, 400: problemResponse("Invalid input"), 409: problemResponse("Overlaps another term, or leaves roles outside"), ...authResponses },
    }),
    async (c) => {
      const { slug, termId } = c.req.valid("param");
      await governed(c, updateTerm(services, c.get("actor"), slug, termId, (await c.req.json()) as never));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{slug}/roles",
      summary: "A network's roles",
      description: "By body, organization, and whether current, upcoming or past; newest first.",
      tags,
      request: { params: slugParams, query: listRolesInput },
      responses: {
        200: json(z.object({ items: z.array(roleSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), pageCount: z.number().int() }).meta({ id: "NetworkRolePage" }), "Roles"),
        400: problemResponse("Invalid query parameter"),
        404: problemResponse("No such network"),
      },
    }),
    async (c) => c.json(await governed(c, listRoles(services, c.get("actor"), c.req.valid("param").slug, c.req.valid("query"), c.get("locale"))), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{slug}/roles",
      summary: "Assign a role",
      description:
        "In a hosted network, its secretariat. In an external network, an organization's focal point for its own roles only (the organization that recorded the network keeps its bodies and terms, not other organizations' roles). A platform administrator in both. `sourceUrl` only from a hosted network's secretariat or an administrator (refused otherwise). Checked: the role fits the body; end ≥ start; inside the term; the body is active; the organization is an active member of the network (hosted or external; admitted at the time, for past roles); no overlapping coordinations of a unit by one organization; one president at a time; council seats per country.",
      tags,
      security: bearer,
      request: { params: slugParams, body: jsonBody(assignRoleInput) },
      responses: {
        201: json(assignedSchema, "The role, recorded now"),
        200: json(assignedSchema, "The same role (body, organization, role and dates) was already recorded: nothing changed"),
        400: problemResponse("Invalid input or a rule broken"),
        409: problemResponse("Conflicts with a role already recorded"),
        ...authResponses,
      },
    }),
    async (c) => {
      const role = await governed(c, assignRole(services, c.get("actor"), c.req.valid("param").slug, c.req.valid("json")));
      return role.created ? c.json(role, 201) : c.json(role, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{slug}/roles/{roleId}/end",
      summary: "End a role",
      description: "Sets its last day (today unless given); the role stays in the history. Who may: a hosted network's secretariat; in an external network only the organization holding the role (its focal point); a platform administrator in both.",
      tags,
      security: bearer,
      request: { params: slugParams.extend({ roleId: z.string().max(100) }), body: jsonBody(endRoleInput, false) },
      responses: { 204: { description: "Ended" }, 400: problemResponse("Invalid input"), 409: problemResponse("Already ended"), ...authResponses },
    }),
    async (c) => {
      const { slug, roleId } = c.req.valid("param");
      await governed(c, endRole(services, c.get("actor"), slug, roleId, c.req.valid("json") ?? {}));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{slug}/candidacies",
      summary: "Candidacies to coordinate units",
      description: "The secretariat sees all (by term, unit and status); anyone else their organizations' own.",
      tags,
      security: bearer,
      request: { params: slugParams, query: listCandidaciesInput },
      responses: { 200: json(z.object({ items: z.array(candidacySchema) }), "Candidacies"), 400: problemResponse("Invalid query parameter"), ...authResponses },
    }),
    async (c) => {
      const list = await governed(c, listCandidacies(services, c.get("actor"), c.req.valid("param").slug, c.req.valid("query"), c.get("locale")));
      return c.json({ items: wire(list.items) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{slug}/candidacies",
      summary: "Apply to coordinate a unit",
      description:
        "An active member organization's focal point, for a term not started while its candidacy window is open, unless the organization already coordinates the unit in a period overlapping the term; one live candidacy per unit, term and organization.",
      tags,
      security: bearer,
      request: { params: slugParams, body: jsonBody(submitCandidacyInput) },
      responses: { 201: json(idSchema, "The candidacy"), 400: problemResponse("Invalid input or a rule broken"), 409: problemResponse("A live candidacy exists"), ...authResponses },
    }),
    async (c) => c.json(await governed(c, submitCandidacy(services, c.get("actor"), c.req.valid("param").slug, c.req.valid("json"))), 201),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{slug}/candidacies/{id}/decision",
      summary: "Record the decision on a candidacy",
      description: "The secretariat records what the assembly or council decided. Approved: a role from the term's start (every role rule applies). The candidate's focal points are told by e-mail.",
      tags,
      security: bearer,
      request: { params: slugParams.extend({ id: z.string().max(100) }), body: jsonBody(decideCandidacyInput) },
      responses: {
        200: json(z.object({ roleId: z.string().nullable() }), "Decided"),
        400: problemResponse("Invalid input or a rule broken"),
        409: problemResponse("Already decided, or the role would conflict"),
        ...authResponses,
      },
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      return c.json(await governed(c, decideCandidacy(services, c.get("actor"), slug, id, c.req.valid("json"))), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{slug}/candidacies/{id}/withdrawal",
      summary: "Withdraw a candidacy",
      description: "The candidate organization's focal point, before a decision.",
      tags,
      security: bearer,
      request: { params: slugParams.extend({ id: z.string().max(100) }) },
      responses: { 204: { description: "Withdrawn" }, 409: problemResponse("Already decided"), ...authResponses },
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      await governed(c, withdrawCandidacy(services, c.get("actor"), slug, id));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{slug}/bodies/{bodySlug}/participation",
      summary: "Join a unit",
      description:
        "An organization that is an active member of the network, hosted or external (its focal point), takes part in a unit from today. One already taking part — a member, or its coordinator or sub-coordinator — is told so (`joined` false) and nothing changes: no member role is added to a coordination.",
      tags,
      security: bearer,
      request: { params: bodyParams, body: jsonBody(participationInput, false) },
      responses: { 200: json(joinedSchema, "Joined, or already taking part"), 400: problemResponse("Invalid input or a rule broken"), ...authResponses },
    }),
    async (c) => {
      const { slug, bodySlug: body } = c.req.valid("param");
      return c.json(await governed(c, joinUnit(services, c.get("actor"), slug, body, c.req.valid("json") ?? {})), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/networks/{slug}/bodies/{bodySlug}/participation",
      summary: "Leave a unit",
      description: "The organization's member role in the unit ends today; unless it holds another role there (a coordination), its people leave the unit's team. A coordination is ended as a role (POST /networks/{slug}/roles/{roleId}/end).",
      tags,
      security: bearer,
      request: { params: bodyParams, body: jsonBody(participationInput, false) },
      responses: { 204: { description: "Left" }, 400: problemResponse("Invalid input or a rule broken"), ...authResponses },
    }),
    async (c) => {
      const { slug, bodySlug: body } = c.req.valid("param");
      await governed(c, leaveUnit(services, c.get("actor"), slug, body, c.req.valid("json") ?? {}));
      return c.body(null, 204);
    },
  );

  for (const method of ["post", "delete"] as const) {
    api.openapi(
      createRoute({
        method,
        path: "/networks/{slug}/bodies/{bodySlug}/team/{userId}",
        summary: method === "post" ? "Add a person to a unit's technical team" : "Take a person off a unit's technical team",
        description: "A person for themselves; an organization's focal point for any of its members. Adding: only for organizations taking part in the unit that are active members of the network.",
        tags,
        security: bearer,
        request: { params: bodyParams.extend({ userId: z.string().max(100) }), body: jsonBody(participationInput, false) },
        responses: { 204: { description: "Done" }, 400: problemResponse("Invalid input or a rule broken"), ...authResponses },
      }),
      async (c) => {
        const { slug, bodySlug: body, userId } = c.req.valid("param");
        const input = c.req.valid("json") ?? {};
        await governed(c, (method === "post" ? addTeamMember : removeTeamMember)(services, c.get("actor"), slug, body, userId, input));
        return c.body(null, 204);
      },
    );
  }
}

/** The body as the API shows it: what the page needs for its forms (member lists, people to add) is left out. */
function toBodyDetail(detail: Awaited<ReturnType<typeof getBody>>) {
  const { members: _members, viewer, ...rest } = detail;
  return wire({
    ...rest,
    viewer: {
      canManage: viewer.canManage,
      canEditDescription: viewer.canEditDescription,
      coordinates: viewer.coordinates,
      canAssign: viewer.canAssign,
      canJoinUnit: viewer.canJoinUnit,
      canLeaveUnit: viewer.canLeaveUnit,
      canJoinTeam: viewer.canJoinTeam,
      canLeaveTeam: viewer.canLeaveTeam,
    },
  });
}


