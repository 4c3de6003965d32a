// The file store the configuration asks for: the S3-compatible bucket when S3_BUCKET is set,
// else a directory on this server.
import { dirname, resolve } from "node:path";
import type { Config } from "../config.ts";
import { type FileStore, localFileStore, s3FileStore } from "./file-store.ts";

/** FILES_DIR, else `files` beside the embedded database's directory (./data/files by default), as pares.secret is. */
export function filesDirOf(config: Pick<Config, "FILES_DIR" | "PGLITE_DIR">): string {
  return config.FILES_DIR ? resolve(config.FILES_DIR) : resolve(dirname(resolve(config.PGLITE_DIR)), "files");
}

export function fileStoreFromConfig(config: Config): FileStore {
  if (config.S3_BUCKET) {
    return s3FileStore({
      endpoint: config.S3_ENDPOINT!,
      bucket: config.S3_BUCKET,
      region: config.S3_REGION!,
      accessKeyId: config.S3_ACCESS_KEY_ID!,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
  }
  return localFileStore(filesDirOf(config));
}

/** Where files go, for the start-up log (no credentials). */
export function fileStoreLocation(config: Config): string {
  return config.S3_BUCKET ? `bucket ${config.S3_BUCKET} at ${config.S3_ENDPOINT}` : filesDirOf(config);
}
