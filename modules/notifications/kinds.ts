// The kinds of event people are notified of, with the e-mail channel each gets when the person
// chose nothing. Later modules add theirs here (calls opened, deadlines, reviews, meetings).
import type { Channel } from "./schema.ts";

export const eventKinds = {
  /** A new offer or need in the person's interests. */
  "exchange.new_item": { channel: "daily" },
  /** A new offer or need matches one of the organization's items. */
  "exchange.match": { channel: "daily" },
  /** Another organization asks to talk about one of the organization's items. */
  "exchange.contact_request": { channel: "immediate" },
  /** The other organization accepted or declined the request. */
  "exchange.contact_decided": { channel: "immediate" },
  /** A new message in one of the organization's conversations. */
  "exchange.message": { channel: "immediate" },
  /** One of the organization's items expires within a week. */
  "exchange.expiring": { channel: "immediate" },
  /** A new good practice in the person's interests. */
  "practices.new": { channel: "weekly" },
  /** The organization is named a partner in another organization's application. */
  "calls.partner_invited": { channel: "immediate" },
  /** A partner confirmed or declined the organization's invitation. */
  "calls.partner_answered": { channel: "immediate" },
  /** The receipt of an application submitted (to the lead's and the partners' people). */
  "calls.submitted": { channel: "immediate" },
  /** An application to review (to the reviewer). */
  "calls.review_assigned": { channel: "immediate" },
  /** The results of a call: the decision on the organization's application. */
  "calls.decided": { channel: "immediate" },
  /** A funded project's report is due within two weeks. */
  "calls.report_due": { channel: "immediate" },
} as const satisfies Record<string, { channel: Channel }>;

export type EventKind = keyof typeof eventKinds;
export const eventKindNames = Object.keys(eventKinds) as EventKind[];

export function isEventKind(value: unknown): value is EventKind {
  return typeof value === "string" && value in eventKinds;
}

/** A SQL CASE giving the default channel of the kind in `column`. */
export function defaultChannelCases(): string {
  return eventKindNames.map((k) => `when '${k}' then '${eventKinds[k].channel}'`).join(" ");
}
