// Authorization matrix rows of the good-practice bank: every page route and API operation it adds.
// Each world makes its organization (the focal point's and the member's) an active member of the
// demo network Mercociudades (run by `secretariat`) and holds, written by its focal point as the
// use cases leave them: a complete draft with an attachment, a submitted practice, a published one
// with an attachment (reported by the outsider, entered in an open call of the network and put in
// the call's collection, which stays unpublished), and a published one the secretariat took down.
// Reading rows use the demo bank too: its closed call, its published collection, its observatory
// run with AUGM.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { networkMemberships, networks } from "../../modules/networks/schema.ts";
import { emptyContent } from "../../modules/practices/content.ts";
import { demoInclusiveCall, demoObservatory, demoObservatoryPartner } from "../../modules/practices/demo-bank.ts";
import {
  practiceCallEntries,
  practiceCalls,
  practiceCollectionItems,
  practiceCollections,
  practiceFiles,
  practiceReports,
  practices,
  practiceVersions,
} from "../../modules/practices/schema.ts";
import { practiceText } from "../../modules/practices/testing.ts";
import type { Database } from "../../platform/db/client.ts";
import { slugify } from "../../platform/slug.ts";
import { newStorageKey } from "../../platform/storage/file-store.ts";
import { everyone, type Expect, matrixFiles, type MatrixArea, p, signedIn, type World } from "./support.ts";

const bank = "mercociudades";
/** The demo bank's closed call and the collection of its selection (published). */
const demoCall = slugify(demoInclusiveCall.title[demoInclusiveCall.language], 60);
const x = (w: World) => w.areas.practices!;

/** The practice's authors: the organization's people (staff and focal point). */
const authors = (status: number, anonymous = 302): Expect => ({ anonymous, member: status, outsider: 404, focalPoint: status, secretariat: 404, admin: 403 });
/** A draft is its authors' own (and administrators' to read): nobody else knows it exists. */
const draftReaders = (status: number, anonymous = 404): Expect => ({ anonymous, member: status, outsider: 404, focalPoint: status, secretariat: 404, admin: status });
/** The moderators (the network's secretariat) and administrators, on a practice submitted or taken down: its authors see it, others do not. */
const moderators = (status: number, anonymous = 302): Expect => ({ anonymous, member: 403, outsider: 404, focalPoint: 403, secretariat: status, admin: status });
/** The authors withdraw a submission; its moderators see it but may not. */
const withdrawers = (status: number, anonymous = 302): Expect => ({ anonymous, member: status, outsider: 404, focalPoint: status, secretariat: 403, admin: 403 });
/** Moderators on a published practice: everyone sees it, only they act. */
const moderatorsOfPublic = (status: number, anonymous = 302): Expect => ({ anonymous, member: 403, outsider: 403, focalPoint: 403, secretariat: status, admin: status });
/** The bank's managers (the network's secretariat) and administrators; the network is public, so others are refused. */
const managers = (status: number, anonymous = 302): Expect => ({ anonymous, member: 403, outsider: 403, focalPoint: 403, secretariat: status, admin: status });
/** What only the bank's managers see (an unpublished collection, a report): nobody else is told it exists. */
const managersOnly = (status: number, anonymous = 404): Expect => ({ anonymous, member: 404, outsider: 404, focalPoint: 404, secretariat: status, admin: status });

/** The demo network's id, found once per database. */
const bankIds = new WeakMap<Database, string>();

