import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseLockedError, openDatabase } from "./client.ts";

const dir = join(mkdtempSync(join(tmpdir(), "pares-lock-")), "pglite");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("embedded database directory", () => {
  it("can be opened by one process at a time, with a message naming the directory", async () => {
    const first = await openDatabase({ dir });
    await expect(openDatabase({ dir })).rejects.toThrow(DatabaseLockedError);
    await expect(openDatabase({ dir })).rejects.toThrow(dir);
    await first.close();
    const again = await openDatabase({ dir });
    await again.ping();
    await again.close();
  }, 60_000);
});
