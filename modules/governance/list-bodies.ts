import { and, asc, eq, inArray } from "drizzle-orm";
import { authorize } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { localize, localizedText } from "../../platform/i18n/content.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { themes } from "../themes/schema.ts";
import { byRoleThenName } from "./display.ts";
import { factsOf, networkName } from "./find.ts";
import { holdingCondition, type RoleView, selectRoles } from "./list-roles.ts";
import { governancePolicy } from "./policy.ts";
import { isUnit } from "./rules.ts";
import { type BodyKind, bodyKinds, networkBodies, networkRoles } from "./schema.ts";

export interface BodySummary {
  slug: string;
  kind: BodyKind;
  name: string;
  /** The language `name` is in (the original when the reader's is missing). */
  nameLanguage: string;
  active: boolean;
  themes: { id: string; name: string }[];
  /** Who holds its roles today (presidents, coordinators…); plain members are counted. */
  holders: RoleView[];
  memberCount: number;
}

/** A network's bodies grouped by kind, each with its current holders. Public. */
export async function listBodies(ctx: ServiceContext, actor: Actor, networkSlug: string, locale: Locale) {
  const network = await findNetwork(ctx.db, networkSlug);
  const facts = factsOf(network);
  authorize(governancePolicy.view(actor, facts), { visible: false });
  const bodies = await ctx.db.select().from(networkBodies).where(eq(networkBodies.networkId, network.id)).orderBy(asc(networkBodies.position), asc(networkBodies.slug));
  const themeIds = [...new Set(bodies.flatMap((b) => b.themeIds))];
  const themeRows = themeIds.length ? await ctx.db.select({ id: themes.id, name: themes.name }).from(themes).where(inArray(themes.id, themeIds)) : [];
  const themeName = new Map(themeRows.map((t) => [t.id, localizedText(t.name, locale, "en")]));
  const current = await selectRoles(ctx.db, and(eq(networkRoles.networkId, network.id), holdingCondition("current")), locale);
  // Coordinators before sub-coordinators before members, then by name (as on the network's page).
  const order = byRoleThenName(locale);
  const summaries: BodySummary[] = bodies.map((b) => {
    const held = current.filter((r) => r.body.slug === b.slug);
    // A unit lists who coordinates it and counts its members; other bodies list everyone.
    const holders = isUnit(b) ? held.filter((r) => r.role !== "member") : held;
    // An organization that coordinates the unit and also holds a member role there is counted once, as a holder.
    const coordinating = new Set(held.filter((r) => r.role !== "member").map((r) => r.organization.slug));
    const name = localize(b.names, locale, b.nameLanguage);
    return {
      slug: b.slug,
      kind: b.kind,
      name: name?.text ?? b.slug,
      nameLanguage: name?.language ?? locale,
      active: b.active,
      themes: b.themeIds.filter((id) => themeName.has(id)).map((id) => ({ id, name: themeName.get(id)! })),
      holders: holders.sort(order),
      memberCount: new Set(held.filter((r) => r.role === "member" && !coordinating.has(r.organization.slug)).map((r) => r.organization.slug)).size,
    };
  });
  return {
    network: { slug: network.slug, name: networkName(network, locale), hosted: network.hosted },
    groups: bodyKinds.map((kind) => ({ kind, bodies: summaries.filter((s) => s.kind === kind) })).filter((g) => g.bodies.length > 0),
    viewer: { canManage: governancePolicy.manage(actor, facts) },
  };
}
