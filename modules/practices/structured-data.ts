// The schema.org description (JSON-LD) of a published practice, for search engines: an Article
// with its headline, summary, language, author, place, dates, themes, network and first image.
import type { Locale } from "../../platform/i18n/locales.ts";
import type { PracticeView } from "./get-practice.ts";

/** Google shows at most 110 characters of an Article's headline. */
export const headlineLength = 110;

/** The text cut at a word boundary to at most `max` characters, "…" included, when it is longer. */
export function clipAtWord(text: string, max: number): string {
  const whole = text.replace(/\s+/g, " ").trim();
  if (whole.length <= max) return whole;
  const room = whole.slice(0, max - 1);
  const space = room.lastIndexOf(" ");
  // A first word longer than the room (a long name) is cut where it must.
  const cut = (space > 0 ? room.slice(0, space) : room).replace(/[\s,;:.·–—-]+$/u, "");
  return `${cut}…`;
}

export function practiceJsonLd(practice: Omit<PracticeView, "texts">, origin: string, locale: Locale): Record<string, unknown> {
  const place = [practice.city?.name, practice.country?.name].filter(Boolean).join(", ");
  const page = `${origin}/${locale}/practices/${practice.slug}`;
  const images = practice.files.filter((f) => f.kind === "image");
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    name: practice.text.title,
    headline: clipAtWord(practice.text.title, headlineLength),
    description: practice.text.summary,
    inLanguage: practice.text.language,
    url: page,
    ...(images.length > 0 ? { image: images.map((f) => `${page}/files/${f.id}`) } : {}),
    ...(practice.organization
      ? { author: { "@type": "Organization", name: practice.organization.name, url: `${origin}/${locale}/organizations/${practice.organization.slug}` } }
      : {}),
    ...(place ? { spatialCoverage: { "@type": "Place", name: place, ...(practice.country ? { address: { "@type": "PostalAddress", addressCountry: practice.country.code } } : {}) } } : {}),
    ...(practice.firstPublishedAt ? { datePublished: practice.firstPublishedAt.toISOString() } : {}),
    dateModified: (practice.lastPublishedAt ?? practice.version.updatedAt).toISOString(),
    about: practice.themes.map((th) => ({ "@type": "Thing", name: th.name })),
    ...(practice.network ? { isPartOf: { "@type": "Collection", name: practice.network.name, url: `${origin}/${locale}/networks/${practice.network.slug}` } } : {}),
  };
}
