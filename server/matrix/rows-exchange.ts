// Authorization matrix rows of the exchange (offers and needs, their matches, contact requests,
// the private conversations they open, the directory of local expertise) and of notifications.
//
// Each world gets two networks run by the demo Mercociudades secretariat (so `secretariat` is their
// secretariat and reads what is shared with them): a "common" one the world's organization (the
// focal point's and the member's) and the outsider's university are active members of, and an
// "inner" one of the world's organization alone. Per-world networks rather than Mercociudades
// because the outsider joins some worlds' organizations (accepting their invitations, in the core
// rows) and every world's organization is an active member of Mercociudades: items shared there
// would become the outsider's to read halfway through the run.
//
// In each world, written as the use cases leave them:
// - the world organization's offer, shared with the inner network only (the outsider cannot read it);
// - its need, shared with the common network, and the university's offer there, the need's match
//   (which the focal point has marked "not relevant");
// - a need of the university open to the whole platform (in no network);
// - a request of the university (by the outsider) to talk about the need, waiting for an answer;
// - an accepted request of the world's organization (by the focal point) about the university's offer,
//   with its conversation: the request's message and the outsider's answer with a file;
// - a notification for each actor (the contact request for the world's people, the message for the
//   outsider, the new need for the secretariat and the administrator);
// - an unsubscribe link of the world's extra staff member.
import { randomUUID } from "node:crypto";
import {
  exchangeContacts,
  exchangeConversations,
  exchangeDismissals,
  exchangeItemNetworks,
  exchangeItems,
  exchangeMatches,
  exchangeMessageFiles,
  exchangeMessages,
  type MatchExplanation,
} from "../../modules/exchange/schema.ts";
import { networkMemberships, networks } from "../../modules/networks/schema.ts";
import { notifications, notificationUnsubscribeTokens } from "../../modules/notifications/schema.ts";
import { organizations } from "../../modules/organizations/schema.ts";
import type { Database } from "../../platform/db/client.ts";
import { newStorageKey } from "../../platform/storage/file-store.ts";
import { everyone, type Expect, matrixFiles, type MatrixArea, p, signedIn, type World } from "./support.ts";

const x = (w: World) => w.areas.exchange!;

/** An e-mail's unsubscribe link that was never sent. */
const unknownToken = "00000000-0000-4000-8000-000000000000";

/** The item's organization's people (staff and focal point); others who read it are refused, the outsider does not see it. */
const owners = (status: number, anonymous = 302): Expect => ({ anonymous, member: status, outsider: 404, focalPoint: status, secretariat: 403, admin: 403 });
/** What only the item's organization's people do, on an item everyone signed in here reads (the need, shared with the common network). */
const ownersOfShared = (status: number, anonymous = 302): Expect => ({ anonymous, member: status, outsider: 403, focalPoint: status, secretariat: 403, admin: 403 });
/** The two organizations of a conversation (the world's and the outsider's); nobody else, not the network's secretariat nor administrators. */
const parties = (status: number, anonymous = 302): Expect => ({ anonymous, member: status, outsider: status, focalPoint: status, secretariat: 404, admin: 404 });
/** The organization asked (the world's) answers a request; the requester (the outsider's) sees it, nobody else does. */
const asked = (status: number, anonymous = 302): Expect => ({ anonymous, member: status, outsider: 403, focalPoint: status, secretariat: 404, admin: 404 });
/** For the world's organization, named in the request: its people only (everyone else may read what it is about). */
const forTheWorld = (status: number, anonymous = 302): Expect => ({ anonymous, member: status, outsider: 403, focalPoint: status, secretariat: 403, admin: 403 });

const description = "Written for the authorization matrix: what the city offers or needs, in enough words.";
const inSixMonths = () => new Date(Date.now() + 182 * 86_400_000).toISOString().slice(0, 10);

/** The secretariat of Mercociudades (which runs the per-world networks) and the outsider's university, found once per database. */
const demoIds = new WeakMap<Database, { secretariat: string; university: string }>();

