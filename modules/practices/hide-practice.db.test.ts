import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { refusal } from "../networks/testing.ts";
import { anonymousActor } from "../organizations/actor.ts";
import { createPractice } from "./create-practice.ts";
import { decidePractice } from "./decide-practice.ts";
import { getPractice } from "./get-practice.ts";
import { hidePractice } from "./hide-practice.ts";
import { restorePractice } from "./restore-practice.ts";
import { searchPractices } from "./search-practices.ts";
import { submitPractice } from "./submit-practice.ts";
import { practiceText, testBank } from "./testing.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

describe("taking a practice down without a report", () => {
  it("is for its moderators: hidden from the public and from search, kept for its authors, put back by restoring", async () => {
    const bank = await testBank(ctx.db);
    const author = await bank.author.actor();
    const moderator = await bank.officer.actor();
    const outsider = await bank.outsider.actor();
    const created = await createPractice(ctx, author, {
      network: bank.network.slug,
      texts: { pt: practiceText("pt", "Hortas urbanas comunitárias nos bairros da periferia") },
      themeIds: ["urban-food-policies"],
      startYear: 2019,
    });
    await submitPractice(ctx, author, created.slug);
    await decidePractice(ctx, moderator, created.slug, { decision: "publish" });

    expect((await refusal(hidePractice(ctx, outsider, created.slug))).code).toBe("forbidden");
    expect((await refusal(hidePractice(ctx, author, created.slug))).code).toBe("forbidden");
    expect(await hidePractice(ctx, moderator, created.slug, "Datos personales de vecinos en el texto.")).toEqual({ repeated: false });
    expect(await hidePractice(ctx, moderator, created.slug)).toEqual({ repeated: true });

    expect((await refusal(getPractice(ctx, anonymousActor, created.slug, "es"))).code).toBe("not_found");
    expect((await searchPractices(ctx, { q: "huertas comunitarias periferia" }, "es")).items.map((i) => i.slug)).not.toContain(created.slug);
    const forAuthor = await getPractice(ctx, author, created.slug, "pt");
    expect(forAuthor.hidden).toBe(true);
    expect(forAuthor.history?.[0]).toMatchObject({ kind: "hidden", comment: "Datos personales de vecinos en el texto." });

    await restorePractice(ctx, moderator, created.slug);
    expect((await getPractice(ctx, anonymousActor, created.slug, "es")).hidden).toBe(false);
    expect((await searchPractices(ctx, { q: "huertas comunitarias periferia" }, "es")).items.map((i) => i.slug)).toContain(created.slug);
  });
});
