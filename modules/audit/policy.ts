// Who may read the audit log: platform administrators (signed in with their second factor).
import type { Actor } from "../organizations/actor.ts";

export const auditPolicy = {
  read: (actor: Actor) => actor.platformAdmin,
} as const;
