import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { postItem } from "../exchange/post-item.ts";
import { memberCity, testExchange, waterNeed, waterOffer } from "../exchange/testing.ts";
import { refusal, testOrganization, testPerson } from "../networks/testing.ts";
import { createPractice } from "../practices/create-practice.ts";
import { decidePractice } from "../practices/decide-practice.ts";
import { submitPractice } from "../practices/submit-practice.ts";
import { practiceText, testBank } from "../practices/testing.ts";
import { digestDue, enqueueDueDigests } from "./digests.ts";
import { getNotificationSettings } from "./get-notification-settings.ts";
import { listNotifications } from "./list-notifications.ts";
import { markNotificationsRead } from "./mark-notifications-read.ts";
import { saveNotificationSettings } from "./save-notification-settings.ts";
import { drainOutbox, mailbox } from "./testing.ts";
import { describeUnsubscribe, unsubscribe } from "./unsubscribe.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

describe("notifications by interest", () => {
  it("tells a person who chose the theme about a new need in a daily digest, in their language, never the author", async () => {
    const x = await testExchange(ctx.db);
    const carla = await memberCity(ctx.db, x.network.id, "MX", "Carla", "en");
    const [ana, martin, carlaActor, lucia] = await Promise.all([x.br.person.actor(), x.ar.person.actor(), carla.person.actor(), x.co.person.actor()]);
    // Carla follows water and sanitation; Lucía follows nothing (defaults: her profile's themes, none).
    expect((await getNotificationSettings(ctx, carlaActor)).customized).toBe(false);
    await saveNotificationSettings(ctx, carlaActor, { themeIds: ["water-waste-sanitation"], kinds: ["need", "offer"], channels: { "exchange.new_item": "daily" } });
    // Pedro, outside the network, follows the theme too: he may not see the need, so he hears nothing.
    await saveNotificationSettings(ctx, await x.outsider.person.actor(), { themeIds: ["water-waste-sanitation"], kinds: ["need"] });
    const settings = await getNotificationSettings(ctx, carlaActor);
    expect(settings).toMatchObject({ customized: true, themeIds: ["water-waste-sanitation"], kinds: ["need", "offer"] });
    expect(settings.channels["exchange.new_item"]).toBe("daily");
    expect((await refusal(saveNotificationSettings(ctx, carlaActor, { themeIds: ["no-such-theme"] }))).fieldErrors).toHaveProperty("themeIds");

    const need = await postItem(ctx, ana, { kind: "need", networks: [x.network.slug], texts: { pt: waterNeed }, themeIds: ["water-waste-sanitation"], sdgGoals: [6] });
    await drainOutbox(ctx.db);
    const inbox = await listNotifications(ctx, carlaActor, {}, "en");
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: "exchange.new_item", path: `/exchange/${need.id}`, read: false });
    expect(inbox.items[0]!.text).toContain("Reduzir as perdas");
    expect((await listNotifications(ctx, ana, {}, "pt")).items.filter((n) => n.kind === "exchange.new_item")).toEqual([]);
    expect((await listNotifications(ctx, await x.outsider.person.actor(), {}, "es")).items).toEqual([]);
    expect((await listNotifications(ctx, lucia, {}, "es")).items).toEqual([]);
    // Nothing mailed yet: it waits for the digest.
    expect(await mailbox(ctx.db, carla.person.email)).toEqual([]);

    // The digest is due from DIGEST_HOUR in the person's time zone; sent once per day.
    await ctx.db.execute(sql`update users set time_zone = 'America/Mexico_City' where id = ${carla.person.id}`);
    const carlasDigests = async () =>
      (await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from outbox where kind = 'notifications.digest' and payload ->> 'userId' = ${carla.person.id}`))[0]!.n;
    await enqueueDueDigests(ctx.db, { now: new Date("2026-12-07T12:00:00Z"), digestHour: 8 }); // 06:00 in Mexico City
    expect(await carlasDigests()).toBe(0);
    await enqueueDueDigests(ctx.db, { now: new Date("2026-12-07T15:00:00Z"), digestHour: 8 });
    expect(await carlasDigests()).toBe(1);
    await drainOutbox(ctx.db);
    const [digest] = await mailbox(ctx.db, carla.person.email);
    expect(digest?.subject).toBe("Your daily digest: 1 update");
    expect(digest?.text).toContain("Reduzir as perdas de água potável");
    expect(digest?.headers?.["List-Unsubscribe"]).toMatch(/^<http:\/\/pares\.test\/api\/v1\/notifications\/unsubscribe\/[0-9a-f-]{36}>$/);
    await enqueueDueDigests(ctx.db, { now: new Date("2026-12-07T16:00:00Z"), digestHour: 8 });
    expect(await carlasDigests()).toBe(1);

    // Mark read.
    await markNotificationsRead(ctx, carlaActor, { all: true });
    expect((await listNotifications(ctx, carlaActor, {}, "en")).unread).toBe(0);

    // The offer that matches Ana's need: her organization hears of the match (daily by default).
    await postItem(ctx, martin, { kind: "offer", networks: [x.network.slug], texts: { es: waterOffer }, themeIds: ["water-waste-sanitation"] });
    await drainOutbox(ctx.db);
    expect((await listNotifications(ctx, ana, {}, "pt")).items.map((n) => n.kind)).toContain("exchange.match");
  });

  it("unsubscribes one person from one kind with the e-mail's link, without signing in", async () => {
    const x = await testExchange(ctx.db);
    const carla = await memberCity(ctx.db, x.network.id, "MX", "Carla", "es");
    const dora = await memberCity(ctx.db, x.network.id, "EC", "Dora", "es");
    for (const p of [carla, dora]) await saveNotificationSettings(ctx, await p.person.actor(), { themeIds: ["water-waste-sanitation"], kinds: ["need"], channels: { "exchange.new_item": "immediate" } });
    await postItem(ctx, await x.br.person.actor(), { kind: "need", networks: [x.network.slug], texts: { pt: waterNeed }, themeIds: ["water-waste-sanitation"] });
    await drainOutbox(ctx.db);
    const [mail] = await mailbox(ctx.db, carla.person.email);
    expect(mail?.subject).toContain("Nueva necesidad");
    const token = /unsubscribe\/([0-9a-f-]{36})/.exec(mail!.headers!["List-Unsubscribe"]!)![1]!;
    expect(await describeUnsubscribe(ctx, token)).toEqual({ kind: "exchange.new_item" });
    expect(await unsubscribe(ctx, token)).toMatchObject({ kinds: ["exchange.new_item"] });
    expect((await getNotificationSettings(ctx, await carla.person.actor())).channels).toMatchObject({ "exchange.new_item": "off", "exchange.message": "immediate" });
    expect((await getNotificationSettings(ctx, await dora.person.actor())).channels["exchange.new_item"]).toBe("immediate");
    expect((await refusal(unsubscribe(ctx, "00000000-0000-4000-8000-000000000000"))).code).toBe("not_found");

    // The next new need reaches Carla's inbox, not her mailbox; Dora gets both.
    await postItem(ctx, await x.ar.person.actor(), { kind: "need", networks: [x.network.slug], texts: { es: { title: "Pérdidas de agua en barrios altos", description: "Buscamos apoyo técnico para reducir pérdidas de agua potable en barrios altos." } }, themeIds: ["water-waste-sanitation"] });
    await drainOutbox(ctx.db);
    expect(await mailbox(ctx.db, carla.person.email)).toHaveLength(1);
    expect(await mailbox(ctx.db, dora.person.email)).toHaveLength(2);
    const [counts] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from notifications where user_id = ${carla.person.id}`);
    expect(counts?.n).toBe(2);
  });

  it("knows when a digest is due", () => {
    expect(digestDue("daily", { day: "2026-12-07", hour: 7, isoDow: 1 }, null, 8)).toBe(false);
    expect(digestDue("daily", { day: "2026-12-07", hour: 8, isoDow: 1 }, null, 8)).toBe(true);
    expect(digestDue("daily", { day: "2026-12-07", hour: 9, isoDow: 1 }, "2026-12-07", 8)).toBe(false);
    expect(digestDue("weekly", { day: "2026-12-08", hour: 9, isoDow: 2 }, null, 8)).toBe(false);
    expect(digestDue("weekly", { day: "2026-12-14", hour: 9, isoDow: 1 }, "2026-12-07", 8)).toBe(true);
    expect(digestDue("weekly", { day: "2026-12-16", hour: 9, isoDow: 3 }, "2026-12-07", 8)).toBe(true);
  });
});