async function demoOrganizations(db: Database) {
  let ids = demoIds.get(db);
  if (!ids) {
    const rows = await db.select({ id: organizations.id, slug: organizations.slug }).from(organizations);
    const id = (slug: string) => rows.find((r) => r.slug === slug)!.id;
    demoIds.set(db, (ids = { secretariat: id("secretaria-tecnica-mercociudades"), university: id("universidad-de-la-republica") }));
  }
  return ids;
}

export const exchangeArea: MatrixArea = {
  name: "exchange",
  // Direct inserts, a dozen statements: every world of the matrix gets them, and the use cases
  // (posting, matching through the outbox, asking, accepting, writing with a file) would take
  // several times longer per world.
  async prepare({ db, people, world }) {
    const { secretariat, university } = await demoOrganizations(db);
    const n = world.n;
    const now = new Date();
    const [common, inner] = await db
      .insert(networks)
      .values([
        { slug: `matrix-exchange-${n}`, name: `Matrix exchange ${n}`, kind: "regional" as const, secretariatOrganizationId: secretariat },
        { slug: `matrix-exchange-inner-${n}`, name: `Matrix exchange inner ${n}`, kind: "regional" as const, secretariatOrganizationId: secretariat },
      ])
      .returning({ id: networks.id, slug: networks.slug });
    await db.insert(networkMemberships).values([
      { networkId: common!.id, organizationId: world.organizationId, status: "active", since: "2020-01-01" },
      { networkId: common!.id, organizationId: university, status: "active", since: "2020-01-01" },
      { networkId: inner!.id, organizationId: world.organizationId, status: "active", since: "2020-01-01" },
    ]);
    const item = (kind: "offer" | "need", organizationId: string, contact: string, title: string, status: "open" | "in_conversation") => ({
      id: randomUUID(),
      kind,
      organizationId,
      originalLanguage: "en",
      texts: { en: { title: `${title} ${n}`, description } },
      themeIds: ["environment"],
      languages: ["en", "es"],
      visibility: "networks" as const,
      contactUserId: contact,
      status,
      expiresOn: inSixMonths(),
      createdBy: contact,
      matchedRevision: 1,
    });
    const offer = item("offer", world.organizationId, people.focalPoint, "Matrix offer", "open");
    const need = item("need", world.organizationId, people.focalPoint, "Matrix need", "in_conversation");
    const universityOffer = item("offer", university, people.outsider, "Matrix university offer", "in_conversation");
    const universityNeed = { ...item("need", university, people.outsider, "Matrix university need", "open"), visibility: "platform" as const };
    await db.insert(exchangeItems).values([offer, need, universityOffer, universityNeed]);
    await db.insert(exchangeItemNetworks).values([
      { itemId: offer.id, networkId: inner!.id },
      { itemId: need.id, networkId: common!.id },
      { itemId: universityOffer.id, networkId: common!.id },
    ]);
    const explanation: MatchExplanation = {
      sharedThemeIds: ["environment"],
      sharedSdgGoals: [],
      words: [{ need: ["matrix"], offer: ["matrix"] }],
      sharedLanguages: ["en", "es"],
      sharedModalities: [],
      sharedNetworkIds: [common!.id],
      similarSize: false,
      distanceKm: null,
      parts: { text: 0.5, themes: 1, sdgs: 0, languages: 1, modalities: 0, networks: 1, size: 0, distance: 0 },
    };
    await db.insert(exchangeMatches).values({ needId: need.id, offerId: universityOffer.id, score: 0.62, explanation });
    await db.insert(exchangeDismissals).values({ userId: people.focalPoint, itemId: need.id, otherId: universityOffer.id });
    const requestedId = randomUUID();
    const acceptedId = randomUUID();
    await db.insert(exchangeContacts).values([
      {
        id: requestedId,
        itemId: need.id,
        fromItemId: universityOffer.id,
        fromOrganizationId: university,
        toOrganizationId: world.organizationId,
        requestedBy: people.outsider,
        message: "The university would like to talk about your need.",
      },
      {
        id: acceptedId,
        itemId: universityOffer.id,
        fromItemId: need.id,
        fromOrganizationId: world.organizationId,
        toOrganizationId: university,
        requestedBy: people.focalPoint,
        message: "Our city would like to learn from your offer.",
        status: "accepted",
        decidedBy: people.outsider,
        decidedAt: now,
      },
    ]);
    const [conversation] = await db
      .insert(exchangeConversations)
      .values({ contactId: acceptedId, organizationA: world.organizationId, organizationB: university })
      .returning({ id: exchangeConversations.id });
    const answerId = randomUUID();
    await db.insert(exchangeMessages).values([
      { conversationId: conversation!.id, authorUserId: people.focalPoint, authorOrganizationId: world.organizationId, body: "Our city would like to learn from your offer.", createdAt: new Date(now.getTime() - 60_000) },
      { id: answerId, conversationId: conversation!.id, authorUserId: people.outsider, authorOrganizationId: university, body: "Gladly: our notes are attached.", createdAt: now },
    ]);
    const storageKey = newStorageKey("txt");
    const bytes = new TextEncoder().encode("The matrix's attachment to a private conversation.\n");
    await matrixFiles.put(storageKey, bytes, "text/plain; charset=utf-8");
    const [file] = await db
      .insert(exchangeMessageFiles)
      .values({ messageId: answerId, storageKey, contentType: "text/plain; charset=utf-8", bytes: bytes.length, displayName: "notes.txt" })
      .returning({ id: exchangeMessageFiles.id });
    const titles = (t: { texts: { en: { title: string } } }) => ({ titles: { en: t.texts.en.title }, originalLanguage: "en" });
    const told = await db
      .insert(notifications)
      .values([
        ...(["member", "focalPoint"] as const).map((kind) => ({
          userId: people[kind],
          eventKind: "exchange.contact_request",
          eventKey: `exchange.contact_request:${requestedId}`,
          data: { path: `/exchange/contacts/${requestedId}`, ...titles(need), itemKind: "need", organization: "Universidad de la República", excerpt: "The university would like to talk about your need." },
        })),
        {
          userId: people.outsider,
          eventKind: "exchange.message",
          eventKey: `exchange.message:${answerId}:matrix`,
          data: { path: `/exchange/conversations/${conversation!.id}`, organization: `Matrix organization ${n}`, excerpt: "Our city would like to learn from your offer." },
        },
        ...(["secretariat", "admin"] as const).map((kind) => ({
          userId: people[kind],
          eventKind: "exchange.new_item",
          eventKey: `exchange.new_item:${need.id}`,
          data: { path: `/exchange/${need.id}`, ...titles(need), itemKind: "need", organization: `Matrix organization ${n}` },
        })),
      ].map((row) => ({ ...row, channel: "immediate" as const, emailState: "none" as const })))
      .returning({ id: notifications.id, userId: notifications.userId });
    // The world's extra staff member: an unsubscribe link is one per person and kind.
    const [link] = await db
      .insert(notificationUnsubscribeTokens)
      .values({ userId: world.memberId, eventKind: "exchange.new_item" })
      .returning({ token: notificationUnsubscribeTokens.token });
    return {
      common: common!.slug,
      inner: inner!.slug,
      offer: offer.id,
      need: need.id,
      universityOffer: universityOffer.id,
      universityNeed: universityNeed.id,
      requested: requestedId,
      conversation: conversation!.id,
      fileId: file!.id,
      focalPointNotification: told.find((r) => r.userId === people.focalPoint)!.id,
      unsubscribeToken: link!.token,
    };
  },
  pageRows: {
    "routes/exchange": [{ method: "GET", path: () => p("/exchange?q=matrix&kind=need&own=closed"), expect: signedIn(200) }],
    "routes/exchange-new": [
      // Someone acting for no organization (the administrator) is told how to get one.
      { method: "GET", path: () => p("/exchange/new?kind=offer"), expect: signedIn(200) },
      {
        method: "POST",
        path: () => p("/exchange/new"),
        body: (w) => ({ kind: "offer", originalLanguage: "en", "texts.en.title": `Matrix page offer ${w.n}`, "texts.en.description": description, visibility: "platform", key: `matrix-page-offer-${w.n}` }),
        // For the organization each acts for (any of their own); an administrator acts for none.
        expect: { anonymous: 302, member: 302, outsider: 302, focalPoint: 302, secretariat: 302, admin: 400 },
      },
    ],
    "routes/exchange-item": [
      // Shared with the inner network only: its organization, the network's secretariat and administrators read it.
      { method: "GET", path: (w) => p(`/exchange/${x(w).offer}`), expect: { anonymous: 302, member: 200, outsider: 404, focalPoint: 200, secretariat: 200, admin: 200 } },
      // Shared with the common network, where the outsider's university is a member too.
      { method: "GET", path: (w) => p(`/exchange/${x(w).need}`), expect: signedIn(200) },
      // Open to the whole platform: everyone signed in.
      { method: "GET", path: (w) => p(`/exchange/${x(w).universityNeed}`), expect: signedIn(200) },
      { method: "POST", path: (w) => p(`/exchange/${x(w).offer}`), body: () => ({ intent: "close" }), expect: owners(302) },
      { method: "POST", path: (w) => p(`/exchange/${x(w).need}`), body: (w) => ({ intent: "dismiss", other: x(w).universityOffer! }), expect: ownersOfShared(302) },
      { method: "POST", path: (w) => p(`/exchange/${x(w).need}`), body: (w) => ({ intent: "undo", other: x(w).universityOffer! }), expect: ownersOfShared(302) },
      {
        method: "POST",
        path: (w) => p(`/exchange/${x(w).universityOffer}`),
        body: (w) => ({ intent: "contact", message: "The matrix would like to talk about this offer.", key: `matrix-contact-${w.n}` }),
        // For the organization each acts for: never the item's own (the outsider's university);
        // an administrator acts for none.
        expect: { anonymous: 302, member: 302, outsider: 403, focalPoint: 302, secretariat: 302, admin: 400 },
      },
    ],
    "routes/exchange-edit": [
      { method: "GET", path: (w) => p(`/exchange/${x(w).offer}/edit`), expect: owners(200) },
      {
        method: "POST",
        path: (w) => p(`/exchange/${x(w).offer}/edit`),
        body: (w) => ({
          revision: "1",
          originalLanguage: "en",
          "texts.en.title": `Matrix offer ${w.n} renamed`,
          "texts.en.description": description,
          themeIds: "environment",
          visibility: "networks",
          networks: x(w).inner!,
        }),
        expect: owners(302),
      },
    ],
    "routes/exchange-experts": [{ method: "GET", path: () => p("/exchange/experts?theme=environment"), expect: signedIn(200) }],
    "routes/account-expertise": [
      { method: "GET", path: () => p("/account/expertise"), expect: signedIn(200) },
      {
        method: "POST",
        path: () => p("/account/expertise"),
        body: (w) => ({ organization: w.slug, position: "Matrix expert", "summary.en": "Waste and the circular economy.", themeIds: "environment", languages: "en", listed: "on" }),
        // For the world's organization: its people only.
        expect: forTheWorld(302),
      },
    ],
    "routes/exchange-contact": [
      { method: "GET", path: (w) => p(`/exchange/contacts/${x(w).requested}`), expect: parties(200) },
      { method: "POST", path: (w) => p(`/exchange/contacts/${x(w).requested}`), body: () => ({ decision: "accept" }), expect: asked(302) },
    ],
    "routes/exchange-conversations": [{ method: "GET", path: () => p("/exchange/conversations"), expect: signedIn(200) }],
    "routes/exchange-conversation": [
      { method: "GET", path: (w) => p(`/exchange/conversations/${x(w).conversation}`), expect: parties(200) },
      { method: "POST", path: (w) => p(`/exchange/conversations/${x(w).conversation}`), body: (w) => ({ intent: "message", body: "From the matrix.", key: `matrix-message-${w.n}` }), expect: parties(302) },
      { method: "POST", path: (w) => p(`/exchange/conversations/${x(w).conversation}`), body: () => ({ intent: "close", outcome: "exchange_done", note: "From the matrix" }), expect: parties(302) },
    ],
    "routes/exchange-conversation-file": [{ method: "GET", path: (w) => p(`/exchange/conversations/${x(w).conversation}/files/${x(w).fileId}`), expect: parties(200) }],
    // Each person's own inbox and settings.
    "routes/notifications": [
      { method: "GET", path: () => p("/notifications"), expect: signedIn(200) },
      { method: "POST", path: () => p("/notifications"), expect: signedIn(302) },
    ],
    "routes/account-notifications": [
      { method: "GET", path: () => p("/account/notifications"), expect: signedIn(200) },
      {
        method: "POST",
        path: () => p("/account/notifications"),
        body: () => ({ themeIds: "environment", kinds: "need", "channels.exchange.message": "daily" }),
        expect: signedIn(302),
      },
    ],
    // The link works without signing in: the token is the key.
    "routes/notifications-unsubscribe": [
      { method: "GET", path: (w) => p(`/notifications/unsubscribe/${x(w).unsubscribeToken}`), expect: everyone(200) },
      { method: "GET", path: () => p(`/notifications/unsubscribe/${unknownToken}`), expect: everyone(404) },
      { method: "POST", path: (w) => p(`/notifications/unsubscribe/${x(w).unsubscribeToken}`), expect: everyone(302) },
      { method: "POST", path: () => p(`/notifications/unsubscribe/${unknownToken}`), expect: everyone(404) },
    ],
  },
  apiRows: {
    "GET /exchange/items": { method: "GET", path: () => "/exchange/items?q=matrix&kind=offer", expect: signedIn(200, 401) },
    "POST /exchange/items": {
      method: "POST",
      path: () => "/exchange/items",
      body: (w) => ({ kind: "need", organization: w.slug, texts: { en: { title: `Matrix API need ${w.n}`, description } }, themeIds: ["environment"], networks: [x(w).common!] }),
      expect: forTheWorld(201, 401),
    },
    "GET /exchange/items/:id": { method: "GET", path: (w) => `/exchange/items/${x(w).offer}`, expect: { anonymous: 401, member: 200, outsider: 404, focalPoint: 200, secretariat: 200, admin: 200 } },
    "PUT /exchange/items/:id": {
      method: "PUT",
      path: (w) => `/exchange/items/${x(w).offer}`,
      body: (w) => ({ revision: 1, texts: { en: { title: `Matrix offer ${w.n} renamed`, description } }, themeIds: ["environment"], networks: [x(w).inner!] }),
      expect: owners(200, 401),
    },
    "POST /exchange/items/:id/status": { method: "POST", path: (w) => `/exchange/items/${x(w).offer}/status`, body: () => ({ action: "mark_matched" }), expect: owners(200, 401) },
    // The organization's working list, its own only: the others who read the need (administrators too) do not.
    "GET /exchange/items/:id/matches": {
      method: "GET",
      path: (w) => `/exchange/items/${x(w).need}/matches`,
      expect: { anonymous: 401, member: 200, outsider: 403, focalPoint: 200, secretariat: 403, admin: 403 },
    },
    "POST /exchange/items/:id/dismissals": {
      method: "POST",
      path: (w) => `/exchange/items/${x(w).need}/dismissals`,
      body: (w) => ({ other: x(w).universityOffer! }),
      expect: ownersOfShared(200, 401),
    },
    "DELETE /exchange/items/:id/dismissals/:other": {
      method: "DELETE",
      path: (w) => `/exchange/items/${x(w).need}/dismissals/${x(w).universityOffer}`,
      expect: ownersOfShared(200, 401),
    },
    "GET /exchange/experts": { method: "GET", path: () => "/exchange/experts?language=es", expect: signedIn(200, 401) },
    "GET /me/expertise": { method: "GET", path: () => "/me/expertise", expect: signedIn(200, 401) },
    "PUT /me/expertise": {
      method: "PUT",
      path: () => "/me/expertise",
      body: (w) => ({ organization: w.slug, position: "Matrix expert", summary: { en: "Waste and the circular economy." }, themeIds: ["environment"], languages: ["en"], listed: true }),
      expect: forTheWorld(200, 401),
    },
    "GET /exchange/contacts": { method: "GET", path: () => "/exchange/contacts", expect: signedIn(200, 401) },
    // Asking, for the world's organization, about the university's offer: its people only.
    "POST /exchange/contacts": {
      method: "POST",
      path: () => "/exchange/contacts",
      body: (w) => ({ item: x(w).universityOffer!, fromItem: x(w).need!, organization: w.slug, message: "The matrix would like to talk about this offer." }),
      expect: forTheWorld(201, 401),
    },
    "GET /exchange/contacts/:id": { method: "GET", path: (w) => `/exchange/contacts/${x(w).requested}`, expect: parties(200, 401) },
    "POST /exchange/contacts/:id/decision": {
      method: "POST",
      path: (w) => `/exchange/contacts/${x(w).requested}/decision`,
      body: () => ({ decision: "decline", reason: "From the matrix" }),
      expect: asked(200, 401),
    },
    "GET /exchange/conversations": { method: "GET", path: () => "/exchange/conversations", expect: signedIn(200, 401) },
    "GET /exchange/conversations/:id": { method: "GET", path: (w) => `/exchange/conversations/${x(w).conversation}`, expect: parties(200, 401) },
    "POST /exchange/conversations/:id/messages": {
      method: "POST",
      path: (w) => `/exchange/conversations/${x(w).conversation}/messages`,
      body: (w) => ({ body: "From the matrix.", idempotencyKey: `matrix-api-message-${w.n}` }),
      expect: parties(201, 401),
    },
    "GET /exchange/conversations/:id/files/:fileId": {
      method: "GET",
      path: (w) => `/exchange/conversations/${x(w).conversation}/files/${x(w).fileId}`,
      expect: parties(200, 401),
    },
    "POST /exchange/conversations/:id/close": {
      method: "POST",
      path: (w) => `/exchange/conversations/${x(w).conversation}/close`,
      body: () => ({ outcome: "project", note: "From the matrix" }),
      expect: parties(200, 401),
    },
    // Counts only: public.
    "GET /networks/:slug/exchange-outcomes": { method: "GET", path: (w) => `/networks/${x(w).common}/exchange-outcomes`, expect: everyone(200) },
    "GET /notifications": { method: "GET", path: () => "/notifications?unread=1", expect: signedIn(200, 401) },
    // Someone else's notification is left as it is: every caller marks only their own.
    "POST /notifications/read": { method: "POST", path: () => "/notifications/read", body: (w) => ({ ids: [x(w).focalPointNotification!] }), expect: signedIn(200, 401) },
    "GET /me/notification-settings": { method: "GET", path: () => "/me/notification-settings", expect: signedIn(200, 401) },
    "PUT /me/notification-settings": {
      method: "PUT",
      path: () => "/me/notification-settings",
      body: () => ({ themeIds: ["environment"], kinds: ["need", "offer"], channels: { "exchange.message": "daily" } }),
      expect: signedIn(200, 401),
    },
    // RFC 8058: no session, no token; the link's secret is enough.
    "POST /notifications/unsubscribe/:token": { method: "POST", path: (w) => `/notifications/unsubscribe/${x(w).unsubscribeToken}`, expect: everyone(200) },
  },
};
