// The PDF booklet of a collection of good practices, in one language: cover, foreword, contents,
// one or two pages per practice, indexes by country and by theme. Text is real text in embedded
// fonts; the document is tagged (structure tree, languages, alt text, artifacts) as far as pdfkit
// allows. Pages are buffered so the contents, written before the practices, gets their page
// numbers at the end. See decision 016.
import PDFDocument from "pdfkit";
import { catalogs } from "../../../platform/i18n/catalogs.ts";
import { formatDate, formatNumber } from "../../../platform/i18n/format.ts";
import type { Locale } from "../../../platform/i18n/locales.ts";
import { createTranslator, type Translate } from "../../../platform/i18n/translator.ts";
import { type BookletImage, prepareBookletImage } from "./booklet-images.ts";
import { type Doc, fitLine, lineHeight, paragraphs, registerBookletFonts, type TextStyle, applyStyle, wrapText } from "./booklet-text.ts";

export type BookletSection = "summary" | "problem" | "solution" | "results" | "lessons" | "replication";

export interface BookletPractice {
  title: string;
  /** The language the practice's text is shown in (may differ from the booklet's when not translated). */
  language: Locale;
  /** True when the booklet's language was missing and the original is shown: print a short note "Original in Portuguese". */
  fallback: boolean;
  organization: string;
  city: string | null;
  country: string | null;
  themes: string[];
  sdgGoals: number[];
  period: string | null;
  budget: string | null;
  populationReached: string | null;
  partners: string[];
  summary: string;
  problem: string;
  solution: string;
  results: string;
  lessons: string;
  replication: string;
  /** The language of each section when it differs from `language` (not yet translated: printed in the original, marked). */
  sectionLanguages?: Partial<Record<BookletSection, Locale>>;
  /** JPEG, PNG or WebP; at most two are printed. */
  images: { bytes: Uint8Array; alt: string; caption?: string }[];
  url: string;
}

export interface BookletInput {
  language: Locale;
  title: string;
  subtitle?: string | null;
  networkName: string;
  /** Paragraphs separated by blank lines; "" leaves the foreword out. */
  foreword: string;
  /** YYYY-MM-DD; also the document's creation date, so the same input gives the same file. */
  publishedOn: string;
  practices: BookletPractice[];
  url: string;
}

type Struct = PDFKit.PDFStructureElement;

const page = { width: 595.28, height: 841.89 }; // A4
const margin = { top: 68, bottom: 64, left: 64, right: 64 };
const left = margin.left;
const contentWidth = page.width - margin.left - margin.right;
const bottom = page.height - margin.bottom;
const pageOptions = { size: "A4", margins: margin } as const;

const ink = "#1f2328";
const muted = "#57606a";
const accent = "#0b5a8a";
const tint = "#edf3f8";

const styles = {
  coverNetwork: { font: "bold", size: 12.5, color: "#ffffff", leading: 2 },
  coverTitle: { font: "bold", size: 28, color: "#ffffff", leading: 2 },
  coverSubtitle: { font: "regular", size: 15, color: "#ffffff", leading: 2 },
  coverMeta: { font: "regular", size: 11, color: ink, leading: 3 },
  h2: { font: "bold", size: 19, color: accent, leading: 2 },
  practiceTitle: { font: "bold", size: 16.5, color: accent, leading: 1 },
  h3: { font: "bold", size: 11, color: accent, leading: 1 },
  body: { font: "regular", size: 9.8, color: ink, leading: 1.6 },
  note: { font: "italic", size: 9, color: muted, leading: 1 },
  label: { font: "bold", size: 8.5, color: muted, leading: 1.4 },
  value: { font: "regular", size: 9, color: ink, leading: 1.2 },
  caption: { font: "italic", size: 8.3, color: muted, leading: 0.8 },
  link: { font: "regular", size: 9, color: accent, leading: 1 },
  continues: { font: "italic", size: 9, color: accent, leading: 1 },
  entry: { font: "regular", size: 10.5, color: ink, leading: 1.5 },
  entryDetail: { font: "regular", size: 8.5, color: muted, leading: 1 },
  indexGroup: { font: "bold", size: 10.5, color: accent, leading: 1 },
  indexEntry: { font: "regular", size: 9.5, color: ink, leading: 1.2 },
  running: { font: "regular", size: 8, color: muted, leading: 0 },
} satisfies Record<string, TextStyle>;

