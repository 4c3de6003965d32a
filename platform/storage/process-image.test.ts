import { crc32, deflateSync } from "node:zlib";
import sharp, { type Sharp } from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { fullImageSize, maxImagePixels, processImage, thumbnailSize } from "./process-image.ts";

const blank = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: channels === 4 ? { r: 0, g: 128, b: 0, alpha: 0.5 } : "#3366aa" } });
const bytesOf = async (image: Sharp) => new Uint8Array(await image.toBuffer());

/** A phone photo: 200 × 100 pixels as stored, red on the left, blue on the right, taken in Buenos Aires. */
async function phonePhoto(orientation: number): Promise<Uint8Array> {
  const halves = await sharp({ create: { width: 100, height: 100, channels: 3, background: "#ff0000" } })
    .extend({ right: 100, background: "#0000ff" })
    .raw()
    .toBuffer();
  return bytesOf(
    sharp(halves, { raw: { width: 200, height: 100, channels: 3 } })
      .jpeg()
      .withExif({
        IFD0: { Make: "Pares Phone", Model: "Test", Artist: "Ana Souza" },
        IFD3: { GPSLatitudeRef: "S", GPSLatitude: "34/1 36/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "58/1 22/1 0/1" },
      })
      .withMetadata({ orientation }),
  );
}

async function refusal(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("invalid");
  return (error as AppError).fieldErrors!;
}

describe("processImage", () => {
  it("removes the GPS position and every other metadata block", async () => {
    const photo = await phonePhoto(1);
    const before = await sharp(photo).metadata();
    // The fixture does carry the owner and a GPS block (its tag 0x8825 points to it).
    expect(before.exif?.toString("latin1")).toContain("Ana Souza");
    expect(before.exif?.includes(Buffer.from([0x88, 0x25])) || before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    const { full, thumbnail } = await processImage(photo);
    for (const image of [full, thumbnail]) {
      const after = await sharp(image.bytes).metadata();
      expect(after.exif).toBeUndefined();
      expect(after.xmp).toBeUndefined();
      expect(after.iptc).toBeUndefined();
      expect(Buffer.from(image.bytes).includes("Ana Souza")).toBe(false);
    }
  });

  it("turns a photo upright by its EXIF orientation", async () => {
    // Orientation 6: the camera was turned; shown rotated 90° clockwise, so the left half ends on top.
    const { full } = await processImage(await phonePhoto(6));
    expect([full.width, full.height]).toEqual([100, 200]);
    const meta = await sharp(full.bytes).metadata();
    expect(meta.orientation).toBeUndefined();
    const { data } = await sharp(full.bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * 100 + x) * 3, (y * 100 + x) * 3 + 3)];
    expect(pixel(50, 20)[0]).toBeGreaterThan(200); // red on top
    expect(pixel(50, 180)[2]).toBeGreaterThan(200); // blue below
  });

  it("makes the long side at most 1600 px and the thumbnail's at most 480 px, keeping the proportions", async () => {
    const { full, thumbnail } = await processImage(await bytesOf(blank(4000, 1000).jpeg()));
    expect(full).toMatchObject({ width: fullImageSize, height: 400, contentType: "image/jpeg" });
    expect(thumbnail).toMatchObject({ width: thumbnailSize, height: 120, contentType: "image/jpeg" });
    expect(await sharp(full.bytes).metadata()).toMatchObject({ width: 1600, height: 400, format: "jpeg" });
    const tall = await processImage(await bytesOf(blank(900, 2400).png()));
    expect([tall.full.width, tall.full.height, tall.thumbnail.width, tall.thumbnail.height]).toEqual([600, 1600, 180, 480]);
  });

  it("never enlarges a small image", async () => {
    const { full, thumbnail } = await processImage(await bytesOf(blank(300, 200).png()));
    expect([full.width, full.height, thumbnail.width, thumbnail.height]).toEqual([300, 200, 300, 200]);
  });

  it("keeps PNG as PNG and turns WebP into JPEG, or PNG when it is transparent", async () => {
    expect((await processImage(await bytesOf(blank(50, 50).png()))).full.contentType).toBe("image/png");
    expect((await processImage(await bytesOf(blank(50, 50).webp()))).full.contentType).toBe("image/jpeg");
    const transparent = await processImage(await bytesOf(blank(50, 50, 4).webp()));
    expect(transparent.full.contentType).toBe("image/png");
    expect((await sharp(transparent.full.bytes).metadata()).hasAlpha).toBe(true);
  });

  it("refuses an image cut short, and bytes that are no image", async () => {
    const photo = await bytesOf(blank(400, 300).jpeg());
    expect(await refusal(processImage(photo.subarray(0, Math.floor(photo.length / 2)), "cover"))).toEqual({ cover: ["i18n:storage.imageUnreadable"] });
    expect(await refusal(processImage(new TextEncoder().encode("not an image at all")))).toEqual({ file: ["i18n:storage.imageUnreadable"] });
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect(await refusal(processImage(svg))).toEqual({ file: ["i18n:storage.imageUnreadable"] });
  });

  it("refuses a decompression bomb before decoding it", async () => {
    // A PNG header announcing 20,000 × 20,000 pixels (400 megapixels) in a few bytes.
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(body));
      return Buffer.concat([length, body, crc]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(20_000, 0);
    header.writeUInt32BE(20_000, 4);
    header.set([8, 2, 0, 0, 0], 8);
    const rows = chunk("IDAT", deflateSync(Buffer.alloc(60_001))); // the first row; the decoder would expect 19,999 more
    const bomb = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), rows, chunk("IEND", Buffer.alloc(0))]);
    expect(bomb.length).toBeLessThan(200);
    expect(await refusal(processImage(new Uint8Array(bomb)))).toEqual({
      file: [`i18n:storage.imageTooManyPixels|{"megapixels":${maxImagePixels / 1_000_000}}`],
    });
  });
});
