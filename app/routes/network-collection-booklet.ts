// A collection's PDF booklet in the language asked (?lang=), else the page's.
import { renderCollectionBooklet } from "../../modules/practices/render-collection-booklet.ts";
import { isLocale } from "../../platform/i18n/locales.ts";
import { actorOf, orPageError, pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/network-collection-booklet";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const asked = url.searchParams.get("lang");
  const language = isLocale(asked) ? asked : pageLocale(params);
  const actor = await actorOf(context, request);
  const { pdf, fileName } = await orPageError(renderCollectionBooklet(services(context), actor, params.slug, params.collection, language, url.origin), request, params);
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": actor.userId ? "private, no-store" : "public, max-age=600",
    },
  });
}
