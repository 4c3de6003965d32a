import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { refusal, testPerson } from "../networks/testing.ts";
import { drainOutbox, mailbox } from "../notifications/testing.ts";
import { closeConversation } from "./close-conversation.ts";
import { decideContact } from "./decide-contact.ts";
import { getContact } from "./get-contact.ts";
import { getConversation } from "./get-conversation.ts";
import { getExchangeOutcomes } from "./get-exchange-outcomes.ts";
import { getItem } from "./get-item.ts";
import { listConversations } from "./list-conversations.ts";
import { postItem } from "./post-item.ts";
import { postMessage } from "./post-message.ts";
import { requestContact } from "./request-contact.ts";
import { testExchange, waterNeed, waterOffer } from "./testing.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

describe("contacts and conversations", () => {
  it("opens a private conversation between two organizations when the request is accepted, and counts how it ended", async () => {
    const x = await testExchange(ctx.db);
    const [ana, martin, lucia, pedro] = await Promise.all([x.br.person.actor(), x.ar.person.actor(), x.co.person.actor(), x.outsider.person.actor()]);
    const admin = await (await testPerson(ctx.db, { admin: true })).actor();
    const need = await postItem(ctx, ana, { kind: "need", networks: [x.network.slug], texts: { pt: waterNeed } });
    const offer = await postItem(ctx, martin, { kind: "offer", networks: [x.network.slug], texts: { es: waterOffer } });

    // Ana contacts Martín's city about its offer; asking twice finds the first request.
    const message = "Olá! Somos de Porto Alegre e queremos conhecer a setorização da rede de vocês.";
    const request = await requestContact(ctx, ana, { item: offer.id, fromItem: need.id, message, idempotencyKey: "contact-key-1" });
    expect(await requestContact(ctx, ana, { item: offer.id, message })).toEqual({ id: request.id, repeated: true });
    expect((await refusal(requestContact(ctx, martin, { item: offer.id, message }))).code).toBe("forbidden");
    expect((await refusal(requestContact(ctx, pedro, { item: offer.id, message }))).code).toBe("not_found");

    // Martín's organization hears of it by e-mail at once, with a one-click unsubscribe.
    await drainOutbox(ctx.db);
    const [mail] = await mailbox(ctx.db, x.ar.person.email);
    expect(mail?.subject).toContain("quiere conversar");
    expect(mail?.text).toContain(`/es/exchange/contacts/${request.id}`);
    expect(mail?.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(await mailbox(ctx.db, x.br.person.email)).toEqual([]);

    // Only the organization asked may answer; the request is readable by both sides only.
    expect((await refusal(decideContact(ctx, ana, request.id, { decision: "accept" }))).code).toBe("forbidden");
    expect((await refusal(getContact(ctx, lucia, request.id, "es"))).code).toBe("not_found");
    expect((await getContact(ctx, martin, request.id, "es")).canDecide).toBe(true);
    const decided = await decideContact(ctx, martin, request.id, { decision: "accept" });
    expect(decided.status).toBe("accepted");
    expect(await decideContact(ctx, martin, request.id, { decision: "accept" })).toEqual(decided);
    expect((await refusal(decideContact(ctx, martin, request.id, { decision: "decline" }))).code).toBe("conflict");
    expect((await getItem(ctx, martin, offer.id, "es")).status).toBe("in_conversation");
    expect((await getItem(ctx, ana, need.id, "pt")).status).toBe("in_conversation");

    // The conversation: the request's message first; only the two organizations read it — not a third city, not an administrator.
    const id = decided.conversationId!;
    const conversation = await getConversation(ctx, ana, id, "pt");
    expect(conversation.messages.map((m) => m.body)).toEqual([message]);
    for (const other of [lucia, pedro, admin]) expect((await refusal(getConversation(ctx, other, id, "es"))).code).toBe("not_found");
    expect((await refusal(postMessage(ctx, lucia, id, { body: "Hola" }))).code).toBe("not_found");

    const reply = await postMessage(ctx, martin, id, { body: "¡Hola Ana! Con gusto les mostramos el trabajo.", idempotencyKey: "message-key-1" });
    expect(await postMessage(ctx, martin, id, { body: "¡Hola Ana! Con gusto les mostramos el trabajo.", idempotencyKey: "message-key-1" })).toEqual({ id: reply.id, repeated: true });
    expect((await listConversations(ctx, ana, "pt"))[0]).toMatchObject({ id, unread: 1, otherOrganization: expect.stringContaining("Martín") });
    await getConversation(ctx, ana, id, "pt");
    expect((await listConversations(ctx, ana, "pt"))[0]?.unread).toBe(0);
    await drainOutbox(ctx.db);
    expect((await mailbox(ctx.db, x.br.person.email)).map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringContaining("aceitou"), expect.stringContaining("Nova mensagem")]));

    await closeConversation(ctx, ana, id, { outcome: "project", note: "Vamos apresentar ao programa Sul–Sul." });
    expect((await refusal(postMessage(ctx, martin, id, { body: "Mais uma coisa" }))).code).toBe("forbidden");
    expect(await getExchangeOutcomes(ctx, x.network.slug)).toMatchObject({ conversations: 1, projects: 1, exchangesDone: 0 });
    // Closed, the conversation no longer holds its items: both are open to other cities again.
    expect((await getItem(ctx, martin, offer.id, "es")).status).toBe("open");
    expect((await getItem(ctx, ana, need.id, "pt")).status).toBe("open");
  });

  it("takes the same request sent twice at once as one (a double click)", async () => {
    const x = await testExchange(ctx.db);
    const [ana, martin] = await Promise.all([x.br.person.actor(), x.ar.person.actor()]);
    const offer = await postItem(ctx, martin, { kind: "offer", networks: [x.network.slug], texts: { es: waterOffer } });
    const body = { item: offer.id, message: "Queremos conversar sobre a oferta de vocês.", idempotencyKey: "double-click-0001" };
    const [a, b] = await Promise.all([requestContact(ctx, ana, body), requestContact(ctx, ana, body)]);
    expect(a.id).toBe(b.id);
    expect([a.repeated, b.repeated].sort()).toEqual([false, true]);
  });

  it("declines with a reason the requester reads", async () => {
    const x = await testExchange(ctx.db);
    const [ana, martin] = await Promise.all([x.br.person.actor(), x.ar.person.actor()]);
    const offer = await postItem(ctx, martin, { kind: "offer", networks: [x.network.slug], texts: { es: waterOffer } });
    const request = await requestContact(ctx, ana, { item: offer.id, message: "Queremos conversar sobre a oferta de vocês." });
    expect(await decideContact(ctx, martin, request.id, { decision: "decline", reason: "El equipo no tiene tiempo este semestre." })).toEqual({ status: "declined", conversationId: null });
    expect((await getContact(ctx, ana, request.id, "pt")).declineReason).toBe("El equipo no tiene tiempo este semestre.");
    // Asking again at once is refused; 30 days later it is a new request.
    const again = await refusal(requestContact(ctx, ana, { item: offer.id, message: "Podemos conversar agora?" }));
    expect(again.messageKey).toBe("exchange.error.declinedRecently");
    await ctx.db.execute(sql`update exchange_contacts set decided_at = now() - interval '31 days' where id = ${request.id}`);
    expect((await requestContact(ctx, ana, { item: offer.id, message: "Podemos conversar agora?" })).repeated).toBe(false);
  });
});
