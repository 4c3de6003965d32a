// Notifications are a person's own: default deny for anyone else, even administrators.
import type { Actor } from "../organizations/actor.ts";
import { canWrite } from "../organizations/actor.ts";

export const notificationPolicy = {
  readOwn: (actor: Actor) => actor.userId !== null,
  changeOwn: (actor: Actor) => canWrite(actor),
} as const;
