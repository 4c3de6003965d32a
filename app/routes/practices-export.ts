// The search's results as CSV: the same words, filters and order as the page.
import { exportPracticesCsv } from "../../modules/practices/export-practices-csv.ts";
import { orPageError, pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/practices-export";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key).filter((v) => v.trim() !== "");
    if (values.length > 0) query[key] = key === "theme" || key === "sdg" ? values : values[0]!;
  }
  const file = await orPageError(exportPracticesCsv(services(context), query, pageLocale(params), url.origin), request, params);
  return new Response(file.body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
