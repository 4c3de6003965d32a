// Sample booklets for the tests and for timing: realistic practices of a Mercociudades call,
// with images made on the spot by sharp (no binary fixtures in the repository).
import sharp from "sharp";
import type { Locale } from "../../../platform/i18n/locales.ts";
import type { BookletInput, BookletPractice } from "./render-booklet.ts";

/** A photograph-like JPEG, a PNG with transparency or a WebP, `width` × `height` pixels. */
export async function sampleImage(format: "jpeg" | "png" | "webp", width = 1600, height = 1067, hue = 200): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},60%,45%)"/><stop offset="1" stop-color="hsl(${(hue + 90) % 360},70%,70%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)" ${format === "png" ? 'fill-opacity="0.6"' : ""}/>
    <circle cx="${width / 3}" cy="${height / 2}" r="${height / 4}" fill="hsl(${(hue + 180) % 360},50%,50%)"/>
  </svg>`;
  const image = sharp(Buffer.from(svg));
  const out = format === "jpeg" ? image.jpeg({ quality: 80 }) : format === "png" ? image.png() : image.webp({ quality: 80 });
  return new Uint8Array(await out.toBuffer());
}

const words =
  "A cidade organizou conselhos de bairro com participação de jovens, mulheres e pessoas idosas; a prefeitura acompanhou cada etapa com indicadores públicos e relatórios trimestrais abertos à cidadania".split(
    " ",
  );

/** `count` words of plausible Portuguese, in paragraphs of about 60 words. */
export function sampleText(count: number, seed = 0): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(words[(i * 7 + seed) % words.length]!);
  const paragraphs: string[] = [];
  for (let i = 0; i < out.length; i += 60) paragraphs.push(`${out.slice(i, i + 60).join(" ")}.`);
  return paragraphs.join("\n\n");
}

export function samplePractice(overrides: Partial<BookletPractice> = {}): BookletPractice {
  return {
    title: "Orçamento participativo jovem",
    language: "pt",
    fallback: false,
    organization: "Prefeitura de Porto Alegre",
    city: "Porto Alegre",
    country: "Brasil",
    themes: ["Participación ciudadana", "Juventudes"],
    sdgGoals: [11, 10],
    period: "2019–2022",
    budget: "USD 120.000",
    populationReached: "45.000",
    partners: ["Universidade Federal do Rio Grande do Sul (universidade)", "Conselho Municipal da Juventude (sociedade civil)"],
    summary: sampleText(70, 1),
    problem: sampleText(60, 2),
    solution: sampleText(90, 3),
    results: sampleText(50, 4),
    lessons: sampleText(40, 5),
    replication: sampleText(30, 6),
    images: [],
    url: "https://pares.example.org/pt/practices/orcamento-participativo-jovem",
    ...overrides,
  };
}

const cities: [string, string][] = [
  ["Porto Alegre", "Brasil"],
  ["Montevideo", "Uruguay"],
  ["Rosario", "Argentina"],
  ["Asunción", "Paraguay"],
  ["Quito", "Ecuador"],
  ["Valparaíso", "Chile"],
  ["São Paulo", "Brasil"],
  ["Córdoba", "Argentina"],
];
const themes = ["Participación ciudadana", "Juventudes", "Género", "Movilidad", "Cultura", "Ambiente"];

/** A collection of `count` practices with two images each (JPEG and WebP, made once). */
export async function sampleBooklet(count: number, language: Locale = "es", withImages = true): Promise<BookletInput> {
  const jpeg = withImages ? await sampleImage("jpeg") : null;
  const webp = withImages ? await sampleImage("webp", 1200, 1200, 30) : null;
  const practices = Array.from({ length: count }, (_, i) => {
    const [city, country] = cities[i % cities.length]!;
    return samplePractice({
      title: `Práctica ${i + 1}: inclusión en ${city}`,
      language: "es",
      city,
      country,
      organization: `Municipalidad de ${city}`,
      themes: [themes[i % themes.length]!, themes[(i + 2) % themes.length]!],
      summary: sampleText(60 + (i % 4) * 20, i),
      solution: sampleText(80 + (i % 5) * 40, i + 1),
      images: jpeg && webp ? [
        { bytes: jpeg, alt: `Vecinos de ${city} en una asamblea`, caption: `Asamblea barrial en ${city}, 2021` },
        { bytes: webp, alt: `Mapa de los barrios de ${city}` },
      ] : [],
      url: `https://pares.example.org/${language}/practices/practica-${i + 1}`,
    });
  });
  return {
    language,
    title: "Ciudades inclusivas — prácticas seleccionadas de la convocatoria 2026",
    subtitle: "Red de Mercociudades",
    networkName: "Mercociudades",
    foreword: `${sampleText(120, 9)}\n\n${sampleText(80, 3)}`,
    publishedOn: "2026-03-15",
    practices,
    url: `https://pares.example.org/${language}/collections/ciudades-inclusivas-2026`,
  };
}
