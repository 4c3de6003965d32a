import { eq, inArray } from "drizzle-orm";
import { requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { networkBodies } from "../governance/schema.ts";
import { networks } from "../networks/schema.ts";
import { listMyOrganizations } from "../organizations/list-my-organizations.ts";
import type { MemberRole, OrganizationKind } from "../organizations/schema.ts";
import { userThemes, users } from "./schema.ts";

export interface Me {
  id: string;
  name: string;
  email: string;
  locale: string;
  position: string | null;
  languages: string[];
  timeZone: string | null;
  themes: string[];
  platformAdmin: boolean;
  twoFactorEnabled: boolean;
  mustEnableTwoFactor: boolean;
  actingOrganization: string | null;
  organizations: { slug: string; name: string; kind: OrganizationKind; role: MemberRole; actingFor: boolean }[];
  secretariatOf: string[];
  /** The units (and other bodies) the person coordinates today. */
  coordinatorOf: { network: string; body: string }[];
}

/** Who the caller is: profile, organizations and roles (for /api/v1/me). */
export async function describeMe(ctx: ServiceContext, actor: Actor): Promise<Me> {
  requireSignedIn(actor);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw notFound();
  const themes = await ctx.db.select({ id: userThemes.themeId }).from(userThemes).where(eq(userThemes.userId, actor.userId));
  const mine = await listMyOrganizations(ctx, actor);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    locale: user.locale,
    position: user.position,
    languages: user.languages,
    timeZone: user.timeZone,
    themes: themes.map((t) => t.id).sort(),
    platformAdmin: actor.platformAdmin,
    twoFactorEnabled: user.twoFactorEnabled,
    mustEnableTwoFactor: actor.mustEnableTwoFactor,
    actingOrganization: mine.memberships.find((m) => m.actingFor)?.slug ?? null,
    organizations: mine.memberships,
    secretariatOf: [...actor.secretariatOf],
    coordinatorOf:
      actor.coordinatorOf.size === 0
        ? []
        : await ctx.db
            .select({ network: networks.slug, body: networkBodies.slug })
            .from(networkBodies)
            .innerJoin(networks, eq(networks.id, networkBodies.networkId))
            .where(inArray(networkBodies.id, [...actor.coordinatorOf]))
            .orderBy(networks.slug, networkBodies.slug),
  };
}
