// Uploaded images made safe to keep and to show: turned upright (EXIF orientation), stripped of
// every metadata block (GPS position, camera, owner), at most 1600 px on the long side, plus a
// thumbnail. JPEG and PNG stay as they are; WebP becomes JPEG, or PNG when it is transparent, so
// every stored image also goes into generated PDFs (pdfkit reads only JPEG and PNG).
import sharp from "sharp";
import { invalid } from "../errors.ts";
import { messageWith } from "./field-message.ts";

export interface ProcessedImage {
  bytes: Uint8Array;
  contentType: "image/jpeg" | "image/png";
  width: number;
  height: number;
}

/** The long side of a stored image and of its thumbnail, in pixels (never enlarged). */
export const fullImageSize = 1600;
export const thumbnailSize = 480;

/**
 * The most pixels an upload may decode to (64 megapixels, e.g. 8000 × 8000): more is refused
 * before decoding, so a small file that unpacks into gigabytes of pixels (a decompression bomb)
 * costs nothing. Phone cameras stay well below it.
 */
export const maxImagePixels = 64_000_000;

/**
 * The full image and its thumbnail. A file sharp cannot decode (damaged, cut short, not an image
 * at all) or too large in pixels is refused as `invalid` on `field`.
 */
export async function processImage(bytes: Uint8Array, field = "file"): Promise<{ full: ProcessedImage; thumbnail: ProcessedImage }> {
  let format: string | undefined;
  let transparent: boolean;
  try {
    const metadata = await sharp(bytes, { limitInputPixels: maxImagePixels }).metadata();
    format = metadata.format;
    transparent = metadata.hasAlpha;
    if (metadata.width * metadata.height > maxImagePixels) throw new Error("Input image exceeds pixel limit");
  } catch (err) {
    throw refusal(err, field);
  }
  if (format !== "jpeg" && format !== "png" && format !== "webp") throw invalid({ [field]: ["i18n:storage.imageUnreadable"] });
  const output = format === "png" || (format === "webp" && transparent) ? "png" : "jpeg";
  try {
    const full = await render(bytes, fullImageSize, output);
    const thumbnail = await render(full.bytes, thumbnailSize, output);
    return { full, thumbnail };
  } catch (err) {
    throw refusal(err, field);
  }
}

async function render(input: Uint8Array, size: number, output: "jpeg" | "png"): Promise<ProcessedImage> {
  // Decoding warnings (a truncated JPEG) fail too: a half-gray photo is not worth keeping.
  let image = sharp(input, { limitInputPixels: maxImagePixels, failOn: "warning" })
    .autoOrient()
    .resize({ width: size, height: size, fit: "inside", withoutEnlargement: true });
  // Metadata (EXIF, XMP, IPTC, ICC) is dropped by default; colors are converted to sRGB first.
  // Baseline JPEG and 8-bit PNG: what pdfkit embeds without converting.
  image = output === "png" ? image.png({ compressionLevel: 8, adaptiveFiltering: true }) : image.jpeg({ quality: 82 });
  const { data, info } = await image.toBuffer({ resolveWithObject: true });
  return {
    bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    contentType: output === "png" ? "image/png" : "image/jpeg",
    width: info.width,
    height: info.height,
  };
}

function refusal(err: unknown, field: string) {
  const message = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(message)) {
    return invalid({ [field]: [messageWith("storage.imageTooManyPixels", { megapixels: maxImagePixels / 1_000_000 })] });
  }
  return invalid({ [field]: ["i18n:storage.imageUnreadable"] });
}
