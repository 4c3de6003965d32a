// /api/v1 exchange connections: contact requests (ask, answer), the private conversations they
// open (read, write with attachments, close with an outcome), and a network's exchange outcomes.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { closeConversation } from "../../modules/exchange/close-conversation.ts";
import { decideContact } from "../../modules/exchange/decide-contact.ts";
import { getContact } from "../../modules/exchange/get-contact.ts";
import { getConversation } from "../../modules/exchange/get-conversation.ts";
import { getExchangeOutcomes } from "../../modules/exchange/get-exchange-outcomes.ts";
import { closeConversationInput, contactId, conversationId, decideContactInput, postMessageInput, requestContactInput } from "../../modules/exchange/inputs.ts";
import { listContacts, listConversations } from "../../modules/exchange/list-conversations.ts";
import { getMessageFile } from "../../modules/exchange/get-message-file.ts";
import { maxMessageFileBytes, maxMessageFiles, postMessage } from "../../modules/exchange/post-message.ts";
import { requestContact } from "../../modules/exchange/request-contact.ts";
import { contactStatuses, conversationOutcomes } from "../../modules/exchange/schema.ts";
import type { AppServices } from "../../platform/context.ts";
import { problemTypes } from "../../platform/http/problem.ts";
import { type ApiEnv, authResponses, bearer, json, problem, problemResponse, wire } from "./common.ts";

const tags = ["Exchange"];

const contactSchema = z
  .object({
    id: z.string(),
    direction: z.enum(["incoming", "outgoing"]),
    itemId: z.string(),
    itemTitle: z.string(),
    otherOrganization: z.string(),
    message: z.string(),
    status: z.enum(contactStatuses),
    declineReason: z.string().nullable(),
    createdAt: z.string(),
    conversationId: z.string().nullable(),
  })
  .meta({ id: "ExchangeContact" });

const conversationSummarySchema = z
  .object({ id: z.string(), itemTitle: z.string(), otherOrganization: z.string(), lastMessageAt: z.string(), unread: z.number().int(), open: z.boolean(), outcome: z.enum(conversationOutcomes).nullable() })
  .meta({ id: "ExchangeConversationSummary" });

const conversationSchema = z
  .object({
    id: z.string(),
    item: z.object({ id: z.string(), title: z.string(), kind: z.string() }),
    organizations: z.array(z.object({ slug: z.string(), name: z.string(), own: z.boolean() })),
    messages: z.array(
      z.object({
        id: z.string(),
        author: z.string(),
        organization: z.string(),
        own: z.boolean(),
        body: z.string(),
        createdAt: z.string(),
        files: z.array(z.object({ id: z.string(), name: z.string(), bytes: z.number().int(), contentType: z.string() })),
        unread: z.boolean(),
      }),
    ),
    open: z.boolean(),
    outcome: z.enum(conversationOutcomes).nullable(),
    outcomeNote: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: "ExchangeConversation" });

