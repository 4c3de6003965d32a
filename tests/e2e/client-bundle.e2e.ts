// What the browser downloads: the build's client chunks must hold no server code. A route
// component that imports a value from a module that also queries the database drags the
// database layer into the browser, where it fails ("Buffer is not defined") and the page's
// client navigation silently reloads instead. Values such a component needs travel as loader data.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./harness.ts";

/** Strings only server code contains: Node built-ins, Node's Buffer, SQL the use cases run, server libraries. */
const serverMarkers = [/["'`]node:[a-z]+["'`]/, /\bBuffer\.(from|alloc|concat|isBuffer)\b/, /pg_advisory_xact_lock/, /csv-parse/, /nodemailer/, /better-auth/];

describe("the browser's bundle", () => {
  it("holds no server code", () => {
    const dir = join(root, "build/client/assets");
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith(".js"))
      .flatMap((f) => {
        const text = readFileSync(join(dir, f), "utf8");
        return serverMarkers.filter((m) => m.test(text)).map((m) => `${f}: ${m}`);
      });
    expect(offenders).toEqual([]);
  });
});