describe("new good practices", () => {
  it("tell the people who follow the practice's themes when it is first published, not its authors", async () => {
    const bank = await testBank(ctx.db);
    const follower = await testPerson(ctx.db, { name: "Seguidora", locale: "es", organization: { id: (await testOrganization(ctx.db, "Otra ciudad")).id, role: "staff" } });
    await saveNotificationSettings(ctx, await follower.actor(), { themeIds: ["urban-food-policies"], kinds: ["practice"] });
    const author = await bank.author.actor();
    const created = await createPractice(ctx, author, { network: bank.network.slug, texts: { pt: practiceText("pt", "Hortas comunitárias nos bairros") }, themeIds: ["urban-food-policies"], sdgGoals: [2], startYear: 2020, contact: { name: "Ana", position: "Coordenadora", email: "ana@prefeitura.test" } });
    await submitPractice(ctx, author, created.slug);
    await decidePractice(ctx, await bank.officer.actor(), created.slug, { decision: "publish" });
    await drainOutbox(ctx.db);
    const inbox = await listNotifications(ctx, await follower.actor(), {}, "es");
    expect(inbox.items.map((n) => n.kind)).toContain("practices.new");
    expect(inbox.items.find((n) => n.kind === "practices.new")?.path).toBe(`/practices/${created.slug}`);
    expect((await listNotifications(ctx, author, {}, "pt")).items.map((n) => n.kind)).not.toContain("practices.new");
  });
});
