// The one way use cases check a policy: a refused action on something the actor may see is
// "forbidden"; on something they may not even see it is "not found", so a refusal never
// confirms that a hidden thing exists.
import { AppError } from "./errors.ts";

export function authorize(allowed: boolean, options: { visible?: boolean } = {}): asserts allowed {
  if (allowed) return;
  if (options.visible === false) throw new AppError("not_found", "error.notFound.detail");
  throw new AppError("forbidden", "error.forbidden.detail");
}

/** A use case that needs someone signed in, called by nobody: the edge asks them to sign in. */
export function requireSignedIn<T extends { userId: string | null }>(actor: T): asserts actor is T & { userId: string } {
  if (actor.userId === null) throw new AppError("unauthorized", "error.unauthorized.detail");
}
