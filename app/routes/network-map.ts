// A hosted network's map of member cities as an SVG image of its own, so the network's page
// carries only an <img> (and its loader data no copy of the drawing). Titled and described in
// the page's language; public, cached for a few minutes and revalidated with an ETag computed
// from the drawing itself (so new members, names or wording change it).
import { createHash } from "node:crypto";
import { getNetworkMap } from "../../modules/networks/get-network-map.ts";
import { renderNetworkMap } from "../../modules/networks/network-map.ts";
import { AppError } from "../../platform/errors.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { actorOf, pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/network-map";

/** True when the request's If-None-Match names this ETag (or is "*"). */
function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await actorOf(context, request);
  let map;
  try {
    map = await getNetworkMap(services(context), actor, params.slug, locale);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return new Response(null, { status: 404, headers: { "Cache-Control": "public, max-age=60" } });
    throw error;
  }
  const t = createTranslator(locale, catalogs[locale]);
  const svg = renderNetworkMap(map.points, {
    title: t("networkPage.map.title", { network: map.network.name }),
    description: t("networkPage.map.description", { cities: map.memberCities, countries: map.countries }),
    cluster: (count, labels) => t("networkPage.map.cluster", { count, names: labels.slice(0, 5).join(", "), more: Math.max(0, count - 5) }),
  });
  const etag = `"${createHash("sha256").update(svg).digest("base64url").slice(0, 27)}"`;
  const headers = new Headers({
    "Content-Type": "image/svg+xml; charset=utf-8",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "public, max-age=300",
    "Content-Language": locale,
    ETag: etag,
  });
  if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(svg, { status: 200, headers });
}
