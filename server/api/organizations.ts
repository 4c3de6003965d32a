// /api/v1 organizations, their members, invitations and join requests.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { acceptInvitation } from "../../modules/organizations/accept-invitation.ts";
import { changeMemberRole } from "../../modules/organizations/change-member-role.ts";
import { createOrganization } from "../../modules/organizations/create-organization.ts";
import { decideJoinRequest } from "../../modules/organizations/decide-join-request.ts";
import { getOrganization } from "../../modules/organizations/get-organization.ts";
import {
  changeMemberRoleInput,
  createOrganizationInput,
  decideJoinRequestInput,
  inviteMemberInput,
  joinRequestInput,
  listOrganizationsInput,
  organizationSlug,
  updateOrganizationInput,
} from "../../modules/organizations/inputs.ts";
import { inviteMember } from "../../modules/organizations/invite-member.ts";
import { listMembers } from "../../modules/organizations/list-members.ts";
import { listOrganizations } from "../../modules/organizations/list-organizations.ts";
import { mergeOrganizations } from "../../modules/organizations/merge-organizations.ts";
import { removeMember } from "../../modules/organizations/remove-member.ts";
import { requestToJoin } from "../../modules/organizations/request-to-join.ts";
import { revokeInvitation } from "../../modules/organizations/revoke-invitation.ts";
import { setActingOrganization } from "../../modules/organizations/set-acting-organization.ts";
import { updateOrganization } from "../../modules/organizations/update-organization.ts";
import { verifyOrganization } from "../../modules/organizations/verify-organization.ts";
import { reloadActor } from "../../modules/organizations/actor.ts";
import type { AppServices } from "../../platform/context.ts";
import { type ApiEnv, authResponses, bearer, json, problemResponse, wire } from "./common.ts";
import { memberListSchema, organizationSchema, organizationSummarySchema, pageOf } from "./schemas.ts";

const tags = ["Organizations"];
const slugParam = z.object({ slug: z.string().max(100).describe("The organization's slug") });
const created = (schema: z.ZodType, description: string) => json(schema, description);
const idSchema = z.object({ id: z.string() });

