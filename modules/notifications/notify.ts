// How a module tells people something happened: notify() writes one outbox row in the change's
// transaction (so nothing is announced that did not commit, and nothing that committed is lost);
// the fan-out (fan-out.ts) turns it into one notification per recipient. Nobody is notified of
// their own action.
import type { Database } from "../../platform/db/client.ts";
import { enqueue } from "../../platform/outbox/enqueue.ts";
import type { EventKind } from "./kinds.ts";
import type { InterestKind } from "./schema.ts";

export const fanOutOutboxKind = "notifications.fanout";

/** Who hears of an event. */
export type Audience =
  /** These people (e.g. an organization's members). */
  | { type: "users"; userIds: string[] }
  /** The people of these organizations. */
  | { type: "organizations"; organizationIds: string[] }
  /** Everyone whose interests the subject meets and who may see it. */
  | {
      type: "interested";
      itemKind: InterestKind;
      themeIds: string[];
      sdgGoals: number[];
      countryCode: string | null;
      /** The networks the subject belongs to; with platform, everyone may see it. */
      networkIds: string[];
      platform: boolean;
      /** Its own organization hears of it otherwise. */
      excludeOrganizationId: string | null;
    };

export interface NotificationEvent {
  kind: EventKind;
  /** The same for every recipient and every delivery: a person gets each event once. */
  key: string;
  /** What the inbox and e-mail show: titles per language, names, `path` (after /<lang>). */
  data: Record<string, unknown> & { path: string };
  audience: Audience;
  /** Who caused it: never notified. */
  actorUserId: string | null;
  demo?: boolean;
}

export async function notify(tx: Database, event: NotificationEvent): Promise<void> {
  await enqueue(tx, { kind: fanOutOutboxKind, payload: event as unknown as Record<string, unknown>, idempotencyKey: `fanout:${event.key}` });
}
