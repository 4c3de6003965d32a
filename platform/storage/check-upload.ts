// What an uploaded file is, decided from its bytes (never from its name or the type a browser
// claims), against an allow-list and a size limit; and the name to show for it. The name is
// only ever shown: where the file is kept is a random key (newStorageKey), so a name can steer
// nothing. Choices explained in docs/decisions/015-uploads-and-file-storage.md.
import { fileTypeFromBuffer } from "file-type";
import { invalid } from "../errors.ts";
import { messageWith } from "./field-message.ts";

export type UploadKind = "image" | "document";

export interface UploadPolicy {
  kinds: UploadKind[];
  maxBytes: number;
}

export interface CheckedUpload {
  /** The real type, for the Content-Type header when the file is served. */
  contentType: string;
  /** The usual extension of that type, lowercase, without the dot ("jpg", "docx", "csv"). */
  extension: string;
  kind: UploadKind;
  bytes: Uint8Array;
  /** The original name, cleaned, with the extension of the real type: for showing and downloading. */
  displayName: string;
}

interface AllowedType {
  extension: string;
  contentType: string;
  kind: UploadKind;
  /** Other extensions people give this type, kept in the display name when used. */
  aliases?: string[];
}

/** What may be uploaded, by the extension file-type reports for the content. */
const allowedTypes: Record<string, AllowedType> = {
  png: { extension: "png", contentType: "image/png", kind: "image" },
  // An animated PNG is a PNG whose later frames old readers ignore; it is kept as a PNG.
  apng: { extension: "png", contentType: "image/png", kind: "image" },
  jpg: { extension: "jpg", contentType: "image/jpeg", kind: "image", aliases: ["jpeg", "jpe"] },
  webp: { extension: "webp", contentType: "image/webp", kind: "image" },
  pdf: { extension: "pdf", contentType: "application/pdf", kind: "document" },
  docx: { extension: "docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", kind: "document" },
  xlsx: { extension: "xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", kind: "document" },
  pptx: { extension: "pptx", contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", kind: "document" },
  odt: { extension: "odt", contentType: "application/vnd.oasis.opendocument.text", kind: "document" },
  ods: { extension: "ods", contentType: "application/vnd.oasis.opendocument.spreadsheet", kind: "document" },
  odp: { extension: "odp", contentType: "application/vnd.oasis.opendocument.presentation", kind: "document" },
};

/** Plain text has no signature: it is taken only under these names (see isPlainText). */
const textTypes: Record<string, AllowedType> = {
  txt: { extension: "txt", contentType: "text/plain; charset=utf-8", kind: "document" },
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8", kind: "document" },
};

/** Types file-type recognizes that run as programs (or install them) wherever they are opened. */
const programTypes = new Set(["elf", "exe", "macho", "class", "wasm", "jar", "apk", "crx", "xpi", "deb", "rpm", "dmg", "cab", "lnk", "reg", "swf", "asar"]);

/** The longest display name kept, in characters (graphemes), extension included. */
export const maxDisplayNameLength = 120;

const typeNotAllowed: Record<string, string> = {
  image: "i18n:storage.typeNotAllowed.image",
  document: "i18n:storage.typeNotAllowed.document",
  any: "i18n:storage.typeNotAllowed.any",
};

/** The size limit as people read it: whole or one-decimal megabytes, else kilobytes. */
export function sizeLimitOf(maxBytes: number): { size: number; unit: "MB" | "KB" } {
  const mb = 1024 * 1024;
  if (maxBytes >= mb) return { size: Math.floor((maxBytes / mb) * 10) / 10, unit: "MB" };
  return { size: Math.max(1, Math.floor(maxBytes / 1024)), unit: "KB" };
}

/**
 * Checks an uploaded file: a safe name, not empty, within the size limit, and of an allowed type
 * by its content. Refusals are `invalid` errors on `field`. A name whose extension contradicts the
 * content is corrected, not refused: the content decides what the file is.
 */
export async function checkUpload(bytes: Uint8Array, originalName: string, policy: UploadPolicy, field = "file"): Promise<CheckedUpload> {
  const refuse = (message: string) => invalid({ [field]: [message] });
  if (unsafeName(originalName)) throw refuse("i18n:storage.nameUnsafe");
  if (bytes.length === 0) throw refuse("i18n:storage.empty");
  if (bytes.length > policy.maxBytes) throw refuse(messageWith("storage.tooLarge", sizeLimitOf(policy.maxBytes)));
  if (isProgram(bytes)) throw refuse("i18n:storage.program");

  // A malformed container file-type cannot parse is simply not of a known type.
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (detected && programTypes.has(detected.ext)) throw refuse("i18n:storage.program");
  let type: AllowedType | undefined;
  if (detected) {
    type = allowedTypes[detected.ext];
  } else if (policy.kinds.includes("document")) {
    const named = textTypes[extensionOf(originalName) ?? ""];
    if (named) {
      const text = plainTextOf(bytes);
      if (text === "not-utf8") throw refuse("i18n:storage.textEncoding");
      if (text === "text") type = named;
    }
  }
  if (!type || !policy.kinds.includes(type.kind)) {
    // A name promising an allowed type the content is not (a text renamed ".png"): say so, rather
    // than list the allowed types as if the name were the problem.
    const given = extensionOf(originalName);
    const claimed = given ? typeNamed(given) : undefined;
    if (given && claimed && policy.kinds.includes(claimed.kind)) throw refuse(messageWith("storage.contentMismatch", { extension: given, type: given.toUpperCase() }));
    const which = policy.kinds.length === 1 ? policy.kinds[0]! : "any";
    throw refuse(typeNotAllowed[which]!);
  }
  return { contentType: type.contentType, extension: type.extension, kind: type.kind, bytes, displayName: displayNameOf(originalName, type) };
}

/**
 * A name that is more than a file name: folders (either slash), "." or "..", a drive letter,
 * NUL or other control characters. Browsers send the bare name, so such a name is not one a
 * person chose; it is refused rather than silently cut.
 */
function unsafeName(name: string): boolean {
  if (/[/\\]/.test(name)) return true;
  if (/^[A-Za-z]:/.test(name)) return true;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return true;
  const trimmed = name.trim();
  return trimmed === "." || trimmed === "..";
}

/**
 * Programs recognized by their first bytes even where file-type says nothing (a script) or may
 * say something else: Windows executables ("MZ"), scripts ("#!"), ELF, Mach-O (thin and fat),
 * Java classes.
 */
function isProgram(bytes: Uint8Array): boolean {
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
  return (
    (starts(0x4d, 0x5a) && bytes.subarray(0, 64).includes(0)) || // MZ and a binary header: DOS/Windows executable
    starts(0x23, 0x21) || // #!: script
    starts(0xef, 0xbb, 0xbf, 0x23, 0x21) || // #! after a UTF-8 byte-order mark
    starts(0x7f, 0x45, 0x4c, 0x46) || // ELF
    starts(0xfe, 0xed, 0xfa, 0xce) || starts(0xfe, 0xed, 0xfa, 0xcf) || // Mach-O, big-endian
    starts(0xce, 0xfa, 0xed, 0xfe) || starts(0xcf, 0xfa, 0xed, 0xfe) || // Mach-O, little-endian
    starts(0xca, 0xfe, 0xba, 0xbe) // Mach-O universal binary or Java class
  );
}

/**
 * Whether bytes are plain text we can keep and serve as text: valid UTF-8, no NUL nor control
 * characters other than tab, line breaks and form feed, and not markup a browser would run
 * (HTML, SVG, XML) whatever the name says.
 */
function plainTextOf(bytes: Uint8Array): "text" | "not-utf8" | "not-text" {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Text in another encoding (a CSV saved by Excel as Windows-1252), or not text at all.
    return bytes.includes(0) ? "not-text" : "not-utf8";
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return "not-text";
  if (/^\s*<(?:!doctype|html|head|body|script|svg|\?xml|iframe|meta|!--)/i.test(text)) return "not-text";
  return "text";
}

/** The allowed type an extension names ("png", "jpeg", "txt"), if any. */
function typeNamed(extension: string): AllowedType | undefined {
  return [...Object.values(allowedTypes), ...Object.values(textTypes)].find((t) => t.extension === extension || t.aliases?.includes(extension));
}

function extensionOf(name: string): string | undefined {
  return /\.([A-Za-z0-9]{1,8})\s*$/.exec(name)?.[1]?.toLowerCase();
}

/**
 * The name people see: Unicode NFC, without invisible direction marks or other format
 * characters (a right-to-left override can make "gpj.exe" read "exe.jpg"), whitespace runs as
 * one space, at most maxDisplayNameLength characters, and ending with the real type's extension.
 */
function displayNameOf(originalName: string, type: AllowedType): string {
  let name = originalName
    .normalize("NFC")
    .replace(/\p{Cf}/gu, "")
    .replace(/\s+/gu, " ")
    .trim();
  const given = extensionOf(name);
  const keep = given && (given === type.extension || type.aliases?.includes(given));
  const extension = keep ? name.slice(name.length - given.length) : type.extension;
  if (given) name = name.slice(0, name.length - given.length - 1).trimEnd();
  name = name.replace(/^[.\s]+|[.\s]+$/gu, "");
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(name)].map((s) => s.segment);
  const room = maxDisplayNameLength - extension.length - 1;
  if (graphemes.length > room) name = graphemes.slice(0, room).join("").trimEnd();
  return `${name || "file"}.${extension}`;
}
