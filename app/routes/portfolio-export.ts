import { exportPortfolio } from "../../modules/portfolio/export-portfolio.ts";
import { orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/portfolio-export";

/** The organization's portfolio as a CSV file (UTF-8 with BOM), for its members and administrators. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await requireActor(context, request, params);
  const { filename, csv } = await orPageError(exportPortfolio(services(context), actor, params.slug, pageLocale(params)), request, params);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
