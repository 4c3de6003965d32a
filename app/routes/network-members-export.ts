// The member directory as a file: the page's filters (and what the viewer may see) as CSV or XLSX.
import { exportNetworkMembers } from "../../modules/networks/export-network-members.ts";
import { actorOf, orPageError, pageLocale, queryOf, services } from "../route-helpers.ts";
import type { Route } from "./+types/network-members-export";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = await actorOf(context, request);
  const file = await orPageError(exportNetworkMembers(services(context), actor, params.slug, queryOf(request), pageLocale(params)), request, params);
  return new Response(file.body as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "X-Content-Type-Options": "nosniff",
      // What the secretariat sees is not for shared caches.
      "Cache-Control": "private, no-store",
    },
  });
}
