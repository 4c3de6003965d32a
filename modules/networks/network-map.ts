// A network's member cities drawn as SVG on the server: country outlines from Natural Earth
// (data/reference/ne_110m_admin0_countries.geojson, public domain) under one dot per city. No
// tile server and nothing requested by the reader's browser. The projection is equirectangular
// with the longitude scaled by the cosine of the viewport's middle latitude, so a region such as
// South America keeps its shape; the viewport is fitted to the cities with some padding.
import { readFileSync } from "node:fs";
import { referencePath } from "../../platform/db/datasets.ts";

export interface MapPoint {
  latitude: number;
  longitude: number;
  /** Shown as the dot's tooltip and read by assistive technology that explores the image. */
  label: string;
  countryCode: string;
}

export interface MapText {
  /** The image's accessible name. */
  title: string;
  /** What the image shows, and where the same facts are in text (the table alternative). */
  description: string;
  /** A dot standing for several cities close together: "12 member cities: A, B, C and 9 more". */
  cluster?: (count: number, labels: string[]) => string;
}

/** A box in degrees. */
export interface Viewport {
  west: number;
  east: number;
  south: number;
  north: number;
}

interface Country {
  /** ISO 3166-1 alpha-2 (Natural Earth's "-99" units resolved where they are real countries). */
  code: string;
  box: Viewport;
  /** Rings of [longitude, latitude]. */
  rings: [number, number][][];
}

/** Longest side of the drawing in SVG units; coordinates are rounded to whole units. */
const size = 1000;
/** The smallest span shown, in degrees: one city alone still shows its surroundings. */
const minSpan = 8;
/** Padding around the cities, as a share of the span. */
const padding = 0.12;
const world: Viewport = { west: -170, east: 190, south: -58, north: 84 };

/** Above this many cities, cities close together share one dot (a bigger one), so the map stays light. */
export const maxDots = 400;
/** The smallest side of the square within which cities share a dot, in SVG units. */
const clusterCell = 12;

/** Natural Earth 4.0 leaves ISO_A2 as "-99" for a few units: these are countries. */
const isoFixes: Record<string, string> = { FRA: "FR", NOR: "NO" };

let countries: Country[] | undefined;

/** The outlines, parsed once per process. */
function loadCountries(): Country[] {
  if (countries) return countries;
  const geojson = JSON.parse(readFileSync(referencePath("ne_110m_admin0_countries.geojson"), "utf8")) as {
    features: {
      properties: { ADM0_A3: string; ISO_A2: string };
      geometry: { type: "Polygon"; coordinates: [number, number][][] } | { type: "MultiPolygon"; coordinates: [number, number][][][] };
    }[];
  };
  countries = geojson.features.map((f) => {
    const rings = f.geometry.type === "Polygon" ? f.geometry.coordinates : f.geometry.coordinates.flat();
    const box = { west: Infinity, east: -Infinity, south: Infinity, north: -Infinity };
    for (const ring of rings)
      for (const [lon, lat] of ring) {
        box.west = Math.min(box.west, lon);
        box.east = Math.max(box.east, lon);
        box.south = Math.min(box.south, lat);
        box.north = Math.max(box.north, lat);
      }
    const iso = f.properties.ISO_A2;
    return { code: iso && iso !== "-99" ? iso : (isoFixes[f.properties.ADM0_A3] ?? ""), box, rings };
  });
  return countries;
}

/** The box around the points, padded, never smaller than minSpan; the world when there are none. */
export function fitViewport(points: readonly Pick<MapPoint, "latitude" | "longitude">[]): Viewport {
  if (points.length === 0) return { ...world };
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const p of points) {
    west = Math.min(west, p.longitude);
    east = Math.max(east, p.longitude);
    south = Math.min(south, p.latitude);
    north = Math.max(north, p.latitude);
  }
  const grow = (low: number, high: number): [number, number] => {
    const span = Math.max(high - low, minSpan);
    const middle = (low + high) / 2;
    const half = span / 2 + span * padding;
    return [middle - half, middle + half];
  };
  const [w, e] = grow(west, east);
  const [s, n] = grow(south, north);
  return { west: w, east: e, south: Math.max(s, -85), north: Math.min(n, 85) };
}

interface Projection {
  width: number;
  height: number;
  project: (longitude: number, latitude: number) => [number, number];
}

export function projection(view: Viewport): Projection {
  const middle = ((view.south + view.north) / 2) * (Math.PI / 180);
  const k = Math.max(Math.cos(middle), 0.2);
  const spanX = (view.east - view.west) * k;
  const spanY = view.north - view.south;
  const scale = size / Math.max(spanX, spanY);
  return {
    width: Math.round(spanX * scale),
    height: Math.round(spanY * scale),
    project: (longitude, latitude) => [(longitude - view.west) * k * scale, (view.north - latitude) * scale],
  };
}

/**
 * The drawing's size for the cities within this box (the same frame renderNetworkMap fits to
 * them), so a page can give the image its width and height before it loads.
 */
export function mapSize(box: Viewport | null): { width: number; height: number } {
  const corners = box
    ? [
        { latitude: box.south, longitude: box.west },
        { latitude: box.north, longitude: box.east },
      ]
    : [];
  const { width, height } = projection(fitViewport(corners));
  return { width, height };
}

const overlaps = (a: Viewport, b: Viewport) => a.west <= b.east && a.east >= b.west && a.south <= b.north && a.north >= b.south;

