// What a hosted network's map (served on its own at /:lang/networks/:slug/map.svg) draws: one
// point per active member city, labelled with the city and its country in the reader's language,
// and the counts its title and description give. Public, like the network's page; an external
// network has no map (its page lists what cities recorded instead).
import { authorize } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import { notFound } from "../../platform/errors.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import type { Actor } from "../organizations/actor.ts";
import { findNetwork } from "./find-network.ts";
import { listMemberCities } from "./get-network-figures.ts";
import type { MapPoint } from "./network-map.ts";
import { networkPolicy } from "./policy.ts";

export interface NetworkMapData {
  network: { slug: string; name: string };
  points: MapPoint[];
  memberCities: number;
  countries: number;
}

export async function getNetworkMap(ctx: ServiceContext, actor: Actor, slug: string, locale: Locale): Promise<NetworkMapData> {
  const network = await findNetwork(ctx.db, slug);
  authorize(networkPolicy.view(actor, network), { visible: false });
  if (!network.hosted) throw notFound("error.network.notFound");
  const cities = await listMemberCities(ctx, network.id, locale);
  return {
    network: { slug: network.slug, name: localizedText(network.names, locale) || network.name },
    points: cities.map((c) => ({ latitude: c.latitude, longitude: c.longitude, countryCode: c.countryCode, label: `${c.cityName} (${c.countryName})` })),
    memberCities: cities.length,
    countries: new Set(cities.map((c) => c.countryCode)).size,
  };
}
