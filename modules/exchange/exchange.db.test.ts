import { and, eq, like } from "drizzle-orm";
import { outbox } from "../../platform/outbox/schema.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { networkMemberships } from "../networks/schema.ts";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { refusal, testNetwork } from "../networks/testing.ts";
import { anonymousActor } from "../organizations/actor.ts";
import { browseItems } from "./browse-items.ts";
import { changeItemStatus } from "./change-item-status.ts";
import { dismissMatch } from "./dismiss-match.ts";
import { getItem } from "./get-item.ts";
import { listMatches } from "./list-matches.ts";
import { postItem } from "./post-item.ts";
import { recomputeEverything } from "./recompute-all-matches.ts";
import { deliverMatches, memberCity, testExchange, wasteOffer, waterNeed, waterOffer } from "./testing.ts";
import { updateItem } from "./update-item.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

describe("the exchange", () => {
  it("matches a Portuguese need with a Spanish offer, explains why, and keeps what each side may see", async () => {
    const { network, otherNetwork, br, ar, co: uy, outsider } = await testExchange(ctx.db);
    const other = { network: otherNetwork };
    const ana = await br.person.actor();
    const martin = await ar.person.actor();
    const lucia = await uy.person.actor();
    const pedro = await outsider.person.actor();

    const need = await postItem(ctx, ana, {
      kind: "need",
      networks: [network.slug],
      texts: { pt: waterNeed },
      themeIds: [],
      sdgGoals: [6],
      modalities: ["technical_assistance", "expert_exchange"],
      languages: ["pt", "es"],
      idempotencyKey: "need-key-0001",
    });
    expect(await postItem(ctx, ana, { kind: "need", networks: [network.slug], texts: { pt: waterNeed }, idempotencyKey: "need-key-0001" })).toEqual({ id: need.id, repeated: true });
    const offer = await postItem(ctx, martin, { kind: "offer", networks: [network.slug], texts: { es: waterOffer }, sdgGoals: [6], modalities: ["technical_assistance"], languages: ["es"] });
    const waste = await postItem(ctx, lucia, { kind: "offer", networks: [network.slug], texts: { es: wasteOffer }, sdgGoals: [11, 12], languages: ["es"] });
    // An organization never matches itself; an organization outside the network never sees the need.
    const ownOffer = await postItem(ctx, ana, { kind: "offer", networks: [network.slug], texts: { pt: { title: "Redução de perdas de água", description: waterNeed.description } } });
    const hidden = await postItem(ctx, pedro, { kind: "offer", networks: [other.network.slug], texts: { es: waterOffer } });

    expect((await listMatches(ctx, ana, need.id, {}, "pt")).pending).toBe(true);
    await deliverMatches(ctx.db);
    const list = await listMatches(ctx, ana, need.id, {}, "pt");
    expect(list.pending).toBe(false);
    const ids = list.matches.map((m) => m.item.id);
    expect(ids[0]).toBe(offer.id);
    expect(ids).not.toContain(ownOffer.id);
    expect(ids).not.toContain(hidden.id);
    const best = list.matches[0]!;
    expect(best.explanation.words.some((w) => w.need.includes("agua") && w.offer.includes("agua"))).toBe(true);
    expect(best.explanation.sharedSdgGoals.map((g) => g.goal)).toEqual([6]);
    expect(best.explanation.sharedLanguages).toEqual(["es"]);
    expect(best.explanation.reasons.join(" ")).toMatch(/Espanhol|espanhol/);
    if (list.matches.length > 1) expect(best.score).toBeGreaterThan(list.matches.find((m) => m.item.id === waste.id)?.score ?? 0);

    // The offer's side sees the need among its matches (pairs are one row for both sides).
    expect((await listMatches(ctx, martin, offer.id, {}, "es")).matches.map((m) => m.item.id)).toContain(need.id);

    // Who reads what: network members read the need, outsiders and nobody do not; matches are the owner's.
    expect((await getItem(ctx, lucia, need.id, "es")).title).toBe(waterNeed.title);
    expect((await refusal(getItem(ctx, pedro, need.id, "es"))).code).toBe("not_found");
    expect((await refusal(getItem(ctx, anonymousActor, need.id, "es"))).code).toBe("unauthorized");
    expect((await refusal(listMatches(ctx, lucia, need.id, {}, "es"))).code).toBe("forbidden");
    expect((await refusal(listMatches(ctx, pedro, need.id, {}, "es"))).code).toBe("not_found");
    expect((await refusal(updateItem(ctx, lucia, need.id, { texts: { pt: waterNeed }, networks: [network.slug], revision: 1 }))).code).toBe("forbidden");

    // Browsing across languages: a Spanish query finds the Portuguese need.
    const found = await browseItems(ctx, martin, { q: "pérdidas de agua", kind: "need" }, "es");
    expect(found.items.map((i) => i.id)).toContain(need.id);
    expect((await browseItems(ctx, pedro, { q: "pérdidas de agua", kind: "need" }, "es")).items.map((i) => i.id)).not.toContain(need.id);

    // A dismissal is remembered for that person.
    await dismissMatch(ctx, ana, need.id, { other: offer.id });
    const after = await listMatches(ctx, ana, need.id, {}, "pt");
    expect(after.matches.map((m) => m.item.id)).not.toContain(offer.id);
    expect(after.dismissed).toBe(1);
    await dismissMatch(ctx, ana, need.id, { other: offer.id }, { undo: true });

    // The contact's address is for the organization's own people; others use "Contact this city".
    expect((await getItem(ctx, lucia, need.id, "es")).contact).toMatchObject({ email: null });
    expect((await getItem(ctx, ana, need.id, "pt")).contact?.email).toMatch(/@/);

    // A city that leaves the network no longer sees the network's items among its matches.
    await ctx.db.update(networkMemberships).set({ status: "withdrawn" }).where(and(eq(networkMemberships.organizationId, br.org.id), eq(networkMemberships.networkId, network.id)));
    expect((await listMatches(ctx, ana, need.id, {}, "pt")).matches.map((m) => m.item.id)).not.toContain(offer.id);
    await ctx.db.update(networkMemberships).set({ status: "active" }).where(and(eq(networkMemberships.organizationId, br.org.id), eq(networkMemberships.networkId, network.id)));

    // A closed offer drops out at once.
    await changeItemStatus(ctx, martin, offer.id, { action: "close" });
    expect((await listMatches(ctx, ana, need.id, {}, "pt")).matches.map((m) => m.item.id)).not.toContain(offer.id);
    await changeItemStatus(ctx, martin, offer.id, { action: "reopen" });
    await deliverMatches(ctx.db);
    expect((await listMatches(ctx, ana, need.id, {}, "pt")).matches[0]?.item.id).toBe(offer.id);
  });

  it("refuses an edit made from an older revision and names bad fields", async () => {
    const { network } = await testNetwork(ctx.db, "Red de ediciones");
    const br = await memberCity(ctx.db, network.id, "BR", "Bia", "pt");
    const bia = await br.person.actor();
    const item = await postItem(ctx, bia, { kind: "need", networks: [network.slug], texts: { pt: waterNeed } });
    expect(await updateItem(ctx, bia, item.id, { texts: { pt: { ...waterNeed, title: "Perdas de água" } }, networks: [network.slug], revision: 1 })).toEqual({ revision: 2 });
    expect((await refusal(updateItem(ctx, bia, item.id, { texts: { pt: waterNeed }, networks: [network.slug], revision: 1 }))).code).toBe("conflict");
    const bad = await refusal(postItem(ctx, bia, { kind: "need", networks: [], texts: { pt: { title: "", description: "curta" } }, expiresOn: "2001-01-01" }));
    expect(bad.code).toBe("invalid");
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["expiresOn", "networks", "texts.pt.description", "texts.pt.title"]);
  });

  it("matches again, after a full recompute, an item edited while it ran", async () => {
    const { network, br, ar } = await testExchange(ctx.db);
    const ana = await br.person.actor();
    const martin = await ar.person.actor();
    const need = await postItem(ctx, ana, { kind: "need", networks: [network.slug], texts: { pt: waterNeed } });
    const offer = await postItem(ctx, martin, { kind: "offer", networks: [network.slug], texts: { es: wasteOffer } });
    await deliverMatches(ctx.db);
    // Martín rewrites his offer about water while the recompute holds the old text.
    await recomputeEverything(ctx.db, {
      afterLoad: async () => {
        await updateItem(ctx, martin, offer.id, { texts: { es: waterOffer }, networks: [network.slug], revision: 1 });
        await deliverMatches(ctx.db);
      },
    });
    const again = await ctx.db.select().from(outbox).where(like(outbox.idempotencyKey, `exchange-match:${offer.id}:2:recompute:%`));
    expect(again).toHaveLength(1);
    await deliverMatches(ctx.db);
    expect((await listMatches(ctx, ana, need.id, {}, "pt")).matches[0]?.item.id).toBe(offer.id);
  });
});
