// The demo exchange of Mercociudades, seeded after the demo good-practice bank (whose seed makes
// these cities' governments active members): the offers and needs of demo-items.ts posted through
// the real use case by a person of each city, their matches computed, Porto Alegre's request to
// Buenos Aires about water losses accepted with a short conversation, and two people listed in the
// directory of local expertise. Notifications follow through the outbox when the server starts.
// Idempotent: every step is keyed, a second run adds nothing.
import { and, eq, inArray } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import type { Database } from "../../platform/db/client.ts";
import { networkMemberships, networks } from "../networks/schema.ts";
import { demoNetworkSlug } from "../networks/seed-demo-network.ts";
import { addDays, cityKey, ensureLocalGovernments, ensureTeamPeople, resolveCities, stable } from "../networks/seed-demo-sources.ts";
import { users } from "../accounts/schema.ts";
import { type Actor, loadActor } from "../organizations/actor.ts";
import { organizationMembers, organizations } from "../organizations/schema.ts";
import { computeMatches } from "./compute-matches.ts";
import { decideContact } from "./decide-contact.ts";
import { type DemoItem, demoConversation, demoExperts, demoItems } from "./demo-items.ts";
import { postItem } from "./post-item.ts";
import { postMessage } from "./post-message.ts";
import { requestContact } from "./request-contact.ts";
import { saveExpertiseProfile } from "./save-expertise-profile.ts";
import { exchangeItems } from "./schema.ts";

export const demoItemKey = (key: string) => `demo-exchange:${key}`;

interface Author {
  actor: Actor;
  organizationSlug: string;
}

/** The person who posts each item: the city's demo account when it exists, else a team person. */
async function authors(tx: Database, networkId: string): Promise<Map<string, Author>> {
  const cities = await resolveCities(tx, demoItems.map((i) => ({ name: i.city, country: i.country })));
  const { byCity } = await ensureLocalGovernments(tx, [...cities.values()]);
  const orgIds = [...new Set(byCity.values())];
  const active = new Set(
    (
      await tx
        .select({ id: networkMemberships.organizationId })
        .from(networkMemberships)
        .where(and(eq(networkMemberships.networkId, networkId), eq(networkMemberships.status, "active"), inArray(networkMemberships.organizationId, orgIds)))
    ).map((m) => m.id),
  );
  const slugs = new Map((await tx.select({ id: organizations.id, slug: organizations.slug }).from(organizations).where(inArray(organizations.id, orgIds))).map((o) => [o.id, o.slug]));
  const orgOf = (item: DemoItem) => {
    const city = cities.get(cityKey(item.city, item.country));
    const id = city && byCity.get(city.id);
    return id && active.has(id) ? id : null;
  };
  // A demo account posts for its own organization; otherwise a team person of the city (no password).
  const accounts = new Map(
    (
      await tx
        .select({ email: users.email, id: users.id, organizationId: organizationMembers.organizationId })
        .from(users)
        .innerJoin(organizationMembers, eq(organizationMembers.userId, users.id))
        .where(inArray(users.email, [...new Set(demoItems.map((i) => i.author.email))]))
    ).map((u) => [`${u.email}|${u.organizationId}`, u.id]),
  );
  const team: { person: { name: string; email: string; locale: DemoItem["language"]; position: string }; organizationId: string }[] = [];
  const chosen = new Map<string, { userId?: string; email: string; organizationId: string }>();
  for (const item of demoItems) {
    const organizationId = orgOf(item);
    if (!organizationId) continue;
    const account = accounts.get(`${item.author.email}|${organizationId}`);
    const email = account ? item.author.email : item.author.email.replace(/@.*$/, `.${slugs.get(organizationId)}@equipo.demo.example`);
    if (!account) team.push({ person: { name: item.author.name, email, locale: item.language, position: item.author.position }, organizationId });
    chosen.set(item.key, { userId: account, email, organizationId });
  }
  const { ids } = await ensureTeamPeople(tx, team);
  const out = new Map<string, Author>();
  for (const [key, c] of chosen) {
    const userId = c.userId ?? ids.get(c.email);
    const actor = userId ? await loadActor({ db: tx }, userId) : null;
    if (actor) out.set(key, { actor, organizationSlug: slugs.get(c.organizationId)! });
  }
  return out;
}

export async function seedDemoExchange(db: Database, options: { today?: string } = {}): Promise<string[]> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const [network] = await db.select({ id: networks.id, slug: networks.slug }).from(networks).where(eq(networks.slug, demoNetworkSlug));
  if (!network) return [];
  const [seeded] = await db.select({ id: exchangeItems.id }).from(exchangeItems).where(eq(exchangeItems.demo, true)).limit(1);
  if (seeded) return [];
  return db.transaction(async (tx) => {
    const ctx: ServiceContext = { db: tx };
    const byKey = await authors(tx, network.id);
    const ids = new Map<string, string>();
    for (const item of demoItems) {
      const author = byKey.get(item.key);
      if (!author) continue;
      const posted = await postItem(ctx, author.actor, {
        kind: item.kind,
        organization: author.organizationSlug,
        originalLanguage: item.language,
        texts: { [item.language]: { title: item.title, description: item.description } },
        themeIds: item.themeIds,
        sdgGoals: item.sdgGoals,
        modalities: item.modalities,
        languages: item.languages,
        networks: [network.slug],
        expiresOn: addDays(today, 120 + Math.floor(stable(`exchange:${item.key}`) * 60)),
        idempotencyKey: demoItemKey(item.key),
      });
      // Posted over the last weeks, in a stable order.
      const daysAgo = 3 + Math.floor(stable(`exchange-posted:${item.key}`) * 40);
      const at = new Date(`${addDays(today, -daysAgo)}T${String(12 + Math.floor(stable(item.key) * 8)).padStart(2, "0")}:00:00Z`);
      await tx.update(exchangeItems).set({ demo: true, createdAt: at, updatedAt: at }).where(eq(exchangeItems.id, posted.id));
      ids.set(item.key, posted.id);
    }
    for (const id of ids.values()) await computeMatches(tx, id);

    const done = [`${ids.size} demo offers and needs`];
    const needId = ids.get(demoConversation.need);
    const offerId = ids.get(demoConversation.offer);
    const asker = byKey.get(demoConversation.need);
    const answerer = byKey.get(demoConversation.offer);
    if (needId && offerId && asker && answerer) {
      const contact = await requestContact(ctx, asker.actor, { item: offerId, fromItem: needId, message: demoConversation.request, idempotencyKey: "demo-exchange-contact" });
      const { conversationId } = await decideContact(ctx, answerer.actor, contact.id, { decision: "accept" });
      for (const [i, m] of demoConversation.messages.entries()) {
        await postMessage(ctx, (m.from === "need" ? asker : answerer).actor, conversationId!, { body: m.body, idempotencyKey: `demo-exchange-message-${i}` });
      }
      done.push("1 demo conversation");
    }
    for (const expert of demoExperts) {
      const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.email, expert.email));
      const actor = person ? await loadActor({ db: tx }, person.id) : null;
      const organizationId = actor ? [...actor.memberships.keys()][0] : undefined;
      if (!actor || !organizationId) continue;
      const [org] = await tx.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, organizationId));
      await saveExpertiseProfile(ctx, actor, { organization: org!.slug, position: expert.position, summary: expert.summary, themeIds: [...expert.themeIds], languages: [...expert.languages], listed: true });
    }
    return done;
  });
}
