import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { anonymousActor } from "../organizations/actor.ts";
import { createPractice } from "./create-practice.ts";
import { decidePractice } from "./decide-practice.ts";
import { listOrganizationPractices } from "./list-organization-practices.ts";
import { submitPractice } from "./submit-practice.ts";
import { practiceText, testBank } from "./testing.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

describe("listOrganizationPractices", () => {
  it("gives the organization's people its practices in every state, the last changed first, with the editor where they may edit", async () => {
    const bank = await testBank(ctx.db);
    const author = await bank.author.actor();
    const moderator = await bank.officer.actor();
    const write = (key: string, title: string) =>
      createPractice(ctx, author, { network: bank.network.slug, idempotencyKey: key, originalLanguage: "pt", texts: { pt: practiceText("pt", title) }, themeIds: ["urban-food-policies"], startYear: 2021 });
    const published = await write("own-list-published", "Feiras de produtores nos bairros");
    await submitPractice(ctx, author, published.slug);
    await decidePractice(ctx, moderator, published.slug, { decision: "publish" });
    const submitted = await write("own-list-submitted", "Compostagem nas escolas municipais");
    await submitPractice(ctx, author, submitted.slug);
    const draft = await write("own-list-draft", "Rascunho: bibliotecas nos terminais de ônibus");

    const own = await listOrganizationPractices(ctx, author, "es");
    expect(own.map((p) => [p.slug, p.status, p.canEdit])).toEqual([
      [draft.slug, "draft", true],
      [submitted.slug, "submitted", false],
      [published.slug, "published", true],
    ]);
    expect(own[0]).toMatchObject({ title: "Rascunho: bibliotecas nos terminais de ônibus", titleLanguage: "pt", organizationName: expect.stringContaining("Prefeitura de"), published: false });
    expect(own[2]).toMatchObject({ published: true, hidden: false });

    // Nobody else's: not another organization's people, not the moderators, not a visitor.
    expect(await listOrganizationPractices(ctx, await bank.outsider.actor(), "es")).toEqual([]);
    expect((await listOrganizationPractices(ctx, moderator, "es")).map((p) => p.slug)).not.toContain(draft.slug);
    expect(await listOrganizationPractices(ctx, anonymousActor, "es")).toEqual([]);
  });
});
