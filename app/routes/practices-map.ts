// The places of a practice search's results as an SVG image of its own (drawn as the network map
// is, over Natural Earth outlines; no tiles, no scripts). The search page carries the same
// results as a list beside it.
import { renderNetworkMap } from "../../modules/networks/network-map.ts";
import { facetNames, searchPractices } from "../../modules/practices/search-practices.ts";
import { AppError } from "../../platform/errors.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/practices-map";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const url = new URL(request.url);
  const query: Record<string, string | string[]> = {};
  for (const key of ["q", "sort", "catalogue", ...facetNames]) {
    const values = url.searchParams.getAll(key).filter((v) => v.trim() !== "");
    if (values.length > 0) query[key] = key === "theme" || key === "sdg" ? values : values[0]!;
  }
  let result;
  try {
    result = await searchPractices(services(context), { ...query, view: "map", pageSize: 1 }, locale);
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid") return new Response(null, { status: 400 });
    throw error;
  }
  const t = createTranslator(locale, catalogs[locale]);
  const points = (result.map ?? []).map((p) => ({ latitude: p.latitude, longitude: p.longitude, label: p.title, countryCode: "" }));
  const svg = renderNetworkMap(
    points,
    {
      title: t("practicesPages.map.title"),
      description: t("practicesPages.map.alt", { count: points.length }),
      cluster: (count, labels) => t("practicesPages.map.cluster", { count, names: labels.slice(0, 5).join(", "), more: Math.max(0, count - 5) }),
    },
    "practice-map",
  );
  return new Response(svg, {
    status: 200,
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=300",
      "Content-Language": locale,
    },
  });
}