export const practicesArea: MatrixArea = {
  name: "practices",
  // Written as the use cases leave them (createPractice, uploadPracticeFile, submitPractice,
  // decidePractice, hidePractice, reportPractice, createPracticeCall, submitToCall, saveCollection),
  // in a few statements: every world of the matrix gets them, and through the use cases each
  // world would take more than half a second. Not indexed for search (no row needs it).
  async prepare({ db, people, world }) {
    let bankId = bankIds.get(db);
    if (!bankId) bankIds.set(db, (bankId = (await db.select({ id: networks.id }).from(networks).where(eq(networks.slug, bank)))[0]!.id));
    await db.insert(networkMemberships).values({ networkId: bankId, organizationId: world.organizationId, status: "active", since: "2020-01-01" });
    const now = new Date();
    const author = people.focalPoint;
    const kinds = ["draft", "submitted", "published", "hidden"] as const;
    const id = Object.fromEntries(kinds.map((k) => [k, randomUUID()])) as Record<(typeof kinds)[number], string>;
    const slug = Object.fromEntries(kinds.map((k) => [k, `matrix-${k}-${world.n}`])) as Record<(typeof kinds)[number], string>;
    const draftFileId = randomUUID();
    const publishedFileId = randomUUID();
    const isPublished = (k: (typeof kinds)[number]) => k === "published" || k === "hidden";
    await db.insert(practices).values(
      kinds.map((k) => ({
        id: id[k],
        slug: slug[k],
        networkId: bankId,
        organizationId: world.organizationId,
        countryCode: "UY",
        originalLanguage: "en",
        status: isPublished(k) ? ("published" as const) : k,
        ...(isPublished(k) ? { firstPublishedAt: now, lastPublishedAt: now } : {}),
        hiddenAt: k === "hidden" ? now : null,
        createdBy: author,
      })),
    );
    const files = { draft: [draftFileId], published: [publishedFileId] } as Partial<Record<(typeof kinds)[number], string[]>>;
    await db.insert(practiceVersions).values(
      kinds.map((k) => ({
        practiceId: id[k],
        number: 1,
        status: isPublished(k) ? ("published" as const) : k,
        originalLanguage: "en",
        content: { ...emptyContent(), texts: { en: practiceText("en", `Matrix ${k} ${world.n}`) }, themeIds: ["environment"], startYear: 2020, fileIds: files[k] ?? [] },
        revision: files[k] ? 2 : 1,
        createdBy: author,
        updatedBy: author,
        ...(k === "draft" ? {} : { submittedBy: author, submittedAt: now }),
        ...(isPublished(k) ? { reviewerId: people.secretariat, decidedBy: people.secretariat, decidedAt: now } : {}),
      })),
    );
    await db.execute(sql`update practices p set current_version_id = v.id, published_version_id = case when v.status = 'published' then v.id end
      from practice_versions v where v.practice_id = p.id and p.id in (${id.draft}, ${id.submitted}, ${id.published}, ${id.hidden})`);
    const file = (fileId: string, practiceId: string, name: string) => {
      const storageKey = newStorageKey("txt");
      const bytes = new TextEncoder().encode(`${name}: the matrix's attachment.\n`);
      return { row: { id: fileId, practiceId, kind: "attachment" as const, storageKey, contentType: "text/plain; charset=utf-8", bytes: bytes.length, displayName: `${name}.txt`, createdBy: author }, bytes };
    };
    const stored = [file(draftFileId, id.draft, "draft"), file(publishedFileId, id.published, "published")];
    for (const f of stored) await matrixFiles.put(f.row.storageKey, f.bytes, f.row.contentType);
    await db.insert(practiceFiles).values(stored.map((f) => f.row));
    const [report] = await db
      .insert(practiceReports)
      .values({ practiceId: id.published, reporterUserId: people.outsider, reason: "spam", comment: "From the matrix" })
      .returning({ id: practiceReports.id });
    // An open call (its collection has its slug: unpublished, with the published practice in it, entered in the call).
    const call = `matrix-call-${world.n}`;
    const [collection] = await db
      .insert(practiceCollections)
      .values({ networkId: bankId, slug: call, title: { en: `Matrix collection ${world.n}` }, originalLanguage: "en", createdBy: people.secretariat })
      .returning({ id: practiceCollections.id });
    const [created] = await db
      .insert(practiceCalls)
      .values({
        networkId: bankId,
        slug: call,
        title: { en: `Matrix call ${world.n}` },
        originalLanguage: "en",
        opensAt: new Date(now.getTime() - 86_400_000),
        closesAt: new Date(now.getTime() + 30 * 86_400_000),
        collectionId: collection!.id,
        createdBy: people.secretariat,
      })
      .returning({ id: practiceCalls.id });
    const [entry] = await db
      .insert(practiceCallEntries)
      .values({ callId: created!.id, practiceId: id.published, submittedBy: author })
      .returning({ id: practiceCallEntries.id });
    await db.insert(practiceCollectionItems).values({ collectionId: collection!.id, practiceId: id.published, position: 0 });
    return { ...slug, draftFileId, publishedFileId, reportId: report!.id, call, entryId: entry!.id, collection: call };
  },
  pageRows: {
    "routes/practices": [{ method: "GET", path: () => p("/practices?q=matrix+environment&sort=newest"), expect: everyone(200) }],
    "routes/practices-export": [{ method: "GET", path: () => p(`/practices/export.csv?q=water&network=${bank}`), expect: everyone(200) }],
    "routes/practices-feed": [{ method: "GET", path: () => p(`/practices/feed.atom?network=${bank}&theme=environment`), expect: everyone(200) }],
    "routes/practices-map": [{ method: "GET", path: () => p("/practices/map.svg?country=UY"), expect: everyone(200) }],
    "routes/practice-new": [
      { method: "GET", path: () => p("/practices/new"), expect: signedIn(200) },
      {
        method: "POST",
        path: () => p("/practices/new"),
        body: (w) => ({ network: bank, originalLanguage: "en", "texts.en.title": `Matrix page practice ${w.n}` }),
        // For the organization each acts for: a member city's people and the network's own
        // secretariat write for its bank; the outsider's university is no member; an
        // administrator acts for no organization.
        expect: { anonymous: 302, member: 302, outsider: 403, focalPoint: 302, secretariat: 302, admin: 400 },
      },
    ],
    "routes/practices-review": [
      // Anyone signed in has a queue: of what they moderate, often nothing.
      { method: "GET", path: () => p("/practices/review?status=reported"), expect: signedIn(200) },
      { method: "POST", path: () => p("/practices/review"), body: (w) => ({ report: x(w).reportId!, resolution: "dismiss" }), expect: { ...managersOnly(302), anonymous: 302 } },
    ],
    "routes/practice": [
      { method: "GET", path: (w) => p(`/practices/${x(w).published}`), expect: everyone(200) },
      { method: "GET", path: (w) => p(`/practices/${x(w).draft}?working=1`), expect: draftReaders(200) },
      { method: "GET", path: (w) => p(`/practices/${x(w).hidden}`), expect: { ...draftReaders(200), secretariat: 200 } },
      { method: "POST", path: (w) => p(`/practices/${x(w).draft}`), body: () => ({ intent: "submit" }), expect: authors(302) },
      { method: "POST", path: (w) => p(`/practices/${x(w).submitted}`), body: () => ({ intent: "withdraw" }), expect: withdrawers(302) },
      { method: "POST", path: (w) => p(`/practices/${x(w).submitted}`), body: () => ({ intent: "startReview" }), expect: moderators(302) },
      { method: "POST", path: (w) => p(`/practices/${x(w).submitted}`), body: () => ({ intent: "decide", decision: "publish" }), expect: moderators(302) },
      // Anyone signed in reports what the public reads.
      { method: "POST", path: (w) => p(`/practices/${x(w).published}`), body: () => ({ intent: "report", reason: "inaccurate" }), expect: everyone(302) },
      { method: "POST", path: (w) => p(`/practices/${x(w).published}`), body: (w) => ({ intent: "resolve", report: x(w).reportId!, resolution: "hide" }), expect: { ...managersOnly(302), anonymous: 302 } },
      { method: "POST", path: (w) => p(`/practices/${x(w).published}`), body: () => ({ intent: "hide", "hide-note": "From the matrix" }), expect: moderatorsOfPublic(302) },
      { method: "POST", path: (w) => p(`/practices/${x(w).hidden}`), body: () => ({ intent: "restore" }), expect: moderators(302) },
    ],
    "routes/practice-edit": [
      // Only its authors edit; an administrator may read the draft but not change it.
      { method: "GET", path: (w) => p(`/practices/${x(w).draft}/edit`), expect: authors(200) },
      {
        method: "POST",
        path: (w) => p(`/practices/${x(w).draft}/edit`),
        body: (w) => ({ originalLanguage: "en", "texts.en.title": `Matrix draft ${w.n} renamed`, themeIds: "environment", startYear: "2020" }),
        expect: authors(302),
      },
    ],
    "routes/practice-file": [
      { method: "GET", path: (w) => p(`/practices/${x(w).published}/files/${x(w).publishedFileId}`), expect: everyone(200) },
      { method: "GET", path: (w) => p(`/practices/${x(w).draft}/files/${x(w).draftFileId}`), expect: draftReaders(200) },
    ],
    "routes/network-calls": [
      { method: "GET", path: () => p(`/networks/${bank}/calls`), expect: everyone(200) },
      {
        method: "POST",
        path: () => p(`/networks/${bank}/calls`),
        body: (w) => ({ title: `Matrix page call ${w.n}`, language: "en", opensAt: "2026-01-01T00:00", closesAt: "2030-12-31T23:59" }),
        expect: managers(302),
      },
    ],
    "routes/network-call": [
      { method: "GET", path: () => p(`/networks/${bank}/calls/${demoCall}`), expect: everyone(200) },
      { method: "GET", path: (w) => p(`/networks/${bank}/calls/${x(w).call}`), expect: everyone(200) },
      // Its authors enter a practice; a draft is theirs alone.
      { method: "POST", path: (w) => p(`/networks/${bank}/calls/${x(w).call}`), body: (w) => ({ intent: "enter", practice: x(w).draft! }), expect: authors(302) },
      { method: "POST", path: (w) => p(`/networks/${bank}/calls/${x(w).call}`), body: (w) => ({ intent: "decide", entry: x(w).entryId!, status: "selected" }), expect: managers(302) },
    ],
    "routes/network-collection": [
      { method: "GET", path: () => p(`/networks/${bank}/collections/${demoCall}`), expect: everyone(200) },
      { method: "GET", path: (w) => p(`/networks/${bank}/collections/${x(w).collection}`), expect: managersOnly(200) },
      {
        method: "POST",
        path: (w) => p(`/networks/${bank}/collections/${x(w).collection}`),
        body: (w) => ({ intent: "save", language: "pt", title: `Coleção da matriz ${w.n}`, subtitle: "", foreword: "" }),
        expect: managers(302),
      },
      { method: "POST", path: (w) => p(`/networks/${bank}/collections/${x(w).collection}`), body: () => ({ intent: "publish" }), expect: managers(302) },
    ],
    "routes/network-collection-booklet": [
      { method: "GET", path: () => p(`/networks/${bank}/collections/${demoCall}/booklet.pdf?lang=pt`), expect: everyone(200) },
      { method: "GET", path: (w) => p(`/networks/${bank}/collections/${x(w).collection}/booklet.pdf`), expect: managersOnly(200) },
    ],
    "routes/network-observatory": [{ method: "GET", path: () => p(`/networks/${bank}/observatory`), expect: everyone(200) }],
  },
  apiRows: {
    "GET /practices": { method: "GET", path: () => "/practices?q=agua&theme=environment&view=map", expect: everyone(200) },
    "GET /practices/export": { method: "GET", path: () => `/practices/export?network=${bank}`, expect: everyone(200) },
    "GET /practices/feed": { method: "GET", path: () => `/practices/feed?network=${bank}`, expect: everyone(200) },
    "POST /practices": {
      method: "POST",
      path: () => "/practices",
      body: (w) => ({ network: bank, organization: w.slug, texts: { en: { title: `Matrix API practice ${w.n}` } } }),
      // For the world's organization: its people only.
      expect: { anonymous: 401, member: 201, outsider: 403, focalPoint: 201, secretariat: 403, admin: 403 },
    },
    "GET /practices/:slug": { method: "GET", path: (w) => `/practices/${x(w).draft}?working=1`, expect: draftReaders(200) },
    "PATCH /practices/:slug": {
      method: "PATCH",
      path: (w) => `/practices/${x(w).draft}`,
      body: (w) => ({ texts: { en: { title: `Matrix draft ${w.n} renamed` } }, sdgGoals: [11] }),
      expect: authors(200, 401),
    },
    // The matrix sends JSON, not multipart: the request is malformed for everyone, refused (400)
    // before anyone's rights are looked at, as any operation's invalid body. Who may upload is
    // uploadPracticeFile's edit policy, the editor's (PATCH above, and the page's edit form).
    "POST /practices/:slug/files": { method: "POST", path: (w) => `/practices/${x(w).draft}/files`, body: () => ({ file: "not a file" }), expect: everyone(400) },
    "GET /practices/:slug/files/:fileId": { method: "GET", path: (w) => `/practices/${x(w).draft}/files/${x(w).draftFileId}`, expect: draftReaders(200) },
    "GET /practices/:slug/similar": { method: "GET", path: (w) => `/practices/${x(w).published}/similar`, expect: everyone(200) },
    "POST /practices/:slug/submission": { method: "POST", path: (w) => `/practices/${x(w).draft}/submission`, expect: authors(200, 401) },
    "POST /practices/:slug/withdrawal": { method: "POST", path: (w) => `/practices/${x(w).submitted}/withdrawal`, expect: withdrawers(200, 401) },
    "POST /practices/:slug/review": { method: "POST", path: (w) => `/practices/${x(w).submitted}/review`, expect: moderators(200, 401) },
    "POST /practices/:slug/restoration": { method: "POST", path: (w) => `/practices/${x(w).hidden}/restoration`, expect: moderators(200, 401) },
    "POST /practices/:slug/decision": {
      method: "POST",
      path: (w) => `/practices/${x(w).submitted}/decision`,
      body: () => ({ decision: "request_changes", comment: "From the matrix" }),
      expect: moderators(200, 401),
    },
    "POST /practices/:slug/reports": { method: "POST", path: (w) => `/practices/${x(w).published}/reports`, body: () => ({ reason: "other", comment: "From the matrix" }), expect: signedIn(201, 401) },
    // Reports are the moderators' (never shown to the authors); the practice itself is public.
    "GET /practices/:slug/reports": { method: "GET", path: (w) => `/practices/${x(w).published}/reports`, expect: moderatorsOfPublic(200, 401) },
    "POST /practice-reports/:id/resolution": {
      method: "POST",
      path: (w) => `/practice-reports/${x(w).reportId}/resolution`,
      body: () => ({ resolution: "dismiss", note: "From the matrix" }),
      expect: { ...managersOnly(200), anonymous: 401 },
    },
    "GET /practice-moderation": { method: "GET", path: () => `/practice-moderation?network=${bank}&status=published`, expect: signedIn(200, 401) },
    "GET /networks/:network/practice-axes": { method: "GET", path: () => `/networks/${bank}/practice-axes?scope=observatory`, expect: everyone(200) },
    "PUT /networks/:network/practice-axes": {
      method: "PUT",
      path: () => `/networks/${bank}/practice-axes`,
      body: () => ({ key: "matrix-axis", names: { en: "Matrix axis" }, themeIds: ["environment"], position: 99 }),
      expect: managers(204, 401),
    },
    "GET /networks/:network/observatory": { method: "GET", path: () => `/networks/${bank}/observatory`, expect: everyone(200) },
    // The demo observatory saved as it is (with its university association, which co-moderates).
    "PUT /networks/:network/observatory": {
      method: "PUT",
      path: () => `/networks/${bank}/observatory`,
      body: () => ({ names: demoObservatory.names, description: demoObservatory.description, partner: demoObservatoryPartner.slug }),
      expect: managers(204, 401),
    },
    "GET /networks/:network/practice-calls": { method: "GET", path: () => `/networks/${bank}/practice-calls`, expect: everyone(200) },
    "POST /networks/:network/practice-calls": {
      method: "POST",
      path: () => `/networks/${bank}/practice-calls`,
      body: (w) => ({ title: `Matrix API call ${w.n}`, language: "es", themeIds: ["environment"], opensAt: "2026-01-01T00:00:00Z", closesAt: "2030-12-31T23:59:59Z" }),
      expect: managers(201, 401),
    },
    "GET /networks/:network/practice-calls/:call": { method: "GET", path: (w) => `/networks/${bank}/practice-calls/${x(w).call}`, expect: everyone(200) },
    "POST /networks/:network/practice-calls/:call/entries": {
      method: "POST",
      path: (w) => `/networks/${bank}/practice-calls/${x(w).call}/entries`,
      body: (w) => ({ practice: x(w).draft! }),
      expect: authors(201, 401),
    },
    "POST /networks/:network/practice-calls/:call/entries/:entry/decision": {
      method: "POST",
      path: (w) => `/networks/${bank}/practice-calls/${x(w).call}/entries/${x(w).entryId}/decision`,
      body: () => ({ status: "selected", note: "From the matrix" }),
      expect: managers(200, 401),
    },
    "GET /networks/:network/collections": { method: "GET", path: () => `/networks/${bank}/collections`, expect: everyone(200) },
    "GET /networks/:network/collections/:collection": { method: "GET", path: (w) => `/networks/${bank}/collections/${x(w).collection}`, expect: managersOnly(200) },
    "PATCH /networks/:network/collections/:collection": {
      method: "PATCH",
      path: (w) => `/networks/${bank}/collections/${x(w).collection}`,
      body: (w) => ({ title: `Colección de la matriz ${w.n}`, language: "es", practices: [x(w).published!] }),
      expect: managers(200, 401),
    },
    "POST /networks/:network/collections/:collection/publication": {
      method: "POST",
      path: (w) => `/networks/${bank}/collections/${x(w).collection}/publication`,
      expect: managers(200, 401),
    },
    "GET /networks/:network/collections/:collection/booklet": {
      method: "GET",
      path: (w) => `/networks/${bank}/collections/${x(w).collection}/booklet?lang=es`,
      expect: managersOnly(200),
    },
  },
};