/** The room an image is printed in, one alone or two side by side, in points. */
const imageGap = 16;
function imageBox(count: number): { width: number; height: number } {
  return count <= 1 ? { width: contentWidth, height: 220 } : { width: (contentWidth - imageGap) / 2, height: 170 };
}
/** About 200 dpi: sharp in print, and a booklet of thirty practices stays a download of a few megabytes. */
const pixelsPerPoint = 200 / 72;

/** Room kept at the right of a contents or index line for its page number. */
const pageNumberColumn = 40;

/** Renders the booklet; the same input gives the same bytes. */
export async function renderBooklet(input: BookletInput): Promise<Uint8Array> {
  const images = await Promise.all(
    input.practices.map(async (p) => {
      const shown = p.images.slice(0, 2);
      const box = imageBox(shown.length);
      const pixels = { width: Math.round(box.width * pixelsPerPoint), height: Math.round(box.height * pixelsPerPoint) };
      const prepared = await Promise.all(shown.map(async (image) => ({ ...image, prepared: await prepareBookletImage(image.bytes, pixels) })));
      return prepared.filter((i): i is typeof i & { prepared: BookletImage } => i.prepared !== null);
    }),
  );
  const t = createTranslator(input.language, catalogs[input.language]);
  const createdAt = new Date(`${input.publishedOn}T00:00:00Z`);
  const info = {
    Title: input.title,
    Author: input.networkName,
    Subject: t("booklet.subject", { network: input.networkName }),
    Keywords: [...new Set(input.practices.flatMap((p) => p.themes))].join(", "),
    Creator: "Pares",
    Producer: "Pares (PDFKit)",
    CreationDate: Number.isNaN(createdAt.getTime()) ? new Date(0) : createdAt,
  };
  const doc = new PDFDocument({
    ...pageOptions,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: "1.7",
    tagged: true,
    lang: input.language,
    displayTitle: true,
    font: "", // no default Helvetica: every face is embedded
    info,
  });
  writeXmpMetadata(doc, info, input.language);
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  registerBookletFonts(doc);

  new BookletWriter(doc, t, input.language).write(input, images);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

interface PracticeImage {
  alt: string;
  caption?: string;
  prepared: BookletImage;
}

interface Entry {
  title: string;
  detail: string | null;
  lang: string | undefined;
  /** Index of the page the entry points to, known once that page is written. */
  target: () => number;
}

interface PlannedEntry {
  entry: Entry;
  /** Which contents page (0 = the first) and where on it. */
  page: number;
  y: number;
  titleLines: string[];
  detailLines: string[];
}

class BookletWriter {
  readonly doc: Doc;
  readonly t: Translate;
  readonly locale: Locale;
  readonly root: Struct;
  y = margin.top;
  /** The last page the current flow may take (null: as many as it needs), and the room kept free at its foot. */
  flow: { lastPage: number | null; reserve: number } = { lastPage: null, reserve: 0 };
  /** Set when a practice reached the end of its two pages with text left. */
  truncated = false;
  /** Pages that carry the running header and the page number (all but the cover). */
  readonly numbered: number[] = [];

  constructor(doc: Doc, t: Translate, locale: Locale) {
    this.doc = doc;
    this.t = t;
    this.locale = locale;
    this.root = doc.struct("Document");
    doc.addStructure(this.root);
  }

  write(input: BookletInput, images: PracticeImage[][]): void {
    const { t } = this;
    this.cover(input);
    if (paragraphs(input.foreword).length > 0) this.foreword(input.foreword);

    const practicePages: number[] = [];
    const countries = this.groups(input.practices, (p) => (p.country ? [p.country] : []));
    const themes = this.groups(input.practices, (p) => p.themes);
    const indexPages: Record<"country" | "theme", number> = { country: -1, theme: -1 };
    const entries: Entry[] = input.practices.map((p, i) => ({
      title: p.title,
      detail: [p.organization, [p.city, p.country].filter(Boolean).join(", ")].filter(Boolean).join(" — "),
      lang: this.langOf(p),
      target: () => practicePages[i]!,
    }));
    if (countries.length > 0) entries.push({ title: t("booklet.indexByCountry"), detail: null, lang: undefined, target: () => indexPages.country });
    if (themes.length > 0) entries.push({ title: t("booklet.indexByTheme"), detail: null, lang: undefined, target: () => indexPages.theme });

    const contents = entries.length > 0 ? this.reserveContents(entries) : null;
    input.practices.forEach((p, i) => practicePages.push(this.practice(p, images[i] ?? [])));
    if (countries.length > 0) indexPages.country = this.index(t("booklet.indexByCountry"), countries, practicePages, input.practices);
    if (themes.length > 0) indexPages.theme = this.index(t("booklet.indexByTheme"), themes, practicePages, input.practices);
    if (contents) this.fillContents(contents);
    this.runningHeadersAndFooters(input);
    this.root.end();
  }

  // ——— pages and flow ———

  pageIndex(): number {
    return this.doc.bufferedPageRange().count - 1;
  }

  newPage(numbered = true): void {
    this.doc.addPage(pageOptions);
    this.y = margin.top;
    if (numbered) this.numbered.push(this.pageIndex());
  }

  limit(): number {
    const { lastPage, reserve } = this.flow;
    return bottom - (lastPage !== null && this.pageIndex() >= lastPage ? reserve : 0);
  }

  canBreak(): boolean {
    return this.flow.lastPage === null || this.pageIndex() < this.flow.lastPage;
  }

  atTop(): boolean {
    return this.y <= margin.top + 0.5;
  }

  /** True when `height` fits from here, turning the page if the flow allows; false means truncated. */
  room(height: number): boolean {
    if (this.y + height <= this.limit()) return true;
    if (!this.atTop() && this.canBreak()) {
      this.newPage();
      if (this.y + height <= this.limit()) return true;
    }
    if (this.atTop() && this.flow.lastPage === null) return true; // taller than a page: drawn anyway
    this.truncated = true;
    return false;
  }

  // ——— drawing ———

  /** Decoration or pagination, outside the structure tree. Only between tagged blocks. */
  artifact(type: "Layout" | "Pagination", draw: () => void, attached?: "Top" | "Bottom"): void {
    this.doc.markContent("Artifact", { type, ...(attached ? { attached: [attached] } : {}) });
    this.doc.save();
    draw();
    this.doc.restore();
    this.doc.endMarkedContent();
  }

  drawLines(lines: string[], x: number, y: number, style: TextStyle, link?: string | number): void {
    const height = lineHeight(this.doc, style);
    applyStyle(this.doc, style);
    lines.forEach((line, i) => {
      this.doc.text(line, x, y + i * height, { lineBreak: false, ...(link !== undefined ? { link: link as string, underline: typeof link === "string" } : {}) });
    });
  }

  /** A whole element drawn at once (it must fit): `draw` runs inside its marked content. */
  tagged(parent: Struct, type: string, options: PDFKit.Mixins.StructureElementOptions, draw: () => void): void {
    parent.add(this.doc.struct(type, options, draw));
  }

  /** Lines as one element (P, H3…), continued on the next page when the flow allows; stops when truncated. */
  block(parent: Struct, type: string, lines: string[], style: TextStyle, options: { lang?: string; x?: number; after?: number } = {}): void {
    const height = lineHeight(this.doc, style);
    let element: Struct | null = null;
    let drawn = 0;
    while (drawn < lines.length && !this.truncated) {
      const remaining = lines.length - drawn;
      let fit = Math.floor((this.limit() - this.y + 0.01) / height);
      // No lonely first line at a page's foot when the page can turn.
      if (fit < Math.min(2, remaining) && !this.atTop() && this.canBreak()) {
        this.newPage();
        continue;
      }
      if (fit <= 0) {
        this.truncated = true;
        break;
      }
      // Nor a lonely last line at the top of the next one.
      if (fit === remaining - 1 && fit >= 3 && this.canBreak()) fit -= 1;
      const take = Math.min(fit, remaining);
      if (!element) {
        element = this.doc.struct(type, options.lang ? { lang: options.lang } : {});
        parent.add(element);
      }
      element.add(this.doc.markStructureContent(type));
      this.drawLines(lines.slice(drawn, drawn + take), options.x ?? left, this.y, style);
      this.doc.endMarkedContent();
      this.y += take * height;
      drawn += take;
      if (drawn < lines.length) {
        if (this.canBreak()) this.newPage();
        else this.truncated = true;
      }
    }
    element?.end();
    if (drawn > 0) this.y += options.after ?? 0;
  }

  /** A heading, kept on the same page as `keep` points of what follows it. */
  heading(parent: Struct, type: string, text: string, style: TextStyle, options: { keep?: number; after?: number; lang?: string } = {}): boolean {
    const lines = wrapText(this.doc, text, contentWidth, style);
    const height = lines.length * lineHeight(this.doc, style);
    if (!this.room(height + (options.keep ?? 0))) return false;
    this.tagged(parent, type, options.lang ? { lang: options.lang } : {}, () => this.drawLines(lines, left, this.y, style));
    this.y += height + (options.after ?? 0);
    return true;
  }

  /** A paragraph of a label and a link under it (the practice's page, the collection's page). */
  linkParagraph(parent: Struct, label: string | null, url: string, labelStyle: TextStyle): void {
    const labelLines = label ? wrapText(this.doc, label, contentWidth, labelStyle) : [];
    const urlLines = wrapText(this.doc, url, contentWidth, styles.link);
    const paragraph = this.doc.struct("P");
    parent.add(paragraph);
    if (labelLines.length > 0) {
      paragraph.add(() => this.drawLines(labelLines, left, this.y, labelStyle));
      this.y += labelLines.length * lineHeight(this.doc, labelStyle);
    }
    paragraph.add(this.doc.struct("Link", {}, () => this.drawLines(urlLines, left, this.y, styles.link, url)));
    this.y += urlLines.length * lineHeight(this.doc, styles.link);
    paragraph.end();
  }

  linkParagraphHeight(label: string | null, url: string, labelStyle: TextStyle): number {
    const labelLines = label ? wrapText(this.doc, label, contentWidth, labelStyle).length : 0;
    return labelLines * lineHeight(this.doc, labelStyle) + wrapText(this.doc, url, contentWidth, styles.link).length * lineHeight(this.doc, styles.link);
  }

  langOf(p: BookletPractice): string | undefined {
    return p.language !== this.locale ? p.language : undefined;
  }

  // ——— cover and foreword ———

  cover(input: BookletInput): void {
    const { doc, t } = this;
    this.newPage(false);
    const titleLines = wrapText(doc, input.title, contentWidth, styles.coverTitle);
    const subtitleLines = input.subtitle ? wrapText(doc, input.subtitle, contentWidth, styles.coverSubtitle) : [];
    const networkLines = wrapText(doc, input.networkName, contentWidth, styles.coverNetwork);
    const networkY = 84;
    const titleY = networkY + networkLines.length * lineHeight(doc, styles.coverNetwork) + 40;
    const subtitleY = titleY + titleLines.length * lineHeight(doc, styles.coverTitle) + 14;
    const bandHeight = Math.max(340, subtitleY + subtitleLines.length * lineHeight(doc, styles.coverSubtitle) + 56);
    this.artifact("Layout", () => doc.rect(0, 0, page.width, bandHeight).fill(accent));

    // Reading order: title, subtitle, network, then the rest (the network is printed above the title).
    this.tagged(this.root, "H1", {}, () => this.drawLines(titleLines, left, titleY, styles.coverTitle));
    if (subtitleLines.length > 0) this.tagged(this.root, "P", {}, () => this.drawLines(subtitleLines, left, subtitleY, styles.coverSubtitle));
    this.tagged(this.root, "P", {}, () => this.drawLines(networkLines, left, networkY, styles.coverNetwork));

    this.y = bandHeight + 44;
    const meta = [
      t("booklet.cover.publishedOn", { date: formatDate(this.locale, input.publishedOn) }),
      t("booklet.cover.practiceCount", { count: input.practices.length }),
    ];
    for (const text of meta) this.block(this.root, "P", wrapText(doc, text, contentWidth, styles.coverMeta), styles.coverMeta, { after: 2 });
    this.y += 18;
    this.linkParagraph(this.root, t("booklet.cover.online"), input.url, styles.note);
  }

  foreword(text: string): void {
    this.newPage();
    this.doc.outline.addItem(this.t("booklet.foreword"));
    const section = this.doc.struct("Sect");
    this.root.add(section);
    this.heading(section, "H2", this.t("booklet.foreword"), styles.h2, { after: 14 });
    for (const paragraph of paragraphs(text)) {
      this.block(section, "P", wrapText(this.doc, paragraph, contentWidth, styles.body), styles.body, { after: 7 });
    }
    section.end();
  }

  // ——— contents ———

  /** Lays the entries out on contents pages; the same plan serves to count the pages and to write them. */
  planContents(entries: Entry[], firstY: number): PlannedEntry[] {
    const planned: PlannedEntry[] = [];
    let pageNo = 0;
    let y = firstY;
    for (const entry of entries) {
      const titleLines = wrapText(this.doc, entry.title, contentWidth - pageNumberColumn, styles.entry);
      const detailLines = entry.detail ? wrapText(this.doc, entry.detail, contentWidth - pageNumberColumn, styles.entryDetail) : [];
      const height = titleLines.length * lineHeight(this.doc, styles.entry) + detailLines.length * lineHeight(this.doc, styles.entryDetail);
      if (y + height > bottom && y > margin.top) {
        pageNo += 1;
        y = margin.top;
      }
      planned.push({ entry, page: pageNo, y, titleLines, detailLines });
      y += height + 9;
    }
    return planned;
  }

  reserveContents(entries: Entry[]): { toc: Struct; section: Struct; pages: number[]; plan: PlannedEntry[] } {
    this.newPage();
    this.doc.outline.addItem(this.t("booklet.contents"));
    const section = this.doc.struct("Sect");
    this.root.add(section);
    this.heading(section, "H2", this.t("booklet.contents"), styles.h2, { after: 18 });
    const toc = this.doc.struct("TOC");
    section.add(toc);
    const plan = this.planContents(entries, this.y);
    const pages = [this.pageIndex()];
    for (let i = 1; i <= (plan.at(-1)?.page ?? 0); i++) {
      this.newPage();
      pages.push(this.pageIndex());
    }
    return { toc, section, pages, plan };
  }

  fillContents({ toc, section, pages, plan }: ReturnType<BookletWriter["reserveContents"]>): void {
    for (const item of plan) {
      this.doc.switchToPage(pages[item.page]!);
      const item_ = this.doc.struct("TOCI");
      toc.add(item_);
      const reference = this.doc.struct("Reference");
      item_.add(reference);
      this.entryLink(reference, item.titleLines, item.y, item.entry.target(), styles.entry, left, item.entry.lang);
      reference.end();
      if (item.detailLines.length > 0) {
        const detailY = item.y + item.titleLines.length * lineHeight(this.doc, styles.entry);
        this.tagged(item_, "P", item.entry.lang ? { lang: item.entry.lang } : {}, () => this.drawLines(item.detailLines, left, detailY, styles.entryDetail));
      }
      item_.end();
    }
    toc.end();
    section.end();
  }

  /** A title and its page number, both a link to that page, with a dotted leader between them. */
  entryLink(parent: Struct, titleLines: string[], y: number, target: number, style: TextStyle, x: number, lang: string | undefined): void {
    const { doc } = this;
    const height = lineHeight(doc, style);
    const lastY = y + (titleLines.length - 1) * height;
    const number = formatNumber(this.locale, target + 1);
    applyStyle(doc, style);
    const numberX = left + contentWidth - doc.widthOfString(number);
    const lastWidth = doc.widthOfString(titleLines.at(-1) ?? "");
    parent.add(
      doc.struct("Link", lang ? { lang } : {}, () => {
        this.drawLines(titleLines, x, y, style, target);
        applyStyle(doc, style);
        doc.text(number, numberX, lastY, { lineBreak: false, link: target as unknown as string });
      }),
    );
    const leaderStart = x + lastWidth + 6;
    const leaderEnd = numberX - 6;
    if (leaderEnd - leaderStart > 8) {
      const baseline = lastY + style.size * 1.02;
      this.artifact("Layout", () => {
        doc.moveTo(leaderStart, baseline).lineTo(leaderEnd, baseline).lineWidth(0.8).dash(0.8, { space: 3 }).strokeColor("#9aa5b1").stroke().undash();
      });
    }
  }

  // ——— practices ———

  /** Writes one practice from a new page; returns the index of that page. */
  practice(p: BookletPractice, images: PracticeImage[]): number {
    const { doc, t } = this;
    this.newPage();
    const start = this.pageIndex();
    doc.outline.addItem(p.title);
    const lang = this.langOf(p);
    const online = t("booklet.online");
    const continues = t("booklet.continuesAt", { url: p.url });
    const reserve =
      Math.max(this.linkParagraphHeight(online, p.url, styles.note), wrapText(doc, continues, contentWidth, styles.continues).length * lineHeight(doc, styles.continues)) + 14;
    this.flow = { lastPage: start + 1, reserve };
    this.truncated = false;

    const article = doc.struct("Art");
    this.root.add(article);
    this.heading(article, "H2", p.title, styles.practiceTitle, { lang, after: p.fallback ? 3 : 10 });
    if (p.fallback) {
      const languageName = new Intl.DisplayNames([this.locale], { type: "language" }).of(p.language) ?? p.language;
      this.block(article, "P", wrapText(doc, t("booklet.originalLanguage", { language: languageName }), contentWidth, styles.note), styles.note, { after: 8 });
    }
    this.facts(article, p);
    if (!this.truncated && images.length > 0) this.figures(article, p, images);
    const sections: BookletSection[] = ["summary", "problem", "solution", "results", "lessons", "replication"];
    for (const key of sections) {
      const texts = paragraphs(p[key]);
      if (texts.length === 0 || this.truncated) continue;
      const section = doc.struct("Sect");
      article.add(section);
      // A section not yet translated is printed in the original language, with a note saying so.
      const own = p.sectionLanguages?.[key];
      const untranslated = own !== undefined && own !== p.language && own !== this.locale ? own : null;
      const sectionLang = own !== undefined ? (own !== this.locale ? own : undefined) : lang;
      if (this.heading(section, "H3", t(`booklet.section.${key}`), styles.h3, { after: 3, keep: 2 * lineHeight(doc, styles.body) })) {
        if (untranslated) {
          const languageName = new Intl.DisplayNames([this.locale], { type: "language" }).of(untranslated) ?? untranslated;
          this.block(section, "P", wrapText(doc, t("booklet.originalLanguage", { language: languageName }), contentWidth, styles.note), styles.note, { after: 3 });
        }
        for (const paragraph of texts) {
          if (this.truncated) break;
          this.block(section, "P", wrapText(doc, paragraph, contentWidth, styles.body), styles.body, { lang: sectionLang, after: 5 });
        }
      }
      section.end();
      this.y += 4;
    }

    if (this.truncated) {
      this.y += 4;
      const lines = wrapText(doc, continues, contentWidth, styles.continues);
      const paragraph = doc.struct("P");
      article.add(paragraph);
      paragraph.add(doc.struct("Link", {}, () => this.drawLines(lines, left, this.y, styles.continues, p.url)));
      paragraph.end();
    } else {
      this.y += 6;
      const height = this.linkParagraphHeight(online, p.url, styles.note);
      if (this.y + height > bottom) this.newPage();
      this.linkParagraph(article, online, p.url, styles.note);
    }
    article.end();
    this.flow = { lastPage: null, reserve: 0 };
    this.truncated = false;
    return start;
  }

  /** The practice's facts as a two-column table (a row header per fact) on a tinted box. */
  facts(parent: Struct, p: BookletPractice): void {
    const { doc, t } = this;
    const padding = 10;
    const labelWidth = 108;
    const gap = 10;
    const valueWidth = contentWidth - 2 * padding - labelWidth - gap;
    const partners = p.partners.length > 12 ? [...p.partners.slice(0, 11), `… (+${formatNumber(this.locale, p.partners.length - 11)})`] : p.partners;
    const facts: [string, string[]][] = [
      [t("booklet.field.organization"), [p.organization]],
      [t("booklet.field.city"), p.city ? [p.city] : []],
      [t("booklet.field.country"), p.country ? [p.country] : []],
      [t("booklet.field.themes"), p.themes.length > 0 ? [p.themes.join(", ")] : []],
      [t("booklet.field.sdgs"), p.sdgGoals.length > 0 ? [p.sdgGoals.map((goal) => t("booklet.sdg", { goal })).join(", ")] : []],
      [t("booklet.field.period"), p.period ? [p.period] : []],
      [t("booklet.field.budget"), p.budget ? [p.budget] : []],
      [t("booklet.field.populationReached"), p.populationReached ? [p.populationReached] : []],
      [t("booklet.field.partners"), partners],
    ];
    const labelHeight = lineHeight(doc, styles.label);
    const valueHeight = lineHeight(doc, styles.value);
    const rows = facts
      .filter(([, values]) => values.length > 0)
      .map(([label, values]) => {
        const labelLines = wrapText(doc, label, labelWidth, styles.label);
        const valueLines = values.map((v) => wrapText(doc, v, valueWidth, styles.value));
        const height = Math.max(labelLines.length * labelHeight, valueLines.reduce((sum, lines) => sum + lines.length * valueHeight + 1.5, -1.5));
        return { labelLines, valueLines, height, list: label === t("booklet.field.partners") };
      });
    const rowGap = 4;
    const total = rows.reduce((sum, row) => sum + row.height + rowGap, -rowGap) + 2 * padding;
    if (!this.room(total)) return;
    const top = this.y;
    this.artifact("Layout", () => doc.rect(left, top, contentWidth, total).fill(tint));
    const table = doc.struct("Table");
    parent.add(table);
    let y = top + padding;
    for (const row of rows) {
      const tr = doc.struct("TR");
      table.add(tr);
      const rowY = y;
      this.tagged(tr, "TH", { scope: "Row" } as PDFKit.Mixins.StructureElementOptions, () => this.drawLines(row.labelLines, left + padding, rowY, styles.label));
      const td = doc.struct("TD");
      tr.add(td);
      const valueX = left + padding + labelWidth + gap;
      if (row.list) {
        const list = doc.struct("L");
        td.add(list);
        let itemY = rowY;
        for (const lines of row.valueLines) {
          const at = itemY;
          const item = doc.struct("LI");
          list.add(item);
          this.tagged(item, "LBody", {}, () => this.drawLines(lines, valueX, at, styles.value));
          item.end();
          itemY += lines.length * valueHeight + 1.5;
        }
        list.end();
      } else {
        for (const lines of row.valueLines) this.tagged(td, "P", {}, () => this.drawLines(lines, valueX, rowY, styles.value));
      }
      td.end();
      tr.end();
      y += row.height + rowGap;
    }
    table.end();
    this.y = top + total + 14;
  }

  /** Up to two images side by side, each a Figure with its alt text, and their captions. */
  figures(parent: Struct, p: BookletPractice, images: PracticeImage[]): void {
    const { doc, t } = this;
    const { width: columnWidth, height: maxHeight } = imageBox(images.length);
    const laid = images.map((image, i) => {
      const scale = Math.min(columnWidth / image.prepared.width, maxHeight / image.prepared.height);
      const width = image.prepared.width * scale;
      const height = image.prepared.height * scale;
      const captionLines = image.caption ? wrapText(doc, image.caption, columnWidth, styles.caption) : [];
      return { image, width, height, captionLines, x: left + i * (columnWidth + imageGap) };
    });
    const captionHeight = lineHeight(doc, styles.caption);
    const rowHeight = Math.max(...laid.map((l) => l.height + (l.captionLines.length > 0 ? 5 + l.captionLines.length * captionHeight : 0)));
    if (!this.room(rowHeight)) {
      // Images are not worth the text they would push out: the practice goes on without them.
      this.truncated = false;
      return;
    }
    const lang = this.langOf(p);
    const top = this.y;
    for (const l of laid) {
      const alt = l.image.alt.trim() || l.image.caption?.trim() || t("booklet.imageAlt", { title: p.title });
      const options = { alt, ...(lang ? { lang } : {}), bbox: [l.x, top, l.x + l.width, top + l.height] };
      this.tagged(parent, "Figure", options as PDFKit.Mixins.StructureElementOptions, () => {
        doc.image(l.image.prepared.data, l.x, top, { width: l.width, height: l.height });
      });
      if (l.captionLines.length > 0) {
        this.tagged(parent, "Caption", lang ? { lang } : {}, () => this.drawLines(l.captionLines, l.x, top + l.height + 5, styles.caption));
      }
    }
    this.y = top + rowHeight + 14;
  }

  // ——— indexes ———

  /** Practice indices by key (country, theme), keys sorted in the booklet's language. */
  groups(practices: BookletPractice[], keys: (p: BookletPractice) => string[]): [string, number[]][] {
    const byKey = new Map<string, number[]>();
    practices.forEach((p, i) => {
      for (const key of new Set(keys(p).map((k) => k.trim()).filter(Boolean))) byKey.set(key, [...(byKey.get(key) ?? []), i]);
    });
    const collator = new Intl.Collator(this.locale);
    return [...byKey].sort(([a], [b]) => collator.compare(a, b));
  }

  /** An index from a new page: a heading per key, its practices with their page numbers; returns the first page. */
  index(title: string, groups: [string, number[]][], practicePages: number[], practices: BookletPractice[]): number {
    const { doc } = this;
    this.newPage();
    const first = this.pageIndex();
    doc.outline.addItem(title);
    const index = doc.struct("Index");
    this.root.add(index);
    this.heading(index, "H2", title, styles.h2, { after: 16 });
    const entryHeight = lineHeight(doc, styles.indexEntry);
    const indent = 12;
    for (const [key, members] of groups) {
      this.heading(index, "H3", key, styles.indexGroup, { after: 3, keep: entryHeight });
      const list = doc.struct("L");
      index.add(list);
      for (const i of members) {
        const p = practices[i]!;
        const lines = wrapText(doc, p.title, contentWidth - indent - pageNumberColumn, styles.indexEntry);
        this.room(lines.length * entryHeight);
        const item = doc.struct("LI");
        list.add(item);
        const body = doc.struct("LBody");
        item.add(body);
        this.entryLink(body, lines, this.y, practicePages[i]!, styles.indexEntry, left + indent, this.langOf(p));
        body.end();
        item.end();
        this.y += lines.length * entryHeight + 3;
      }
      list.end();
      this.y += 10;
    }
    index.end();
    return first;
  }

  // ——— running header and page numbers ———

  runningHeadersAndFooters(input: BookletInput): void {
    const { doc } = this;
    const header = fitLine(doc, input.title, contentWidth * 0.62, styles.running);
    const network = fitLine(doc, input.networkName, contentWidth * 0.34, styles.running);
    for (const index of this.numbered) {
      doc.switchToPage(index);
      this.artifact(
        "Pagination",
        () => {
          applyStyle(doc, styles.running);
          doc.text(header, left, 34, { lineBreak: false });
          doc.text(network, left + contentWidth - doc.widthOfString(network), 34, { lineBreak: false });
          doc.moveTo(left, 50).lineTo(left + contentWidth, 50).lineWidth(0.5).strokeColor("#c9d3dc").stroke();
        },
        "Top",
      );
      this.artifact(
        "Pagination",
        () => {
          const number = formatNumber(this.locale, index + 1);
          applyStyle(doc, styles.running);
          doc.text(number, left + contentWidth - doc.widthOfString(number), page.height - 40, { lineBreak: false });
        },
        "Bottom",
      );
    }
  }
}

/**
 * pdfkit copies Title, Author and Subject into the XMP metadata without escaping them (a title
 * with "&" would make it invalid XML) and leaves out the language: the booklet writes its own.
 */
function writeXmpMetadata(doc: Doc, info: { Title: string; Author: string; Subject: string; Keywords: string; Producer: string; CreationDate: Date }, language: Locale): void {
  const x = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  (doc as unknown as { _addInfo: () => void })._addInfo = () => {
    doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>${info.CreationDate.toISOString().split(".")[0]}Z</xmp:CreateDate>
            <xmp:CreatorTool>Pares</xmp:CreatorTool>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${x(info.Title)}</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>${x(info.Author)}</rdf:li></rdf:Seq></dc:creator>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${x(info.Subject)}</rdf:li></rdf:Alt></dc:description>
            <dc:language><rdf:Bag><rdf:li>${language}</rdf:li></rdf:Bag></dc:language>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>${x(info.Producer)}</pdf:Producer>
            <pdf:Keywords>${x(info.Keywords)}</pdf:Keywords>
        </rdf:Description>
        `);
  };
}
