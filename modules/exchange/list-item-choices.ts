// What the offer-or-need form offers an organization, exactly what checkItemContent accepts: the
// networks it may show the item to (active memberships and the networks it runs), its published
// practices, and its people as contact persons. Titles and names in the reader's language.
import { sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import { actingOrganizationFor } from "../networks/join-external-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { exchangePolicy } from "./policy.ts";

export interface ItemChoices {
  organization: { slug: string; name: string };
  networks: { slug: string; name: string }[];
  practices: { slug: string; title: string }[];
  contacts: { userId: string; name: string }[];
}

/** For a person who may post for the organization (default: the one they act for). */
export async function listItemChoices(ctx: ServiceContext, actor: Actor, organizationSlug: string | undefined, locale: Locale): Promise<ItemChoices> {
  requireSignedIn(actor);
  const organizationId = await actingOrganizationFor(ctx.db, actor, organizationSlug);
  authorize(exchangePolicy.post(actor, organizationId));
  const collator = new Intl.Collator(locale);
  const [organization] = await queryRows<{ slug: string; name: string }>(ctx.db, sql`select slug, name from organizations where id = ${organizationId}`);
  const networks = await queryRows<{ slug: string; name: string; names: Translated }>(
    ctx.db,
    sql`select n.slug, n.name, n.names from networks n
        where n.secretariat_organization_id = ${organizationId}
           or exists (select 1 from network_memberships m where m.network_id = n.id and m.organization_id = ${organizationId} and m.status = 'active')`,
  );
  const practices = await queryRows<{ slug: string; texts: Record<string, { title?: string }>; original_language: string }>(
    ctx.db,
    sql`select p.slug, v.content -> 'texts' as texts, v.original_language from practices p join practice_versions v on v.id = p.published_version_id
        where p.organization_id = ${organizationId} and p.hidden_at is null`,
  );
  const contacts = await queryRows<{ user_id: string; name: string }>(
    ctx.db,
    sql`select m.user_id, u.name from organization_members m join users u on u.id = m.user_id where m.organization_id = ${organizationId}`,
  );
  return {
    organization: organization!,
    networks: networks.map((n) => ({ slug: n.slug, name: localizedText(n.names, locale) || n.name })).sort((a, b) => collator.compare(a.name, b.name)),
    practices: practices
      .map((p) => ({ slug: p.slug, title: localizedText(Object.fromEntries(Object.entries(p.texts).map(([l, t]) => [l, t?.title ?? ""])), locale, p.original_language) || p.slug }))
      .sort((a, b) => collator.compare(a.title, b.title)),
    contacts: contacts.map((c) => ({ userId: c.user_id, name: c.name })).sort((a, b) => collator.compare(a.name, b.name)),
  };
}
