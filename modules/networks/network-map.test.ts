import { describe, expect, it } from "vitest";
import { fitViewport, mapSize, maxDots, projection, renderNetworkMap } from "./network-map.ts";

const cities = [
  { label: "Montevideo (Uruguay)", latitude: -34.9033, longitude: -56.1882, countryCode: "UY" },
  { label: "Asunción (Paraguay)", latitude: -25.2867, longitude: -57.647, countryCode: "PY" },
  { label: "Caracas (Venezuela)", latitude: 10.488, longitude: -66.8792, countryCode: "VE" },
  { label: "Porto Alegre (Brasil)", latitude: -30.0331, longitude: -51.23, countryCode: "BR" },
];
const text = { title: "Member cities", description: "4 cities in 4 countries; the table below lists them." };

/** A tiny XML well-formedness check: every tag closed in order, attributes quoted, entities known. */
function parseXml(xml: string): { name: string; attributes: Record<string, string>; text: string }[] {
  const elements: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const open: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = tag.exec(xml))) {
    consumed = tag.lastIndex;
    const [, closing, name, attrs, selfClosing, chars] = match;
    if (chars !== undefined) {
      if (/&(?!(lt|gt|amp|quot|apos);)/.test(chars)) throw new Error(`bad entity in ${chars}`);
      if (elements.length) elements[elements.length - 1]!.text += chars;
      continue;
    }
    if (closing) {
      if (open.pop() !== name) throw new Error(`mismatched </${name}>`);
      continue;
    }
    const attributes = Object.fromEntries([...(attrs ?? "").matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    elements.push({ name: name!, attributes, text: "" });
    if (!selfClosing) open.push(name!);
  }
  if (consumed !== xml.length) throw new Error(`unparsed text at ${consumed}: ${xml.slice(consumed, consumed + 40)}`);
  if (open.length) throw new Error(`unclosed <${open.join("> <")}>`);
  return elements;
}

describe("the network map", () => {
  it("is well-formed SVG, an image with a title and a description", () => {
    const svg = renderNetworkMap(cities, text);
    const elements = parseXml(svg);
    expect(elements[0]).toMatchObject({ name: "svg", attributes: expect.objectContaining({ role: "img", "aria-labelledby": "network-map-title network-map-desc" }) });
    expect(elements.find((e) => e.name === "title")?.text).toBe("Member cities");
    expect(elements.find((e) => e.name === "desc")?.text).toBe(text.description);
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it("draws one dot per city, each with its name", () => {
    const elements = parseXml(renderNetworkMap(cities, text));
    const dots = elements.filter((e) => e.name === "circle");
    expect(dots).toHaveLength(4);
    const titles = elements.filter((e) => e.name === "title").map((e) => e.text);
    expect(titles).toEqual(expect.arrayContaining(["Montevideo (Uruguay)", "Asunción (Paraguay)", "Caracas (Venezuela)"]));
  });

  it("fits the viewBox to the cities, with padding, and keeps every dot inside", () => {
    const svg = renderNetworkMap(cities, text);
    const [, , width, height] = svg.match(/viewBox="([^"]+)"/)![1]!.split(" ").map(Number) as [number, number, number, number];
    expect(Math.max(width, height)).toBe(1000);
    const dots = parseXml(svg)
      .filter((e) => e.name === "circle")
      .map((e) => [Number(e.attributes.cx), Number(e.attributes.cy)] as const);
    const ys = dots.map(([, y]) => y);
    for (const [x, y] of dots) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(height);
    }
    const xs = dots.map(([x]) => x);
    // The cities span most of the taller side (South America is taller than wide), not a corner of the world.
    expect((Math.max(...xs) - Math.min(...xs)) / width).toBeGreaterThan(0.4);
    expect((Math.max(...ys) - Math.min(...ys)) / height).toBeGreaterThan(0.7);
    expect(Math.min(...ys)).toBeGreaterThan(height * 0.05);
    expect(height).toBeGreaterThan(width);
    // Only outlines near the region are drawn: no Asia, and the map stays small.
    expect(svg.length).toBeLessThan(40_000);
  });

  it("corrects longitudes by the cosine of the latitude (South America keeps its shape)", () => {
    const view = fitViewport(cities);
    const { width, height } = projection(view);
    const degreesWide = view.east - view.west;
    const degreesHigh = view.north - view.south;
    const middle = ((view.north + view.south) / 2) * (Math.PI / 180);
    expect(width / height).toBeCloseTo((degreesWide * Math.cos(middle)) / degreesHigh, 2);
  });

  it("escapes names and texts", () => {
    const svg = renderNetworkMap([{ ...cities[0]!, label: `<script>alert("x")</script> & 'co'` }], {
      title: "Cities & <towns>",
      description: 'Say "hi"',
    });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;co&apos;");
    expect(svg).toContain("Cities &amp; &lt;towns&gt;");
    expect(() => parseXml(svg)).not.toThrow();
  });

  it("shows one city with its surroundings, and the world when there is none", () => {
    const one = fitViewport([cities[0]!]);
    expect(one.east - one.west).toBeGreaterThanOrEqual(8);
    expect(one.north - one.south).toBeGreaterThanOrEqual(8);
    const empty = renderNetworkMap([], text);
    expect(parseXml(empty).filter((e) => e.name === "circle")).toHaveLength(0);
    expect(parseXml(empty).filter((e) => e.name === "path").length).toBeGreaterThan(0);
  });
});

describe("the map's size for a page", () => {
  it("is the drawing's size, from the box around the cities alone (the page gives its <img> these)", () => {
    const svg = renderNetworkMap(cities, text);
    const box = {
      west: Math.min(...cities.map((c) => c.longitude)),
      east: Math.max(...cities.map((c) => c.longitude)),
      south: Math.min(...cities.map((c) => c.latitude)),
      north: Math.max(...cities.map((c) => c.latitude)),
    };
    const { width, height } = mapSize(box);
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"`);
    const world = renderNetworkMap([], text);
    const none = mapSize(null);
    expect(world).toContain(`viewBox="0 0 ${none.width} ${none.height}"`);
  });

  it("is a standalone SVG document (its own namespace), as an image file needs", () => {
    expect(renderNetworkMap(cities, text)).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
  });
});

describe("a map of many cities", () => {
  it("draws cities close together as one dot, so a big network's map stays light", () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      label: `City ${i}`,
      latitude: -35 + (i % 60) * 0.8,
      longitude: -70 + Math.floor(i / 60) * 0.6,
      countryCode: "BR",
    }));
    const svg = renderNetworkMap(many, { ...text, cluster: (count, labels) => `${count} cities: ${labels.slice(0, 2).join(", ")}…` });
    const dots = parseXml(svg).filter((e) => e.name === "circle");
    expect(dots.length).toBeLessThanOrEqual(maxDots);
    expect(dots.length).toBeGreaterThan(100);
    expect(svg).toMatch(/<title>\d+ cities: City \d+, City \d+…<\/title>/);
    expect(svg.length).toBeLessThan(150_000);
  });
});
