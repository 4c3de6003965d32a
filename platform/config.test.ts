import { describe, expect, it } from "vitest";
import { ConfigError, demoAccountsAllowed, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("has defaults that run the platform on the embedded database", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", PGLITE_DIR: "./data/pglite", DEMO_DATA: true });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("names the variable that is wrong, without echoing secrets", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/^configuration error: PORT is invalid: .*\(got "eighty"\)$/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://u:secret@h/db" })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://u:secret@h/db" })).not.toThrow(/secret/);
    expect(() => loadConfig({ SECRET: "short" })).toThrow(/SECRET is invalid: must be at least 32 characters$/);
    expect(() => loadConfig({ DEMO_DATA: "maybe" })).toThrow(/DEMO_DATA/);
  });

  it("takes single sign-on as a whole: an issuer needs its client and a name", () => {
    const sso = { OIDC_ISSUER: "https://id.example.org/realms/pares", OIDC_CLIENT_ID: "pares", OIDC_CLIENT_SECRET: "s3cr3t-value", OIDC_NAME: "Cidades ID" };
    expect(loadConfig(sso)).toMatchObject(sso);
    expect(loadConfig({}).OIDC_ISSUER).toBeUndefined();
    expect(() => loadConfig({ ...sso, OIDC_CLIENT_ID: "" })).toThrow(/^configuration error: OIDC_CLIENT_ID is invalid: is required when OIDC_ISSUER is set$/);
    expect(() => loadConfig({ ...sso, OIDC_NAME: undefined })).toThrow(/OIDC_NAME/);
    expect(() => loadConfig({ ...sso, OIDC_ISSUER: "ftp://id.example.org" })).toThrow(/OIDC_ISSUER/);
    expect(() => loadConfig({ ...sso, OIDC_SCOPES: "email  profile" })).toThrow(/OIDC_SCOPES/);
    expect(loadConfig({ ...sso, OIDC_SCOPES: "email profile groups" }).OIDC_SCOPES).toBe("email profile groups");
  });

  it("takes object storage as a whole: a bucket needs its service and credentials, and those a bucket", () => {
    const s3 = { S3_ENDPOINT: "http://127.0.0.1:9000", S3_BUCKET: "pares-files", S3_REGION: "us-east-1", S3_ACCESS_KEY_ID: "pares", S3_SECRET_ACCESS_KEY: "s3cr3t-value" };
    expect(loadConfig(s3)).toMatchObject({ ...s3, S3_FORCE_PATH_STYLE: false });
    expect(loadConfig({ ...s3, S3_FORCE_PATH_STYLE: "true" }).S3_FORCE_PATH_STYLE).toBe(true);
    expect(loadConfig({}).S3_BUCKET).toBeUndefined();
    expect(() => loadConfig({ ...s3, S3_REGION: "" })).toThrow(/^configuration error: S3_REGION is invalid: is required when S3_BUCKET is set$/);
    expect(() => loadConfig({ ...s3, S3_SECRET_ACCESS_KEY: undefined })).toThrow(/S3_SECRET_ACCESS_KEY is invalid: is required/);
    expect(() => loadConfig({ ...s3, S3_BUCKET: undefined })).toThrow(/^configuration error: S3_BUCKET is invalid: is required when S3_ENDPOINT is set$/);
    expect(() => loadConfig({ ...s3, S3_BUCKET: "Pares_Files" })).toThrow(/S3_BUCKET is invalid: must be a bucket name/);
    expect(() => loadConfig({ ...s3, S3_ENDPOINT: "s3.example.org" })).toThrow(/S3_ENDPOINT/);
    expect(() => loadConfig({ ...s3, S3_FORCE_PATH_STYLE: "sometimes" })).toThrow(/S3_FORCE_PATH_STYLE/);
  });

  it("keeps uploaded files in FILES_DIR when given", () => {
    expect(loadConfig({ FILES_DIR: "/srv/pares/files" }).FILES_DIR).toBe("/srv/pares/files");
    expect(loadConfig({}).FILES_DIR).toBeUndefined();
  });

  it("treats empty variables as unset", () => {
    const config = loadConfig({ PORT: "", DATABASE_URL: "" });
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(loadConfig({ DEMO_DATA: "false", TRUST_PROXY: "1" })).toMatchObject({ DEMO_DATA: false, TRUST_PROXY: true });
  });
});

describe("demo accounts", () => {
  it("are made only where nobody else reaches the server, unless DEMO_ACCOUNTS says so", () => {
    expect(demoAccountsAllowed(loadConfig({}))).toBe(true);
    expect(demoAccountsAllowed(loadConfig({ PUBLIC_URL: "http://localhost:3000" }))).toBe(true);
    expect(demoAccountsAllowed(loadConfig({ PUBLIC_URL: "https://pares.example.org" }))).toBe(false);
    expect(demoAccountsAllowed(loadConfig({ PUBLIC_URL: "https://demo.pares.example.org", DEMO_ACCOUNTS: "true" }))).toBe(true);
    expect(demoAccountsAllowed(loadConfig({ DEMO_DATA: "false", DEMO_ACCOUNTS: "true" }))).toBe(false);
  });
});
