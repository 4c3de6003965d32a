import { z } from "zod";
import { page, pageSize } from "../cities/inputs.ts";
import { eventKindNames } from "./kinds.ts";
import { channels, interestKinds } from "./schema.ts";

const unique = <T>(values: T[]) => [...new Set(values)];

export const notificationSettingsInput = z.object({
  themeIds: z.array(z.string().trim().regex(/^[a-z0-9-]{1,60}$/, { error: "i18n:notifications.validation.theme" })).max(40).transform(unique).default([]).describe("Themes to hear about"),
  sdgGoals: z.array(z.coerce.number().int().min(1, { error: "i18n:notifications.validation.sdgGoal" }).max(17, { error: "i18n:notifications.validation.sdgGoal" })).transform(unique).default([]).describe("SDG goals to hear about"),
  countryCodes: z.array(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: "i18n:notifications.validation.country" })).max(60).transform(unique).default([]).describe("Only from these countries (none: any)"),
  networks: z.array(z.string().trim().max(100)).max(30).transform(unique).default([]).describe("Only from these networks (slugs; none: any the person may see)"),
  kinds: z.array(z.enum(interestKinds, { error: "i18n:notifications.validation.kind" })).transform(unique).default([]).describe("Kinds of item to hear about"),
  channels: z
    .partialRecord(z.enum(eventKindNames as [string, ...string[]], { error: "i18n:notifications.validation.kind" }), z.enum(channels, { error: "i18n:notifications.validation.channel" }))
    .default({})
    .describe("E-mail per kind of event: immediate, daily or weekly digest, or off (the inbox always has everything)"),
});
export type NotificationSettingsInput = z.input<typeof notificationSettingsInput>;

export const listNotificationsInput = z.object({
  unread: z.enum(["1", "true"]).optional().describe("Only unread ones"),
  page,
  pageSize,
});

export const markReadInput = z.object({
  ids: z.array(z.uuid()).max(200).default([]).describe("These notifications; empty with all=true: every one"),
  all: z.boolean().default(false),
});
