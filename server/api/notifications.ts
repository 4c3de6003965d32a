// /api/v1 notifications: the caller's inbox (unread count, mark read), their interests and e-mail
// channels, and the one-click unsubscribe (RFC 8058) that e-mails' List-Unsubscribe headers name.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { getNotificationSettings } from "../../modules/notifications/get-notification-settings.ts";
import { listNotificationsInput, markReadInput, notificationSettingsInput } from "../../modules/notifications/inputs.ts";
import { eventKindNames } from "../../modules/notifications/kinds.ts";
import { listNotifications } from "../../modules/notifications/list-notifications.ts";
import { markNotificationsRead } from "../../modules/notifications/mark-notifications-read.ts";
import { saveNotificationSettings } from "../../modules/notifications/save-notification-settings.ts";
import { channels, interestKinds } from "../../modules/notifications/schema.ts";
import { unsubscribe } from "../../modules/notifications/unsubscribe.ts";
import type { AppServices } from "../../platform/context.ts";
import { type ApiEnv, authResponses, bearer, json, problemResponse, wire } from "./common.ts";

const tags = ["Notifications"];

const settingsSchema = z
  .object({
    customized: z.boolean().describe("False while the defaults apply: the profile's themes, the organizations' networks, every kind"),
    themeIds: z.array(z.string()),
    sdgGoals: z.array(z.number().int()),
    countryCodes: z.array(z.string()),
    networks: z.array(z.string()),
    kinds: z.array(z.enum(interestKinds)),
    channels: z.record(z.string(), z.enum(channels)).describe(`E-mail per kind of event (${eventKindNames.join(", ")})`),
  })
  .meta({ id: "NotificationSettings" });

export function registerNotificationRoutes(api: OpenAPIHono<ApiEnv>, services: AppServices) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/notifications",
      summary: "My notifications",
      description: "Newest first, in the response language, with the unread count.",
      tags,
      security: bearer,
      request: { query: listNotificationsInput },
      responses: {
        200: json(
          z
            .object({
              items: z.array(z.object({ id: z.string(), kind: z.string(), text: z.string(), path: z.string().describe("Where to look, after /{lang}"), createdAt: z.string(), read: z.boolean() })),
              total: z.number().int(),
              unread: z.number().int(),
            })
            .meta({ id: "NotificationPage" }),
          "A page of notifications",
        ),
        ...authResponses,
      },
    }),
    async (c) => c.json(wire(await listNotifications(services, c.get("actor"), c.req.valid("query"), c.get("locale"))), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/notifications/read",
      summary: "Mark notifications read",
      tags,
      security: bearer,
      request: { body: { content: { "application/json": { schema: markReadInput } }, required: true } },
      responses: { 200: json(z.object({ unread: z.number().int() }), "Marked"), ...authResponses },
    }),
    async (c) => {
      await markNotificationsRead(services, c.get("actor"), c.req.valid("json"));
      const { unread } = await listNotifications(services, c.get("actor"), { pageSize: 1 }, c.get("locale"));
      return c.json({ unread }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/me/notification-settings",
      summary: "My interests and e-mail channels",
      tags,
      security: bearer,
      responses: { 200: json(settingsSchema, "The settings"), ...authResponses },
    }),
    async (c) => c.json(await getNotificationSettings(services, c.get("actor")), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/me/notification-settings",
      summary: "Choose my interests and e-mail channels",
      description: "Themes and SDGs bring items to you; kinds, countries and networks narrow them down. E-mail per kind of event: immediate, daily or weekly digest, or off (the inbox always has everything).",
      tags,
      security: bearer,
      request: { body: { content: { "application/json": { schema: notificationSettingsInput } }, required: true } },
      responses: { 200: json(settingsSchema, "Saved"), 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      await saveNotificationSettings(services, c.get("actor"), c.req.valid("json"));
      return c.json(await getNotificationSettings(services, c.get("actor")), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/notifications/unsubscribe/{token}",
      summary: "One-click unsubscribe (RFC 8058)",
      description: "The address in an e-mail's List-Unsubscribe header: turns that kind of e-mail off for that person only, without signing in.",
      tags,
      request: { params: z.object({ token: z.string().max(100) }) },
      responses: { 200: json(z.object({ kind: z.string(), kinds: z.array(z.string()) }), "Unsubscribed"), 404: problemResponse("Unknown link") },
    }),
    async (c) => c.json(await unsubscribe(services, c.req.valid("param").token), 200),
  );
}
