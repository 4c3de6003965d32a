// New practices as an Atom feed (of a network, of a theme), in the page's language.
import { practicesFeed } from "../../modules/practices/practices-feed.ts";
import { orPageError, pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/practices-feed";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const filters = { network: url.searchParams.get("network") || undefined, theme: url.searchParams.get("theme") || undefined };
  const atom = await orPageError(practicesFeed(services(context), filters, pageLocale(params), url.origin), request, params);
  return new Response(atom, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "public, max-age=600" } });
}