export function registerExchangeConversationRoutes(api: OpenAPIHono<ApiEnv>, services: AppServices) {
  api.use(
    "/exchange/conversations/:id/messages",
    bodyLimit({
      maxSize: maxMessageFiles * maxMessageFileBytes + 256 * 1024,
      onError: (c) => {
        const t = c.get("t");
        const detail = t("exchange.validation.filesTooLarge");
        return problem(c, { type: problemTypes.invalid, title: t("error.invalid.title"), status: 413, detail, instance: new URL(c.req.url).pathname, errors: [{ field: "files", message: detail }] });
      },
    }),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/exchange/contacts",
      summary: "Contact requests of my organizations",
      description: "Made and received, the latest first.",
      tags,
      security: bearer,
      responses: { 200: json(z.object({ contacts: z.array(contactSchema) }), "The requests"), ...authResponses },
    }),
    async (c) => c.json(wire({ contacts: await listContacts(services, c.get("actor"), c.get("locale")) }), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/exchange/contacts",
      summary: "Contact this city",
      description:
        "Ask, for your organization, to talk with the organization of an offer or need you may read (never your own). Its people are notified. One open request per organization and item: asking again returns the first (200).",
      tags,
      security: bearer,
      request: { body: { content: { "application/json": { schema: requestContactInput } }, required: true } },
      responses: { 201: json(contactSchema, "Requested"), 200: json(contactSchema, "Already requested"), 400: problemResponse("Invalid input"), 409: problemResponse("The item is closed"), ...authResponses },
    }),
    async (c) => {
      const made = await requestContact(services, c.get("actor"), c.req.valid("json"));
      return c.json(wire(await getContact(services, c.get("actor"), made.id, c.get("locale"))), made.repeated ? 200 : 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/exchange/contacts/{id}",
      summary: "A contact request",
      description: "For the people of its two organizations.",
      tags,
      security: bearer,
      request: { params: z.object({ id: contactId }) },
      responses: { 200: json(contactSchema.extend({ canDecide: z.boolean(), requester: z.string().nullable() }), "The request"), ...authResponses },
    }),
    async (c) => c.json(wire(await getContact(services, c.get("actor"), c.req.valid("param").id, c.get("locale"))), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/exchange/contacts/{id}/decision",
      summary: "Accept or decline a contact request",
      description: "The organization asked. Accepting opens a private conversation between the two organizations (its id in the answer). The first answer stands: repeating it changes nothing, the opposite answer is 409.",
      tags,
      security: bearer,
      request: { params: z.object({ id: contactId }), body: { content: { "application/json": { schema: decideContactInput } }, required: true } },
      responses: {
        200: json(z.object({ status: z.enum(["accepted", "declined"]), conversationId: z.string().nullable() }), "Answered"),
        409: problemResponse("Already answered otherwise"),
        ...authResponses,
      },
    }),
    async (c) => c.json(await decideContact(services, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/exchange/conversations",
      summary: "Conversations of my organizations",
      description: "The latest first, with how many messages the caller has not read.",
      tags,
      security: bearer,
      responses: { 200: json(z.object({ conversations: z.array(conversationSummarySchema) }), "The conversations"), ...authResponses },
    }),
    async (c) => c.json(wire({ conversations: await listConversations(services, c.get("actor"), c.get("locale")) }), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/exchange/conversations/{id}",
      summary: "A conversation",
      description: "Only the people of its two organizations (nobody else, administrators included: 404). Reading it marks it read.",
      tags,
      security: bearer,
      request: { params: z.object({ id: conversationId }) },
      responses: { 200: json(conversationSchema, "The conversation"), ...authResponses },
    }),
    async (c) => c.json(wire(await getConversation(services, c.get("actor"), c.req.valid("param").id, c.get("locale"))), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/exchange/conversations/{id}/messages",
      summary: "Write in a conversation",
      description: `JSON {body, idempotencyKey}, or multipart/form-data with body, idempotencyKey and up to ${maxMessageFiles} files (images and documents, recognised by content, ${maxMessageFileBytes / 1024 / 1024} MB each). The other organization's people are notified.`,
      tags,
      security: bearer,
      request: {
        params: z.object({ id: conversationId }),
        body: {
          content: {
            "application/json": { schema: postMessageInput },
            "multipart/form-data": {
              schema: z.object({
                body: z.string(),
                idempotencyKey: z.string().optional(),
                files: z.unknown().optional().meta({ type: "string", format: "binary", description: "A file; repeat the field for several" }),
              }),
            },
          },
          // Not "required": with two content types, each is validated only when it is the one sent.
          required: false,
        },
      },
      responses: { 201: json(z.object({ id: z.string(), repeated: z.boolean() }), "Sent"), 200: json(z.object({ id: z.string(), repeated: z.boolean() }), "Repeated: sent before"), 400: problemResponse("Invalid input or file refused"), 413: problemResponse("Files larger than allowed"), ...authResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const type = c.req.header("content-type") ?? "";
      let fields: { body?: unknown; idempotencyKey?: unknown };
      const files: { bytes: Uint8Array; name: string }[] = [];
      if (type.startsWith("multipart/form-data")) {
        const form = await c.req.formData();
        fields = { body: form.get("body") ?? "", idempotencyKey: form.get("idempotencyKey") ?? undefined };
        for (const entry of form.getAll("files")) if (entry instanceof File && entry.size > 0) files.push({ bytes: new Uint8Array(await entry.arrayBuffer()), name: entry.name });
      } else fields = ((await c.req.json().catch(() => ({}))) ?? {}) as typeof fields;
      const sent = await postMessage(services, c.get("actor"), id, fields as { body: string }, files);
      return c.json(sent, sent.repeated ? 200 : 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/exchange/conversations/{id}/files/{fileId}",
      summary: "A file sent in a conversation",
      tags,
      security: bearer,
      request: { params: z.object({ id: conversationId, fileId: z.uuid() }) },
      responses: { 200: { description: "The file", content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } } }, ...authResponses },
    }),
    async (c) => {
      const { id, fileId } = c.req.valid("param");
      const file = await getMessageFile(services, c.get("actor"), id, fileId);
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${encodeURIComponent(file.name)}"`,
        "Cache-Control": "private, no-store",
      });
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/exchange/conversations/{id}/close",
      summary: "Close a conversation with its outcome",
      description: "Either organization: exchange done, turned into a project, or no follow-up. Counted on the networks' pages.",
      tags,
      security: bearer,
      request: { params: z.object({ id: conversationId }), body: { content: { "application/json": { schema: closeConversationInput } }, required: true } },
      responses: { 200: json(z.object({ outcome: z.enum(conversationOutcomes) }), "Closed"), 409: problemResponse("Already closed with another outcome"), ...authResponses },
    }),
    async (c) => c.json((await closeConversation(services, c.get("actor"), c.req.valid("param").id, c.req.valid("json"))) as { outcome: (typeof conversationOutcomes)[number] }, 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{slug}/exchange-outcomes",
      summary: "What the exchange achieved in a network",
      description: "Open offers and needs shared with the network, conversations about them and how they ended. Counts only.",
      tags,
      request: { params: z.object({ slug: z.string().max(100) }) },
      responses: {
        200: json(z.object({ openOffers: z.number().int(), openNeeds: z.number().int(), conversations: z.number().int(), exchangesDone: z.number().int(), projects: z.number().int(), noFollowUp: z.number().int() }).meta({ id: "ExchangeOutcomes" }), "The counts"),
        404: problemResponse("No such network"),
      },
    }),
    async (c) => c.json(await getExchangeOutcomes(services, c.req.valid("param").slug), 200),
  );
}
