import { eq } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { users } from "../accounts/schema.ts";
import type { Actor } from "./actor.ts";
import { findOrganization } from "./find-organization.ts";
import { organizationPolicy } from "./policy.ts";

/** Chooses which of the person's organizations they act for from now on. */
export async function setActingOrganization(ctx: ServiceContext, actor: Actor, slug: string): Promise<void> {
  requireSignedIn(actor);
  const org = await findOrganization(ctx.db, slug);
  authorize(organizationPolicy.actFor(actor, org));
  await ctx.db.update(users).set({ actingOrganizationId: org.id }).where(eq(users.id, actor.userId));
}