/**
 * One path per group of countries: coordinates rounded to whole units, each point relative to
 * the one before (shorter numbers), repeated points left out.
 */
function outlinePath(list: Country[], project: Projection["project"]): string {
  const parts: string[] = [];
  for (const country of list) {
    for (const ring of country.rings) {
      const points: [number, number][] = [];
      for (const [lon, lat] of ring) {
        const [x, y] = project(lon, lat);
        const point: [number, number] = [Math.round(x), Math.round(y)];
        const last = points[points.length - 1];
        if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
      }
      if (points.length < 3) continue;
      const steps = points.slice(1).map(([x, y], i) => `${x - points[i]![0]} ${y - points[i]![1]}`);
      parts.push(`M${points[0]![0]} ${points[0]![1]}l${steps.join(" ")}z`);
    }
  }
  return parts.join("");
}

/** Outlines drawn for a viewport, kept per process (a few viewports: one per network). */
const outlineCache = new Map<string, { members: string; others: string }>();

function outlines(view: Viewport, proj: Projection, memberCountries: ReadonlySet<string>): { members: string; others: string } {
  const key = `${view.west.toFixed(3)},${view.east.toFixed(3)},${view.south.toFixed(3)},${view.north.toFixed(3)}|${[...memberCountries].sort().join(",")}`;
  const hit = outlineCache.get(key);
  if (hit) return hit;
  // A little wider than the viewport, so coasts just outside the frame are not cut off mid-way.
  const margin = { west: view.west - 5, east: view.east + 5, south: view.south - 5, north: view.north + 5 };
  const visible = loadCountries().filter((c) => overlaps(c.box, margin));
  const drawn = {
    members: outlinePath(
      visible.filter((c) => memberCountries.has(c.code)),
      proj.project,
    ),
    others: outlinePath(
      visible.filter((c) => !memberCountries.has(c.code)),
      proj.project,
    ),
  };
  if (outlineCache.size >= 200) outlineCache.delete(outlineCache.keys().next().value!);
  outlineCache.set(key, drawn);
  return drawn;
}

/** One dot per city; past maxDots, one per cell of a grid for the cities in it, at their centre. */
function dotsOf(points: readonly MapPoint[], proj: Projection, text: MapText): { x: number; y: number; labels: string[]; title: string }[] {
  const projected = points.map((p) => {
    const [x, y] = proj.project(p.longitude, p.latitude);
    return { x, y, label: p.label };
  });
  if (projected.length <= maxDots) return projected.map((p) => ({ x: p.x, y: p.y, labels: [p.label], title: p.label }));
  // The smallest grid (from clusterCell up) that leaves at most maxDots dots.
  let cells = new Map<string, { x: number; y: number; labels: string[] }>();
  for (let side = clusterCell; cells.size === 0 || cells.size > maxDots; side *= 1.5) {
    cells = new Map();
    for (const p of projected) {
      const key = `${Math.floor(p.x / side)},${Math.floor(p.y / side)}`;
      const cell = cells.get(key);
      if (cell) {
        cell.x += p.x;
        cell.y += p.y;
        cell.labels.push(p.label);
      } else cells.set(key, { x: p.x, y: p.y, labels: [p.label] });
    }
  }
  const cluster = text.cluster ?? ((count: number, labels: string[]) => `${count}: ${labels.join(", ")}`);
  return [...cells.values()].map((c) => ({
    x: c.x / c.labels.length,
    y: c.y / c.labels.length,
    labels: c.labels,
    title: c.labels.length === 1 ? c.labels[0]! : cluster(c.labels.length, c.labels),
  }));
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/**
 * The map as an SVG document (an `<svg>` element with its namespace), served on its own and
 * shown in the page with `<img>`. `role="img"` with its title and description, for a reader who
 * opens it directly; each dot carries its city's name as a title.
 */
export function renderNetworkMap(points: readonly MapPoint[], text: MapText, idPrefix = "network-map"): string {
  const view = fitViewport(points);
  const proj = projection(view);
  const memberCountries = new Set(points.map((p) => p.countryCode));
  const { members, others } = outlines(view, proj, memberCountries);
  const radius = Math.max(4, Math.round(size / 160));
  const dots = dotsOf(points, proj, text)
    .map((d) => {
      const r = d.labels.length === 1 ? radius : Math.round(Math.min(radius * 3, radius * (0.7 + 0.35 * Math.sqrt(d.labels.length))));
      return `<circle cx="${Math.round(d.x)}" cy="${Math.round(d.y)}" r="${r}"><title>${escapeXml(d.title)}</title></circle>`;
    })
    .join("");
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${proj.width} ${proj.height}" width="${proj.width}" height="${proj.height}" overflow="hidden" role="img" aria-labelledby="${titleId} ${descId}" class="network-map-image">` +
    `<title id="${titleId}">${escapeXml(text.title)}</title>` +
    `<desc id="${descId}">${escapeXml(text.description)}</desc>` +
    `<rect width="${proj.width}" height="${proj.height}" fill="#e8f1f8"/>` +
    (others ? `<path d="${others}" fill="#f4f4f1" stroke="#8a949c" stroke-width="1" stroke-linejoin="round"/>` : "") +
    (members ? `<path d="${members}" fill="#d9ebe6" stroke="#5b6f6c" stroke-width="1.2" stroke-linejoin="round"/>` : "") +
    `<g fill="#b35900" stroke="#ffffff" stroke-width="1.5">${dots}</g>` +
    `</svg>`
  );
}
