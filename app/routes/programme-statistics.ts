// A programme's public figures as CSV (one row per dimension and key).
import { getProgrammeStatistics, statisticsCsv } from "../../modules/calls/get-programme-statistics.ts";
import { orNotFound, services } from "../route-helpers.ts";
import type { Route } from "./+types/programme-statistics";

export async function loader({ params, context }: Route.LoaderArgs) {
  const stats = await orNotFound(getProgrammeStatistics(services(context), params.slug, params.programme));
  return new Response(statisticsCsv(stats), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${params.programme}-figures.csv"` },
  });
}
