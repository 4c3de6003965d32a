import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { filesDirOf, fileStoreLocation } from "./from-config.ts";

describe("file store from the configuration", () => {
  it("keeps files beside the embedded database by default, or in FILES_DIR", () => {
    expect(filesDirOf(loadConfig({}))).toBe(resolve("data/files"));
    expect(filesDirOf(loadConfig({ PGLITE_DIR: "/var/lib/pares/pglite" }))).toBe("/var/lib/pares/files");
    expect(filesDirOf(loadConfig({ PGLITE_DIR: "/var/lib/pares/pglite", FILES_DIR: "/srv/files" }))).toBe("/srv/files");
  });

  it("uses the bucket when one is configured, and names no credential when saying where", () => {
    const config = loadConfig({ S3_ENDPOINT: "https://s3.example.org", S3_BUCKET: "pares", S3_REGION: "garage", S3_ACCESS_KEY_ID: "GK1", S3_SECRET_ACCESS_KEY: "very-secret" });
    expect(fileStoreLocation(config)).toBe("bucket pares at https://s3.example.org");
    expect(fileStoreLocation(loadConfig({}))).toBe(resolve("data/files"));
  });
});
