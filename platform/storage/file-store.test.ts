import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "@20minutes/s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FileStore, filesOf, isStorageKey, localFileStore, memoryFileStore, newStorageKey, s3FileStore, s3ObjectUrl } from "./file-store.ts";

const bytes = new TextEncoder().encode("Buenas prácticas de Montevideo");
const scratch = mkdtempSync(join(tmpdir(), "pares-files-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("storage keys", () => {
  it("are random, foldered by year and month, with the real type's extension", () => {
    const key = newStorageKey("jpg", new Date("2026-12-05T10:00:00Z"));
    expect(key).toMatch(/^2026\/12\/[0-9a-f-]{36}\.jpg$/);
    expect(newStorageKey("jpg")).not.toBe(newStorageKey("jpg"));
    expect(isStorageKey(key)).toBe(true);
    expect(() => newStorageKey("../x")).toThrow(/extension/);
  });

  it("never lead out of the store", () => {
    for (const key of ["../etc/passwd", "2026/../../x", "/etc/passwd", "a//b", "a/./b", "", "a\\b", "a/b/", "C:x", "a b", "a\u0000b"]) {
      expect(isStorageKey(key), key).toBe(false);
    }
  });
});

/** What every store does, whatever keeps the bytes. */
function behavesAsAFileStore(name: string, store: () => FileStore) {
  describe(name, () => {
    it("gives back what was put, null for a missing key, and forgets what was deleted", async () => {
      const files = store();
      const key = newStorageKey("txt");
      await files.put(key, bytes, "text/plain; charset=utf-8");
      expect(await files.get(key)).toEqual(bytes);
      expect(await files.get(newStorageKey("txt"))).toBeNull();
      await files.put(key, new Uint8Array([1, 2, 3]), "application/octet-stream");
      expect(await files.get(key)).toEqual(new Uint8Array([1, 2, 3]));
      await files.delete(key);
      expect(await files.get(key)).toBeNull();
      await files.delete(key); // deleting again is fine
    });

    it("refuses keys that could climb out of it", async () => {
      const files = store();
      await expect(files.put("../escape.txt", bytes, "text/plain")).rejects.toThrow(/invalid storage key/);
      await expect(files.get("2026/../../../etc/passwd")).rejects.toThrow(/invalid storage key/);
      await expect(files.delete("/etc/passwd")).rejects.toThrow(/invalid storage key/);
    });
  });
}

behavesAsAFileStore("memory store", () => memoryFileStore());
behavesAsAFileStore("local store", () => localFileStore(join(scratch, "local")));

describe("local store", () => {
  it("creates its directory on demand and leaves no temporary file behind", async () => {
    const directory = join(scratch, "on-demand", "files");
    const files = localFileStore(directory);
    expect(existsSync(directory)).toBe(false);
    const key = newStorageKey("pdf", new Date("2026-12-05T00:00:00Z"));
    await files.put(key, bytes, "application/pdf");
    expect(readFileSync(join(directory, key))).toEqual(Buffer.from(bytes));
    expect(readdirSync(join(directory, "2026", "12"))).toEqual([key.split("/")[2]]);
  });

  it("never reads a file outside its directory, even one placed beside it", async () => {
    const directory = join(scratch, "guarded");
    writeFileSync(join(scratch, "secret.txt"), "not yours");
    const files = localFileStore(directory);
    await expect(files.get("../secret.txt")).rejects.toThrow(/invalid storage key/);
  });
});

describe("filesOf", () => {
  it("returns the services' store, or says clearly that there is none", () => {
    const files = memoryFileStore();
    expect(filesOf({ db: {} as never, files })).toBe(files);
    expect(() => filesOf({ db: {} as never })).toThrow(/no file store/);
  });
});

describe("S3 object addresses", () => {
  it("put the bucket in the path or in the host name", () => {
    const key = "2026/12/abc.png";
    expect(s3ObjectUrl({ endpoint: "http://127.0.0.1:9000", bucket: "pares", forcePathStyle: true }, key)).toBe("http://127.0.0.1:9000/pares/2026/12/abc.png");
    expect(s3ObjectUrl({ endpoint: "https://s3.sa-east-1.amazonaws.com/", bucket: "pares", forcePathStyle: false }, key)).toBe("https://pares.s3.sa-east-1.amazonaws.com/2026/12/abc.png");
    expect(s3ObjectUrl({ endpoint: "https://storage.example.org/s3", bucket: "pares", forcePathStyle: true }, key)).toBe("https://storage.example.org/s3/pares/2026/12/abc.png");
  });
});

describe("S3 store against an S3-compatible server", () => {
  let server: S3rver;
  let endpoint = "";
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  beforeAll(async () => {
    server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: join(scratch, "s3"), configureBuckets: [{ name: "pares" }] });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(() => server?.close());

  const s3 = (secretAccessKey = credentials.secretAccessKey) =>
    s3FileStore({ endpoint, bucket: "pares", region: "us-east-1", accessKeyId: credentials.accessKeyId, secretAccessKey, forcePathStyle: true });

  behavesAsAFileStore("S3 store", () => s3());

  it("keeps the bytes exactly (binary, larger than one packet)", async () => {
    const files = s3();
    const key = newStorageKey("bin");
    const binary = new Uint8Array(300_000).map((_, i) => (i * 7919) % 256);
    await files.put(key, binary, "application/octet-stream");
    expect(await files.get(key)).toEqual(binary);
  });

  it("signs its requests: wrong credentials are refused by the server", async () => {
    await expect(s3("not-the-secret").put(newStorageKey("txt"), bytes, "text/plain")).rejects.toThrow(/S3 put .* failed: 403 SignatureDoesNotMatch/);
  });

  it("says which bucket is missing", async () => {
    const files = s3FileStore({ endpoint, bucket: "nowhere", region: "us-east-1", ...credentials, forcePathStyle: true });
    await expect(files.put(newStorageKey("txt"), bytes, "text/plain")).rejects.toThrow(/bucket nowhere failed: 404 NoSuchBucket/);
  });
});