export function registerOrganizationRoutes(api: OpenAPIHono<ApiEnv>, services: AppServices) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/organizations",
      summary: "Search organizations",
      description: "The public directory: by part of the name (accent-insensitive), kind and country; verified first.",
      tags,
      request: { query: listOrganizationsInput },
      responses: { 200: json(pageOf(organizationSummarySchema, "OrganizationPage"), "A page of organizations"), 400: problemResponse("Invalid query parameter") },
    }),
    async (c) => c.json(await listOrganizations(services, c.req.valid("query"), c.get("locale")), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/organizations",
      summary: "Register an organization",
      description: "The caller becomes its focal point and acts for it. A city has one local government: a second one is refused on cityId.",
      tags,
      security: bearer,
      request: { body: { content: { "application/json": { schema: createOrganizationInput } }, required: true } },
      responses: { 201: created(organizationSchema, "The organization"), 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      const actor = c.get("actor");
      const { slug } = await createOrganization(services, actor, c.req.valid("json"));
      return c.json(await getOrganization(services, await reloadActor(services, actor), slug, c.get("locale")), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/organizations/{slug}",
      summary: "An organization",
      description: "Its public profile and what the caller may do there (viewer).",
      tags,
      request: { params: slugParam },
      responses: { 200: json(organizationSchema, "The organization"), 404: problemResponse("No such organization") },
    }),
    async (c) => c.json(await getOrganization(services, c.get("actor"), c.req.valid("param").slug, c.get("locale")), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/organizations/{slug}",
      summary: "Edit an organization's profile",
      description: "Focal points and administrators. The description is stored per language (descriptionLanguage).",
      tags,
      security: bearer,
      request: { params: slugParam, body: { content: { "application/json": { schema: updateOrganizationInput } }, required: true } },
      responses: { 200: json(organizationSchema, "The organization"), 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      const { slug } = c.req.valid("param");
      await updateOrganization(services, c.get("actor"), slug, (await c.req.json()) as never);
      return c.json(await getOrganization(services, c.get("actor"), slug, c.get("locale")), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/organizations/{slug}/members",
      summary: "Members of an organization",
      description: "For its members and administrators; addresses, open invitations and pending requests only for focal points.",
      tags,
      security: bearer,
      request: { params: slugParam },
      responses: { 200: json(memberListSchema, "Members"), ...authResponses },
    }),
    async (c) => c.json(wire(await listMembers(services, c.get("actor"), c.req.valid("param").slug)), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/organizations/{slug}/members/{userId}",
      summary: "Change a member's role",
      description: "Focal points. The last focal point keeps the role until another is named.",
      tags,
      security: bearer,
      request: {
        params: slugParam.extend({ userId: z.string().max(100) }),
        body: { content: { "application/json": { schema: changeMemberRoleInput } }, required: true },
      },
      responses: { 204: { description: "Changed" }, 400: problemResponse("Invalid role"), 409: problemResponse("Last focal point"), ...authResponses },
    }),
    async (c) => {
      const { slug, userId } = c.req.valid("param");
      await changeMemberRole(services, c.get("actor"), slug, userId, c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/organizations/{slug}/members/{userId}",
      summary: "Remove a member, or leave",
      description: "Focal points remove members; anyone may remove themselves (leave).",
      tags,
      security: bearer,
      request: { params: slugParam.extend({ userId: z.string().max(100) }) },
      responses: { 204: { description: "Removed" }, 409: problemResponse("Last focal point"), ...authResponses },
    }),
    async (c) => {
      const { slug, userId } = c.req.valid("param");
      await removeMember(services, c.get("actor"), slug, userId);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/organizations/{slug}/invitations",
      summary: "Invite someone by e-mail",
      description: "Focal points. Sends a single-use link valid for 7 days, in the language given.",
      tags,
      security: bearer,
      request: { params: slugParam, body: { content: { "application/json": { schema: inviteMemberInput } }, required: true } },
      responses: { 201: created(idSchema, "The invitation"), 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      const { id } = await inviteMember(services, c.get("actor"), c.req.valid("param").slug, c.req.valid("json"));
      return c.json({ id }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/organizations/{slug}/invitations/{invitationId}",
      summary: "Withdraw an invitation",
      tags,
      security: bearer,
      request: { params: slugParam.extend({ invitationId: z.string().max(100) }) },
      responses: { 204: { description: "Withdrawn" }, ...authResponses },
    }),
    async (c) => {
      const { slug, invitationId } = c.req.valid("param");
      await revokeInvitation(services, c.get("actor"), slug, invitationId);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/invitations/{token}/acceptance",
      summary: "Accept an invitation",
      description: "The caller's address must be the invited one. Works once.",
      tags,
      security: bearer,
      request: { params: z.object({ token: z.string().max(200) }) },
      responses: { 200: json(z.object({ slug: z.string() }), "Joined"), ...authResponses },
    }),
    async (c) => c.json(await acceptInvitation(services, c.get("actor"), c.req.valid("param").token), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/organizations/{slug}/join-requests",
      summary: "Ask to join",
      description: "The focal points are told by e-mail. Asking again while pending returns the same request.",
      tags,
      security: bearer,
      request: { params: slugParam, body: { content: { "application/json": { schema: joinRequestInput } }, required: false } },
      responses: { 201: created(idSchema, "The request"), 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      const { id } = await requestToJoin(services, c.get("actor"), c.req.valid("param").slug, c.req.valid("json") ?? {});
      return c.json({ id }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/organizations/{slug}/join-requests/{requestId}/decision",
      summary: "Approve or decline a request to join",
      tags,
      security: bearer,
      request: {
        params: slugParam.extend({ requestId: z.string().max(100) }),
        body: { content: { "application/json": { schema: decideJoinRequestInput } }, required: true },
      },
      responses: { 204: { description: "Decided" }, 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      const { slug, requestId } = c.req.valid("param");
      await decideJoinRequest(services, c.get("actor"), slug, requestId, c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/me/acting-organization",
      summary: "Choose the organization to act for",
      tags,
      security: bearer,
      request: { body: { content: { "application/json": { schema: z.object({ slug: organizationSlug }) } }, required: true } },
      responses: { 204: { description: "Chosen" }, 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      await setActingOrganization(services, c.get("actor"), c.req.valid("json").slug);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/organizations/{slug}/verification",
      summary: "Verify an organization",
      description: "Platform administrators.",
      tags: ["Administration"],
      security: bearer,
      request: { params: slugParam },
      responses: { 204: { description: "Verified" }, ...authResponses },
    }),
    async (c) => {
      await verifyOrganization(services, c.get("actor"), c.req.valid("param").slug);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/organization-merges",
      summary: "Merge a duplicate organization into another",
      description: "Platform administrators. Members, open invitations and pending requests move; the duplicate's page redirects.",
      tags: ["Administration"],
      security: bearer,
      request: { body: { content: { "application/json": { schema: z.object({ duplicate: organizationSlug, into: organizationSlug }) } }, required: true } },
      responses: { 204: { description: "Merged" }, 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      await mergeOrganizations(services, c.get("actor"), c.req.valid("json"));
      return c.body(null, 204);
    },
  );
}
