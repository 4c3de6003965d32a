import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { anonymousActor } from "../organizations/actor.ts";
import { refusal } from "../networks/testing.ts";
import { createPractice } from "./create-practice.ts";
import { decidePractice } from "./decide-practice.ts";
import { getPractice } from "./get-practice.ts";
import { listModerationQueue } from "./list-moderation-queue.ts";
import { searchPractices } from "./search-practices.ts";
import { submitPractice } from "./submit-practice.ts";
import { practiceText, testBank } from "./testing.ts";
import { updatePractice } from "./update-practice.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

describe("a practice from draft to published", () => {
  it("is written in Portuguese, sent back with a comment, corrected, published, and found by a Spanish query", async () => {
    const bank = await testBank(ctx.db);
    const author = await bank.author.actor();
    const moderator = await bank.officer.actor();
    const outsider = await bank.outsider.actor();
    const created = await createPractice(ctx, author, {
      network: bank.network.slug,
      idempotencyKey: "create-key-0001",
      texts: { pt: practiceText("pt", "Hortas urbanas comunitárias nos bairros da periferia") },
      themeIds: ["urban-food-policies"],
      sdgGoals: [2, 11],
      startYear: 2019,
      contact: { name: "Ana Souza", position: "Coordenadora", email: "ana@prefeitura.test" },
    });
    const again = await createPractice(ctx, author, { network: bank.network.slug, idempotencyKey: "create-key-0001", texts: { pt: practiceText("pt", "Outra") } });
    expect(again).toMatchObject({ id: created.id, repeated: true });

    // A draft is the authors' own.
    expect((await refusal(getPractice(ctx, outsider, created.slug, "es"))).code).toBe("not_found");
    expect((await refusal(getPractice(ctx, anonymousActor, created.slug, "es"))).code).toBe("not_found");
    expect((await refusal(getPractice(ctx, moderator, created.slug, "es"))).code).toBe("not_found");

    await submitPractice(ctx, author, created.slug);
    const queue = await listModerationQueue(ctx, moderator, { network: bank.network.slug }, "es");
    expect(queue.items.map((i) => i.slug)).toContain(created.slug);
    expect((await listModerationQueue(ctx, outsider, {}, "es")).items.map((i) => i.slug)).not.toContain(created.slug);
    expect((await refusal(decidePractice(ctx, outsider, created.slug, { decision: "publish" }))).code).toBe("not_found");
    const noComment = await refusal(decidePractice(ctx, moderator, created.slug, { decision: "request_changes" }));
    expect(noComment.fieldErrors).toHaveProperty("comment");

    await decidePractice(ctx, moderator, created.slug, { decision: "request_changes", comment: "Inclua os resultados de 2023." });
    const working = await getPractice(ctx, author, created.slug, "pt", { working: true });
    expect(working.decisionComment).toBe("Inclua os resultados de 2023.");
    const view = await getPractice(ctx, author, created.slug, "pt", { working: true });
    await updatePractice(ctx, author, created.slug, {
      revision: view.version.revision,
      texts: { pt: practiceText("pt", "Hortas urbanas comunitárias nos bairros da periferia", { results: "Em 2023: 42 hortas e 1.300 famílias." }) },
    });
    await submitPractice(ctx, author, created.slug);
    await decidePractice(ctx, moderator, created.slug, { decision: "publish" });

    const publicView = await getPractice(ctx, anonymousActor, created.slug, "es");
    expect(publicView.text).toMatchObject({ language: "pt", fallback: true, results: "Em 2023: 42 hortas e 1.300 famílias." });
    expect(publicView.contact?.email ?? null).toBeNull();
    expect(publicView.decisionComment).toBeNull();
    expect(publicView.history).toBeNull();
    expect((await getPractice(ctx, outsider, created.slug, "es")).contact?.email).toBe("ana@prefeitura.test");

    const found = await searchPractices(ctx, { q: "huertas comunitarias periferia" }, "es");
    expect(found.items[0]?.slug).toBe(created.slug);
    expect(found.facets.theme.find((f) => f.value === "urban-food-policies")?.count).toBeGreaterThanOrEqual(1);
    const typo = await searchPractices(ctx, { q: "hortaz comunitarias" }, "es");
    expect(typo.items.map((i) => i.slug)).toContain(created.slug);
    const english = await searchPractices(ctx, { q: "community gardens" }, "en");
    expect(english.items.map((i) => i.slug)).toContain(created.slug);
    const filtered = await searchPractices(ctx, { q: "huertas", country: "AR" }, "es");
    expect(filtered.items.map((i) => i.slug)).not.toContain(created.slug);
  });

  it("shows a partial translation with the sections not yet translated in the original language, on the page and in search", async () => {
    const bank = await testBank(ctx.db);
    const author = await bank.author.actor();
    const moderator = await bank.officer.actor();
    const original = practiceText("pt", "Cozinhas solidárias nos mercados municipais");
    const created = await createPractice(ctx, author, {
      network: bank.network.slug,
      idempotencyKey: "create-key-partial-1",
      originalLanguage: "pt",
      texts: {
        pt: original,
        es: { title: "Cocinas solidarias en los mercados municipales", summary: "Cocinas comunitarias que aprovechan los alimentos de los mercados." },
        en: { title: "", summary: "", problem: "", solution: "", results: "", lessons: "Only the lessons in English.", replication: "" },
      },
      themeIds: ["urban-food-policies"],
      startYear: 2020,
    });
    await submitPractice(ctx, author, created.slug);
    await decidePractice(ctx, moderator, created.slug, { decision: "publish" });

    const spanish = await getPractice(ctx, anonymousActor, created.slug, "es");
    expect(spanish.text).toMatchObject({
      language: "es",
      fallback: false,
      title: "Cocinas solidarias en los mercados municipales",
      problem: original.problem,
      solution: original.solution,
      results: original.results,
      lessons: original.lessons,
      replication: original.replication,
    });
    expect(spanish.textLanguages).toMatchObject({ title: "es", summary: "es", problem: "pt", results: "pt", replication: "pt" });

    // English has no title: the practice is shown in Portuguese, whole.
    const english = await getPractice(ctx, anonymousActor, created.slug, "en");
    expect(english.text).toMatchObject({ language: "pt", fallback: true, title: original.title, summary: original.summary });

    const found = await searchPractices(ctx, { q: "cocinas solidarias" }, "es");
    const hit = found.items.find((i) => i.slug === created.slug);
    expect(hit).toMatchObject({ language: "es", snippetLanguage: "es", title: "Cocinas solidarias en los mercados municipales" });
    const inEnglish = (await searchPractices(ctx, { q: "cozinhas solidárias" }, "en")).items.find((i) => i.slug === created.slug);
    expect(inEnglish).toMatchObject({ language: "pt", fallback: true, title: original.title });
    expect(inEnglish?.snippet.replace(/[\uE000\uE001]/g, "")).toContain("Hortas comunitárias");
  });
});
