// Where uploaded files are kept: a directory on the server's disk by default, any S3-compatible
// object store when configured (MinIO, Garage, AWS, …), memory in tests. Files are addressed by
// random keys (newStorageKey), never by the names people gave them; the database records which
// key belongs to what, with its type and display name.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import { AwsClient } from "aws4fetch";
import type { ServiceContext } from "../context.ts";

export interface FileStore {
  /** Stores the bytes under the key, replacing what was there. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes under the key, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the key; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** Lowercase letters and digits, dot, hyphen, underscore, in segments joined by "/"; no "..". */
const keyPattern = /^[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)*$/;

/** Whether a key is one a store accepts: nothing in it can climb out of the store's root. */
export function isStorageKey(key: string): boolean {
  return key.length <= 256 && keyPattern.test(key) && !key.includes("..");
}

function checkKey(key: string): void {
  // A key comes from our own code (newStorageKey, or the database): a bad one is a bug, not input.
  if (!isStorageKey(key)) throw new Error(`invalid storage key: ${JSON.stringify(key.slice(0, 100))}`);
}

/** A new random key: year and month (UTC) as folders, so no folder grows without bound. */
export function newStorageKey(extension: string, now = new Date()): string {
  if (!/^[a-z0-9]{1,8}$/.test(extension)) throw new Error(`invalid file extension: ${JSON.stringify(extension)}`);
  const month = String(now.getUTCMonth() + 1).padStart(2, "0");
  return `${now.getUTCFullYear()}/${month}/${randomUUID()}.${extension}`;
}

/** The file store of the services, for use cases that keep files. */
export function filesOf(ctx: ServiceContext): FileStore {
  if (!ctx.files) throw new Error("no file store in the services: build them with `files` (fileStoreFromConfig, or memoryFileStore in tests)");
  return ctx.files;
}

/**
 * Files under a directory of this server (created on demand). A write goes to a temporary file
 * beside the target, is flushed, then renamed over it: a reader sees the old file or the new one,
 * never half of one.
 */
export function localFileStore(directory = "./data/files"): FileStore {
  const root = resolve(directory);
  const pathOf = (key: string) => {
    checkKey(key);
    const path = resolve(root, key);
    if (!path.startsWith(root + sep)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
    return path;
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${randomBytes(6).toString("hex")}.tmp`;
      try {
        const file = await open(temporary, "wx", 0o640);
        try {
          await file.writeFile(bytes);
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(temporary, path);
      } catch (err) {
        await rm(temporary, { force: true });
        throw err;
      }
    },
    async get(key) {
      try {
        const data = await readFile(pathOf(key));
        return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

/** Files in memory, for tests. */
export function memoryFileStore(): FileStore & { readonly files: ReadonlyMap<string, { bytes: Uint8Array; contentType: string }> } {
  const files = new Map<string, { bytes: Uint8Array; contentType: string }>();
  return {
    files,
    async put(key, bytes, contentType) {
      checkKey(key);
      files.set(key, { bytes: bytes.slice(), contentType });
    },
    async get(key) {
      checkKey(key);
      return files.get(key)?.bytes.slice() ?? null;
    },
    async delete(key) {
      checkKey(key);
      files.delete(key);
    },
  };
}

export interface S3Options {
  /** The service's address, e.g. https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bucket in the path (endpoint/bucket/key, as MinIO and Garage expect) instead of the host name (bucket.endpoint/key). */
  forcePathStyle: boolean;
  /** How long one request may take, in milliseconds (default 30 s). */
  timeoutMs?: number;
}

/** Where an object is: endpoint/bucket/key in path style, bucket.endpoint/key otherwise. */
export function s3ObjectUrl(options: Pick<S3Options, "endpoint" | "bucket" | "forcePathStyle">, key: string): string {
  checkKey(key);
  const url = new URL(options.endpoint);
  const basePath = url.pathname.replace(/\/+$/, "");
  if (options.forcePathStyle) {
    url.pathname = `${basePath}/${encodeURIComponent(options.bucket)}/${key}`;
  } else {
    url.hostname = `${options.bucket}.${url.hostname}`;
    url.pathname = `${basePath}/${key}`;
  }
  return url.toString();
}

/**
 * Files in a bucket of an S3-compatible service, through its REST API with Signature Version 4
 * (aws4fetch). Each upload carries its SHA-256, which the service checks.
 */
export function s3FileStore(options: S3Options): FileStore {
  const client = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    service: "s3",
    region: options.region,
    retries: 3,
  });
  const urlOf = (key: string) => s3ObjectUrl(options, key);
  const timeout = options.timeoutMs ?? 30_000;
  const request = (method: string, key: string, init: RequestInit = {}) =>
    client.fetch(urlOf(key), { ...init, method, signal: AbortSignal.timeout(timeout) });
  const failure = async (what: string, key: string, response: Response) => {
    const body = await response.text().catch(() => "");
    const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
    return new Error(`S3 ${what} ${key} in bucket ${options.bucket} failed: ${response.status}${code ? ` ${code}` : ""}`);
  };
  return {
    async put(key, bytes, contentType) {
      const response = await request("PUT", key, {
        body: bytes as Uint8Array<ArrayBuffer>,
        headers: {
          "content-type": contentType,
          "x-amz-content-sha256": createHash("sha256").update(bytes).digest("hex"),
        },
      });
      if (!response.ok) throw await failure("put", key, response);
      await response.body?.cancel();
    },
    async get(key) {
      const response = await request("GET", key);
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok) throw await failure("get", key, response);
      return new Uint8Array(await response.arrayBuffer());
    },
    async delete(key) {
      const response = await request("DELETE", key);
      if (!response.ok && response.status !== 404) throw await failure("delete", key, response);
      await response.body?.cancel();
    },
  };
}
