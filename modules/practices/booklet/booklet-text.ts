// Fonts and line breaking for the PDF booklet. The booklet breaks its own lines (pdfkit only
// draws them) so that it knows, before drawing, how many lines a paragraph takes and where a page
// must end: a practice may take two pages and no more.
import { readFileSync } from "node:fs";
import * as fontkit from "fontkit";
import { dataFile } from "../../../platform/project-files.ts";
import type PDFDocument from "pdfkit";

export type Doc = typeof PDFDocument;

/** Noto Sans (SIL Open Font License 1.1), shipped in data/fonts with its licence; see decision 016. */
const fontFiles = { regular: "NotoSans-Regular.ttf", bold: "NotoSans-Bold.ttf", italic: "NotoSans-Italic.ttf" } as const;
export type FontName = keyof typeof fontFiles;

// Parsed once per process and shared by every document (pdfkit takes a fontkit font as it is):
// parsing the layout tables again for each booklet cost more than laying the booklet out.
let fonts: Record<FontName, fontkit.Font> | undefined;

function loadFonts(): Record<FontName, fontkit.Font> {
  fonts ??= Object.fromEntries(
    Object.entries(fontFiles).map(([name, file]) => {
      const font = fontkit.create(readFileSync(dataFile("fonts", file)));
      if (!("layout" in font)) throw new Error(`${file} is a font collection`);
      return [name, font];
    }),
  ) as Record<FontName, fontkit.Font>;
  return fonts;
}

/** Registers the booklet's faces as "regular", "bold" and "italic". */
export function registerBookletFonts(doc: Doc): void {
  const loaded = loadFonts();
  for (const name of Object.keys(fontFiles) as FontName[]) doc.registerFont(name, loaded[name] as unknown as Uint8Array);
}

export interface TextStyle {
  font: FontName;
  size: number;
  color: string;
  /** Extra space between lines, in points. */
  leading: number;
}

export function applyStyle(doc: Doc, style: TextStyle): void {
  doc.font(style.font).fontSize(style.size).fillColor(style.color);
}

/** The distance from one line's top to the next one's. */
export function lineHeight(doc: Doc, style: TextStyle): number {
  doc.font(style.font).fontSize(style.size);
  return doc.currentLineHeight(true) + style.leading;
}

/** Paragraphs of user text: separated by blank lines; single line breaks are kept inside a paragraph. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/[ \t]+\n/g, "\n").trim())
    .filter((p) => p !== "");
}

/** Lines of at most `width` points; a word longer than a line (a long address) is cut where it must. */
export function wrapText(doc: Doc, text: string, width: number, style: TextStyle): string[] {
  doc.font(style.font).fontSize(style.size);
  // A hair narrower than the column: pdfkit measures a word with the space after it.
  const limit = width - 0.5;
  const space = doc.widthOfString(" ");
  const lines: string[] = [];
  for (const hardLine of text.split("\n")) {
    let line = "";
    let lineWidth = 0;
    for (const word of hardLine.split(/[ \t\u00a0]+/).filter((w) => w !== "")) {
      const wordWidth = doc.widthOfString(word);
      if (line !== "" && lineWidth + space + wordWidth <= limit) {
        line += ` ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line !== "") lines.push(line);
      if (wordWidth <= limit) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      const pieces = cutWord(doc, word, limit);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1)!;
      lineWidth = doc.widthOfString(line);
    }
    if (line !== "") lines.push(line);
  }
  return lines;
}

function cutWord(doc: Doc, word: string, limit: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const char of word) {
    if (piece !== "" && doc.widthOfString(piece + char) > limit) {
      pieces.push(piece);
      piece = "";
    }
    piece += char;
  }
  pieces.push(piece);
  return pieces;
}

/** `text` on one line of at most `width` points, cut with "…" when longer. */
export function fitLine(doc: Doc, text: string, width: number, style: TextStyle): string {
  doc.font(style.font).fontSize(style.size);
  if (doc.widthOfString(text) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && doc.widthOfString(`${chars.join("").trimEnd()}…`) > width) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}
