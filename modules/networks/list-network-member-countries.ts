import { and, eq } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { countries } from "../cities/schema.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { findNetwork } from "./find-network.ts";
import { memberVisibility } from "./list-network-members.ts";
import { networkMemberships } from "./schema.ts";

export interface MemberCountry {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** In the reader's language. */
  name: string;
}

/**
 * The countries a network's members are in, named in the reader's language and in its
 * alphabetical order: the choices of the directory's country filter. Only members the actor may
 * see count (the active ones; every status for the secretariat), so a country never reveals an
 * applicant or a withdrawn member.
 */
export async function listNetworkMemberCountries(ctx: ServiceContext, actor: Actor, slug: string, locale: Locale): Promise<MemberCountry[]> {
  const network = await findNetwork(ctx.db, slug);
  const { allStatuses } = memberVisibility(actor, network);
  const rows = await ctx.db
    .selectDistinct({ code: countries.code, name: countries.name })
    .from(networkMemberships)
    .innerJoin(organizations, eq(organizations.id, networkMemberships.organizationId))
    .innerJoin(countries, eq(countries.code, organizations.countryCode))
    .where(and(eq(networkMemberships.networkId, network.id), allStatuses ? undefined : eq(networkMemberships.status, "active")));
  const collator = new Intl.Collator(locale);
  return rows.map((r) => ({ code: r.code, name: localizedText(r.name, locale, "en") })).sort((a, b) => collator.compare(a.name, b.name));
}
