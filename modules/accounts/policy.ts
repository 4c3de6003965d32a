// Who may do what with accounts and API tokens. Default deny.
import { type Actor, canWrite } from "../organizations/actor.ts";

export const accountPolicy = {
  /**
   * People manage their own tokens, signed in on the site or with a token allowed to write —
   * not while their role waits for two-step sign-in (a token made then would outlive the wait).
   */
  manageOwnTokens: (actor: Actor) => canWrite(actor) && !actor.mustEnableTwoFactor,
  seeOwnTokens: (actor: Actor) => actor.userId !== null,
  /** Platform administrators, signed in on the site with their second factor. */
  administerUsers: (actor: Actor) => actor.platformAdmin && canWrite(actor),
  seeUsers: (actor: Actor) => actor.platformAdmin,
  readAuditLog: (actor: Actor) => actor.platformAdmin,
} as const;
