import { Feed } from "feed";
import type { ServiceContext } from "../../platform/context.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { themeNames } from "./describe.ts";
import { searchPractices } from "./search-practices.ts";

/** The newest practices (of a network, of a theme) as an Atom feed in the reader's language. */
export async function practicesFeed(
  ctx: ServiceContext,
  filters: { network?: string; theme?: string },
  locale: Locale,
  origin: string,
): Promise<string> {
  const t = createTranslator(locale, catalogs[locale]);
  const result = await searchPractices(
    ctx,
    { network: filters.network, theme: filters.theme ? [filters.theme] : undefined, sort: "newest", pageSize: 50, catalogue: "no" },
    locale,
  );
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]).toString();
  const self = `${origin}/${locale}/practices/feed.atom${query ? `?${query}` : ""}`;
  const [theme] = filters.theme ? await themeNames(ctx.db, [filters.theme], locale) : [];
  const network = result.facets.network.find((n) => n.value === filters.network)?.label;
  const title = [t("practices.feed.title"), network, theme?.name].filter(Boolean).join(" · ");
  const feed = new Feed({
    id: self,
    title,
    language: locale,
    link: `${origin}/${locale}/practices${query ? `?${query}` : ""}`,
    updated: result.items[0]?.publishedAt ?? new Date(0),
    generator: "Pares",
    copyright: t("practices.feed.rights"),
    feedLinks: { atom: self },
  });
  for (const item of result.items) {
    const place = [item.city, item.country?.name].filter(Boolean).join(", ");
    feed.addItem({
      id: `${origin}/${locale}/practices/${item.slug}`,
      link: `${origin}/${locale}/practices/${item.slug}`,
      title: item.title,
      description: item.snippet,
      date: item.publishedAt,
      author: item.organization ? [{ name: item.organization.name }] : undefined,
      category: item.themeIds.map((id) => ({ term: id })),
      content: place ? `${place}. ${item.snippet}` : item.snippet,
    });
  }
  return feed.atom1();
}
