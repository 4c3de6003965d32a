// Images of a booklet made ready for pdfkit, which embeds baseline JPEG and plain 8-bit PNG as they
// are (fast) but cannot read WebP, and decodes a PNG with transparency pixel by pixel in
// JavaScript (slow). Those, and anything pdfkit would have to rotate or convert, go through sharp
// once; a page is white, so transparency is flattened onto white.
import sharp from "sharp";

export interface BookletImage {
  data: Buffer;
  /** Pixels, as the image is drawn (after any rotation). */
  width: number;
  height: number;
}

/**
 * The image ready to embed, at most `box` pixels (about 200 dpi for the room it is printed in), or
 * null when it cannot be read: the booklet is then made without it.
 */
export async function prepareBookletImage(bytes: Uint8Array, box: { width: number; height: number }): Promise<BookletImage | null> {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const meta = await sharp(input).metadata();
    if (!meta.width || !meta.height) return null;
    const upright = (meta.orientation ?? 1) === 1;
    // A little larger than the box is not worth a second compression.
    const small = meta.width <= box.width * 1.2 && meta.height <= box.height * 1.2;
    const asIs =
      upright &&
      small &&
      ((meta.format === "jpeg" && meta.space !== "cmyk") ||
        (meta.format === "png" && !meta.hasAlpha && !meta.isProgressive && meta.depth === "uchar"));
    if (asIs) return { data: input, width: meta.width, height: meta.height };
    const pipeline = sharp(input)
      .rotate()
      .resize({ width: box.width, height: box.height, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .toColourspace("srgb");
    // A PNG is often a chart or a diagram: it stays lossless; anything else is a photograph.
    const encoded = meta.format === "png" ? pipeline.png({ compressionLevel: 6 }) : pipeline.jpeg({ quality: 82 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch {
    return null;
  }
}
