// A network's logo, as stored (PNG, JPEG or WebP, checked by content on upload). Served with its
// own type and nosniff; a URL with the logo's version (?v=) is cached for a year, any other for
// five minutes, and revalidated with its ETag.
import { getNetworkLogo } from "../../modules/networks/get-network-logo.ts";
import { AppError } from "../../platform/errors.ts";
import { services } from "../route-helpers.ts";
import type { Route } from "./+types/network-logo";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  try {
    const logo = await getNetworkLogo(services(context), params.slug);
    const version = String(logo.updatedAt.getTime());
    const etag = `"${version}"`;
    const versioned = new URL(request.url).searchParams.get("v") === version;
    const headers = new Headers({
      "Content-Type": logo.type,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300",
      ETag: etag,
    });
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    headers.set("Content-Length", String(logo.bytes.byteLength));
    return new Response(logo.bytes as Uint8Array<ArrayBuffer>, { status: 200, headers });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return new Response(null, { status: 404, headers: { "Cache-Control": "public, max-age=60" } });
    throw error;
  }
}
