// /api/v1 good practices: search (with the pages' facets), feed and CSV, reading, writing through
// the workflow (create, edit, upload, submit, withdraw, review, decide), reports, a network's
// axes and observatory, calls for practices and collections with their PDF booklet.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { createPractice } from "../../modules/practices/create-practice.ts";
import { createPracticeCall } from "../../modules/practices/create-practice-call.ts";
import { decideCallEntry } from "../../modules/practices/decide-call-entry.ts";
import { decidePractice } from "../../modules/practices/decide-practice.ts";
import { exportPracticesCsv } from "../../modules/practices/export-practices-csv.ts";
import { getCall, listCalls } from "../../modules/practices/get-call.ts";
import { getCollection, listCollections } from "../../modules/practices/get-collection.ts";
import { getObservatory } from "../../modules/practices/get-observatory.ts";
import { getPractice } from "../../modules/practices/get-practice.ts";
import { getPracticeFile } from "../../modules/practices/get-practice-file.ts";
import {
  createCallInput,
  createPracticeInput,
  decideEntryInput,
  decidePracticeInput,
  moderationQueueInput,
  practiceSlug,
  reportPracticeInput,
  resolveReportInput,
  saveCollectionInput,
  searchPracticesInput,
  updatePracticeInput,
} from "../../modules/practices/inputs.ts";
import { listModerationQueue } from "../../modules/practices/list-moderation-queue.ts";
import { listPracticeAxes } from "../../modules/practices/list-practice-axes.ts";
import { listPracticeReports } from "../../modules/practices/list-practice-reports.ts";
import { practicesFeed } from "../../modules/practices/practices-feed.ts";
import { renderCollectionBooklet } from "../../modules/practices/render-collection-booklet.ts";
import { reportPractice } from "../../modules/practices/report-practice.ts";
import { resolveReport } from "../../modules/practices/resolve-report.ts";
import { restorePractice } from "../../modules/practices/restore-practice.ts";
import { publishCollection, saveCollection } from "../../modules/practices/save-collection.ts";
import { saveObservatory, saveObservatoryInput } from "../../modules/practices/save-observatory.ts";
import { savePracticeAxis, savePracticeAxisInput } from "../../modules/practices/save-practice-axis.ts";
import { searchPractices } from "../../modules/practices/search-practices.ts";
import { similarPractices } from "../../modules/practices/similar-practices.ts";
import { startReview } from "../../modules/practices/start-review.ts";
import { submitPractice } from "../../modules/practices/submit-practice.ts";
import { submitToCall, submitToCallInput } from "../../modules/practices/submit-to-call.ts";
import { updatePractice } from "../../modules/practices/update-practice.ts";
import { maxPracticeFileBytes, uploadPracticeFile } from "../../modules/practices/upload-practice-file.ts";
import { withdrawPractice } from "../../modules/practices/withdraw-practice.ts";
import type { AppServices } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { problemTypes } from "../../platform/http/problem.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { type ApiEnv, authResponses, bearer, json, problem, problemResponse, wire } from "./common.ts";

const tags = ["Practices"];
const slugParam = z.object({ slug: practiceSlug });
const networkParam = z.object({ network: z.string().max(100).describe("The network's slug") });
const lang = z.enum(locales);
const translated = z.object({ es: z.string().optional(), pt: z.string().optional(), en: z.string().optional() });
const localizedText = z.object({ text: z.string(), language: lang, fallback: z.boolean() });
const ref = z.object({ slug: z.string(), name: z.string() });
const done = z.object({ status: z.string(), repeated: z.boolean().optional() });

const hitSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    snippet: z.string().describe("The summary, or its passages that matched; matched words between U+E000 and U+E001"),
    language: lang.describe("The language the title is in"),
    snippetLanguage: lang.describe("The language the snippet is in (the original's when the translation has no summary)"),
    fallback: z.boolean().describe("True when the practice is not written in the response language"),
    originalLanguage: lang,
    organization: ref.nullable(),
    network: ref.nullable(),
    city: z.string().nullable(),
    country: z.object({ code: z.string(), name: z.string() }).nullable(),
    themeIds: z.array(z.string()),
    sdgGoals: z.array(z.number().int()),
    year: z.number().int().nullable(),
    observatory: z.boolean(),
    sourceUrl: z.string().nullable().describe("Catalogue entries: where the practice is described"),
    publishedAt: z.string(),
  })
  .meta({ id: "PracticeHit" });
const facetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int(), selected: z.boolean() });
const searchResultSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    sort: z.enum(["relevance", "newest"]),
    items: z.array(hitSchema),
    facets: z
      .object({
        theme: z.array(facetValue), sdg: z.array(facetValue), country: z.array(facetValue), region: z.array(facetValue), population: z.array(facetValue),
        year: z.array(facetValue), language: z.array(facetValue), network: z.array(facetValue), observatory: z.array(facetValue),
      })
      .describe("Counts per value among the results (under the current filters)"),
    corrections: z.array(z.object({ typed: z.string(), searched: z.string() })).describe("Words taken for typos and what was searched instead"),
    map: z.array(z.object({ slug: z.string(), title: z.string(), latitude: z.number(), longitude: z.number() })).nullable(),
  })
  .meta({ id: "PracticeSearchResult" });
const practiceText = z.object({ title: z.string(), summary: z.string(), problem: z.string(), solution: z.string(), results: z.string(), lessons: z.string(), replication: z.string() });
const practiceSchema = z
  .looseObject({
    id: z.string(),
    slug: z.string(),
    network: ref.nullable(),
    organization: ref.extend({ kind: z.string() }).nullable(),
    city: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    country: z.object({ code: z.string(), name: z.string() }).nullable(),
    showing: z.enum(["published", "working"]),
    version: z.looseObject({ number: z.number().int(), status: z.string(), revision: z.number().int().describe("Send it back when editing") }),
    originalLanguage: lang,
    languages: z.array(lang),
    text: practiceText.extend({ language: lang, fallback: z.boolean() }),
    textLanguages: z.record(z.string(), lang).describe("The language each section of `text` is in: a section not yet translated is shown in the original"),
    texts: z.record(z.string(), practiceText).nullable().describe("Every language's text: authors only"),
    themes: z.array(z.object({ id: z.string(), name: z.string() })),
    sdgGoals: z.array(z.object({ goal: z.number().int(), name: z.string() })),
    contact: z.object({ name: z.string(), position: z.string(), email: z.string().nullable().describe("Signed-in callers only") }).nullable(),
    observatory: z.boolean(),
    viewer: z.record(z.string(), z.unknown()).describe("What the caller may do"),
    history: z.array(z.record(z.string(), z.unknown())).nullable().describe("Authors and moderators only"),
  })
  .meta({ id: "Practice" });
const queueSchema = z.looseObject({ items: z.array(z.record(z.string(), z.unknown())), total: z.number().int(), counts: z.record(z.string(), z.number().int()) }).meta({ id: "ModerationQueue" });
const callSummarySchema = z.object({
  slug: z.string(),
  title: localizedText.optional(),
  state: z.enum(["upcoming", "open", "closed"]),
  opensAt: z.string(),
  closesAt: z.string(),
  collectionSlug: z.string().nullable(),
}).meta({ id: "PracticeCallSummary" });
const callSchema = callSummarySchema
  .extend({
    description: localizedText.optional(),
    themes: z.array(z.object({ id: z.string(), name: z.string() })),
    network: ref,
    collectionPublished: z.boolean(),
    canManage: z.boolean(),
    entries: z
      .array(z.object({ id: z.string(), practiceSlug: z.string(), title: z.string(), organization: z.string().nullable(), status: z.enum(["submitted", "selected", "not_selected", "withdrawn"]), submittedAt: z.string(), note: z.string().nullable() }))
      .describe("Every entry for the secretariat; the selection for everyone once the collection is published"),
    enterable: z.array(z.object({ slug: z.string(), title: z.string() })).describe("While open: the caller's practices of this bank not entered yet"),
  })
  .meta({ id: "PracticeCall" });
const collectionSummarySchema = z.object({ slug: z.string(), title: localizedText.optional(), publishedAt: z.string().nullable() }).meta({ id: "PracticeCollectionSummary" });
const collectionSchema = collectionSummarySchema
  .extend({
    network: ref,
    subtitle: localizedText.optional(),
    foreword: localizedText.optional(),
    texts: z.object({ title: translated, subtitle: translated, foreword: translated }).nullable().describe("The secretariat: every language"),
    originalLanguage: z.string(),
    call: z.object({ slug: z.string(), title: localizedText.optional() }).nullable(),
    practices: z.array(hitSchema),
    canManage: z.boolean(),
  })
  .meta({ id: "PracticeCollection" });
const axisSchema = z.object({ key: z.string(), name: z.string(), names: translated, themeIds: z.array(z.string()), position: z.number().int() });
const practiceQuery = z.object({
  working: z.enum(["1", "true"]).optional().describe("The version being written or reviewed (authors and moderators)"),
  version: z.coerce.number().int().min(1).optional().describe("An earlier version by number"),
});

export function registerPracticeRoutes(api: OpenAPIHono<ApiEnv>, services: AppServices) {
  const origin = (url: string) => new URL(url).origin;

  api.openapi(
    createRoute({
      method: "get",
      path: "/practices",
      summary: "Search good practices",
      description:
        "Published practices of every bank and the catalogue. Words in Spanish, Portuguese or English find practices written in the other languages too (dictionaries, cognates, the theme and SDG taxonomy); accents are ignored and typos corrected. Filters must all hold; facets count the results per value.",
      tags,
      request: { query: searchPracticesInput },
      responses: { 200: json(searchResultSchema, "A page of results"), 400: problemResponse("Invalid query parameter") },
    }),
    async (c) => c.json(wire(await searchPractices(services, c.req.valid("query"), c.get("locale"))), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/practices/export",
      summary: "Search results as CSV",
      description: "The same parameters as the search; at most 5000 rows, in the search's order.",
      tags,
      request: { query: searchPracticesInput },
      responses: { 200: { description: "CSV (RFC 4180, UTF-8 with a byte-order mark)", content: { "text/csv": { schema: z.string() } } }, 400: problemResponse("Invalid query parameter") },
    }),
    async (c) => {
      const { filename, body } = await exportPracticesCsv(services, c.req.valid("query"), c.get("locale"), origin(c.req.url));
      return c.body(body, 200, { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"` });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/practices/feed",
      summary: "New practices as an Atom feed",
      description: "The 50 newest published practices, of a network and of a theme when given.",
      tags,
      request: { query: z.object({ network: z.string().max(100).optional(), theme: z.string().max(60).optional() }) },
      responses: { 200: { description: "Atom 1.0", content: { "application/atom+xml": { schema: z.string() } } } },
    }),
    async (c) => c.body(await practicesFeed(services, c.req.valid("query"), c.get("locale"), origin(c.req.url)), 200, { "Content-Type": "application/atom+xml; charset=utf-8" }),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/practices",
      summary: "Write a practice (a draft)",
      description: "A member of an organization that is an active member of the hosted network. Everything may be incomplete in a draft; submission checks it. idempotencyKey makes a retried request return the first practice.",
      tags,
      security: bearer,
      request: { body: { content: { "application/json": { schema: createPracticeInput } }, required: true } },
      responses: { 201: json(practiceSchema, "The draft"), 200: json(practiceSchema, "Repeated: the practice created first"), 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      const created = await createPractice(services, c.get("actor"), c.req.valid("json"));
      return c.json(wire(await getPractice(services, c.get("actor"), created.slug, c.get("locale"), { working: true })), created.repeated ? 200 : 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/practices/{slug}",
      summary: "A practice",
      description: "The published version for everyone; authors and moderators may ask for the version being worked on (working=1) or an earlier one (version=n), with the moderators' comments and the history.",
      tags,
      request: { params: slugParam, query: practiceQuery },
      responses: { 200: json(practiceSchema, "The practice"), 404: problemResponse("No such practice, or not visible to the caller") },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(wire(await getPractice(services, c.get("actor"), c.req.valid("param").slug, c.get("locale"), { working: !!q.working, version: q.version })), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/practices/{slug}",
      summary: "Edit a practice",
      description: "Its organization's people, except while a version is with the moderators. A published practice gets a new draft version (the public keeps reading the published one until the update is published). Send the revision read: an edit from an older one is refused (409).",
      tags,
      security: bearer,
      request: { params: slugParam, body: { content: { "application/json": { schema: updatePracticeInput } }, required: true } },
      responses: { 200: json(practiceSchema, "The version being written"), 400: problemResponse("Invalid input"), 409: problemResponse("Edited meanwhile, or with the moderators"), ...authResponses },
    }),
    async (c) => {
      const { slug } = c.req.valid("param");
      await updatePractice(services, c.get("actor"), slug, c.req.valid("json"));
      return c.json(wire(await getPractice(services, c.get("actor"), slug, c.get("locale"), { working: true })), 200);
    },
  );

  api.use(
    "/practices/:slug/files",
    bodyLimit({
      maxSize: maxPracticeFileBytes + 64 * 1024,
      onError: (c) => {
        const t = c.get("t");
        const detail = t("practices.validation.fileTooLarge");
        return problem(c, { type: problemTypes.invalid, title: t("error.invalid.title"), status: 413, detail, instance: new URL(c.req.url).pathname, errors: [{ field: "file", message: detail }] });
      },
    }),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/practices/{slug}/files",
      summary: "Upload an image or attachment",
      description:
        "multipart/form-data with `file` and, for images, `alt.es` / `alt.pt` / `alt.en` (at least one). Types are recognised by content: PNG, JPEG, WebP images (resized, metadata removed), PDF, office documents, plain text; at most 10 MB and 20 files. The file is added to the version being written.",
      tags,
      security: bearer,
      request: {
        params: slugParam,
        body: {
          content: { "multipart/form-data": { schema: z.object({ file: z.unknown().meta({ type: "string", format: "binary" }), "alt.es": z.string().optional(), "alt.pt": z.string().optional(), "alt.en": z.string().optional() }) } },
          required: true,
        },
      },
      responses: { 201: json(z.object({ id: z.string(), kind: z.enum(["image", "attachment"]), revision: z.number().int() }), "Stored"), 400: problemResponse("Refused: type, size, name or missing alt text"), 413: problemResponse("Larger than 10 MB"), ...authResponses },
    }),
    async (c) => {
      const form = await c.req.formData();
      const file = form.get("file");
      if (!(file instanceof File)) throw invalid({ file: ["i18n:practices.validation.fileMissing"] });
      const alt = Object.fromEntries(locales.map((l) => [l, String(form.get(`alt.${l}`) ?? "")]));
      const stored = await uploadPracticeFile(services, c.get("actor"), c.req.valid("param").slug, { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, alt });
      return c.json(stored, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/practices/{slug}/files/{fileId}",
      summary: "An image or attachment",
      tags,
      request: { params: slugParam.extend({ fileId: z.string().max(60) }), query: z.object({ variant: z.enum(["full", "thumbnail"]).default("full") }) },
      responses: { 200: { description: "The file", content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } } }, 404: problemResponse("No such file, or not visible") },
    }),
    async (c) => {
      const { slug, fileId } = c.req.valid("param");
      const file = await getPracticeFile(services, c.get("actor"), slug, fileId, c.req.valid("query").variant);
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": file.contentType,
        "Content-Disposition": `${file.kind === "image" ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": file.public ? "public, max-age=3600" : "private, no-store",
      });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/practices/{slug}/similar",
      summary: "More like this",
      description: "Published practices with the same subject (in any language), themes and SDGs.",
      tags,
      request: { params: slugParam },
      responses: { 200: json(z.object({ items: z.array(hitSchema) }), "Up to five practices") },
    }),
    async (c) => c.json(wire({ items: await similarPractices(services, c.req.valid("param").slug, c.get("locale")) }), 200),
  );

  const action = (path: string, summary: string, description: string, run: (slug: string, c: { get: (k: "actor") => never }) => Promise<unknown>) =>
    api.openapi(
      createRoute({
        method: "post",
        path: `/practices/{slug}/${path}`,
        summary,
        description,
        tags,
        security: bearer,
        request: { params: slugParam },
        responses: { 200: json(done, "Done (repeated: it already was)"), 409: problemResponse("Not possible in the practice's state"), ...authResponses },
      }),
      async (c) => {
        const result = (await run(c.req.valid("param").slug, c as never)) as { status?: string; repeated?: boolean } | undefined;
        return c.json({ status: result?.status ?? "done", repeated: result?.repeated }, 200);
      },
    );
  action("submission", "Submit for review", "Its authors; the text in the original language must be complete (missing fields are named). Moderators are told by e-mail.", (slug, c) => submitPractice(services, c.get("actor"), slug));
  action("withdrawal", "Take back a submission", "Its authors, before a moderator starts the review.", async (slug, c) => {
    await withdrawPractice(services, c.get("actor"), slug);
    return { status: "draft" };
  });
  action("review", "Start reviewing", "A moderator takes the submitted version (in review).", (slug, c) => startReview(services, c.get("actor"), slug));
  action("restoration", "Restore a practice taken down", "Its moderators.", async (slug, c) => {
    await restorePractice(services, c.get("actor"), slug);
    return { status: "restored" };
  });

  api.openapi(
    createRoute({
      method: "post",
      path: "/practices/{slug}/decision",
      summary: "Decide on a submitted version",
      description: "The network's secretariat, coordinators of the units whose themes it carries, the observatory's university association. publish; request_changes (comment required); decline (reason required).",
      tags,
      security: bearer,
      request: { params: slugParam, body: { content: { "application/json": { schema: decidePracticeInput } }, required: true } },
      responses: { 200: json(done, "Decided"), 400: problemResponse("Invalid input"), 409: problemResponse("Not submitted"), ...authResponses },
    }),
    async (c) => c.json(await decidePractice(services, c.get("actor"), c.req.valid("param").slug, c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/practices/{slug}/reports",
      summary: "Report inappropriate content",
      description: "Anyone signed in, about a published practice; one open report per person.",
      tags,
      security: bearer,
      request: { params: slugParam, body: { content: { "application/json": { schema: reportPracticeInput } }, required: true } },
      responses: { 201: json(z.object({ id: z.string(), repeated: z.boolean() }), "Reported"), 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => c.json(await reportPractice(services, c.get("actor"), c.req.valid("param").slug, c.req.valid("json")), 201),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/practices/{slug}/reports",
      summary: "Reports about a practice",
      description: "Its moderators.",
      tags,
      security: bearer,
      request: { params: slugParam },
      responses: { 200: json(z.object({ items: z.array(z.record(z.string(), z.unknown())) }), "Reports"), ...authResponses },
    }),
    async (c) => c.json(wire({ items: await listPracticeReports(services, c.get("actor"), c.req.valid("param").slug) }), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/practice-reports/{id}/resolution",
      summary: "Resolve a report",
      description: "A moderator of the practice: dismiss it, or hide the practice (taken down from search and its page).",
      tags,
      security: bearer,
      request: { params: z.object({ id: z.string().max(60) }), body: { content: { "application/json": { schema: resolveReportInput } }, required: true } },
      responses: { 200: json(z.object({ status: z.enum(["dismissed", "upheld"]) }), "Resolved"), 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => c.json(await resolveReport(services, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/practice-moderation",
      summary: "The moderation queue",
      description: "Practices the caller moderates, by state (default: submitted and in review), with counts per state.",
      tags,
      security: bearer,
      request: { query: moderationQueueInput },
      responses: { 200: json(queueSchema, "The queue"), 400: problemResponse("Invalid query parameter"), ...authResponses },
    }),
    async (c) => c.json(wire(await listModerationQueue(services, c.get("actor"), c.req.valid("query"), c.get("locale"))), 200),
  );

  // A network's bank: axes, observatory, calls, collections.
  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{network}/practice-axes",
      summary: "A network's own axes",
      tags,
      request: { params: networkParam, query: z.object({ scope: z.enum(["bank", "observatory"]).default("bank") }) },
      responses: { 200: json(z.object({ items: z.array(axisSchema) }), "Axes in order"), 404: problemResponse("No such network") },
    }),
    async (c) => c.json({ items: await listPracticeAxes(services, c.req.valid("param").network, c.get("locale"), c.req.valid("query").scope) }, 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/networks/{network}/practice-axes",
      summary: "Save an axis",
      description: "The secretariat. An axis is named per language and mapped onto themes of the taxonomy.",
      tags,
      security: bearer,
      request: { params: networkParam, body: { content: { "application/json": { schema: savePracticeAxisInput } }, required: true } },
      responses: { 204: { description: "Saved" }, 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      await savePracticeAxis(services, c.get("actor"), c.req.valid("param").network, c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{network}/observatory",
      summary: "The city–university observatory",
      tags,
      request: { params: networkParam },
      responses: { 200: json(z.looseObject({ name: z.string(), partner: ref.nullable(), axes: z.array(axisSchema), practices: z.number().int() }), "The observatory"), 404: problemResponse("No observatory") },
    }),
    async (c) => c.json(await getObservatory(services, c.get("actor"), c.req.valid("param").network, c.get("locale")), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/networks/{network}/observatory",
      summary: "Set up the observatory",
      description: "The secretariat; the partner must be an organization of kind university_association (it co-moderates city–university practices).",
      tags,
      security: bearer,
      request: { params: networkParam, body: { content: { "application/json": { schema: saveObservatoryInput } }, required: true } },
      responses: { 204: { description: "Saved" }, 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      await saveObservatory(services, c.get("actor"), c.req.valid("param").network, c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{network}/practice-calls",
      summary: "Calls for practices",
      tags,
      request: { params: networkParam },
      responses: { 200: json(z.object({ items: z.array(callSummarySchema) }), "Calls, newest first") },
    }),
    async (c) => c.json(wire({ items: await listCalls(services, c.req.valid("param").network, c.get("locale")) }), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{network}/practice-calls",
      summary: "Open a call for practices",
      description: "The secretariat: a theme, opening and closing moments (the deadline is the server's clock). Its selection forms a collection.",
      tags,
      security: bearer,
      request: { params: networkParam, body: { content: { "application/json": { schema: createCallInput } }, required: true } },
      responses: { 201: json(callSchema, "The call"), 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      const { network } = c.req.valid("param");
      const { slug } = await createPracticeCall(services, c.get("actor"), network, c.req.valid("json"));
      return c.json(wire(await getCall(services, c.get("actor"), network, slug, c.get("locale"))), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{network}/practice-calls/{call}",
      summary: "A call for practices",
      description: "Entries: every one for the secretariat; the selection for everyone once the collection is published.",
      tags,
      request: { params: networkParam.extend({ call: z.string().max(100) }) },
      responses: { 200: json(callSchema, "The call"), 404: problemResponse("No such call") },
    }),
    async (c) => {
      const { network, call } = c.req.valid("param");
      return c.json(wire(await getCall(services, c.get("actor"), network, call, c.get("locale"))), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{network}/practice-calls/{call}/entries",
      summary: "Enter a practice in a call",
      description: "Its authors, while the call is open; a draft is submitted for review at the same time. Entering it again changes nothing.",
      tags,
      security: bearer,
      request: { params: networkParam.extend({ call: z.string().max(100) }), body: { content: { "application/json": { schema: submitToCallInput } }, required: true } },
      responses: { 201: json(z.object({ id: z.string(), repeated: z.boolean() }), "Entered"), 409: problemResponse("The call is not open"), ...authResponses },
    }),
    async (c) => {
      const { network, call } = c.req.valid("param");
      return c.json(await submitToCall(services, c.get("actor"), network, call, c.req.valid("json")), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{network}/practice-calls/{call}/entries/{entry}/decision",
      summary: "Select an entry (or not)",
      description: "The secretariat. A selected (published) practice joins the call's collection.",
      tags,
      security: bearer,
      request: { params: networkParam.extend({ call: z.string().max(100), entry: z.string().max(60) }), body: { content: { "application/json": { schema: decideEntryInput } }, required: true } },
      responses: { 200: json(done, "Decided"), 409: problemResponse("Not published yet"), ...authResponses },
    }),
    async (c) => {
      const { network, call, entry } = c.req.valid("param");
      return c.json(await decideCallEntry(services, c.get("actor"), network, call, entry, c.req.valid("json")), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{network}/collections",
      summary: "Collections of practices",
      description: "Published ones; the secretariat sees its drafts too.",
      tags,
      request: { params: networkParam },
      responses: { 200: json(z.object({ items: z.array(collectionSummarySchema) }), "Collections") },
    }),
    async (c) => c.json(wire({ items: await listCollections(services, c.get("actor"), c.req.valid("param").network, c.get("locale")) }), 200),
  );

  const collectionParams = networkParam.extend({ collection: z.string().max(100) });
  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{network}/collections/{collection}",
      summary: "A collection",
      tags,
      request: { params: collectionParams },
      responses: { 200: json(collectionSchema, "The collection with its practices in order"), 404: problemResponse("No such collection, or not published") },
    }),
    async (c) => {
      const { network, collection } = c.req.valid("param");
      return c.json(wire(await getCollection(services, c.get("actor"), network, collection, c.get("locale"))), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/networks/{network}/collections/{collection}",
      summary: "Edit a collection",
      description: "The secretariat: title, subtitle and foreword in one language; practices (published, of the network) in order.",
      tags,
      security: bearer,
      request: { params: collectionParams, body: { content: { "application/json": { schema: saveCollectionInput } }, required: true } },
      responses: { 200: json(collectionSchema, "The collection"), 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => {
      const { network, collection } = c.req.valid("param");
      await saveCollection(services, c.get("actor"), network, collection, c.req.valid("json"));
      return c.json(wire(await getCollection(services, c.get("actor"), network, collection, c.get("locale"))), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/networks/{network}/collections/{collection}/publication",
      summary: "Publish a collection",
      description: "The secretariat; it needs at least one published practice.",
      tags,
      security: bearer,
      request: { params: collectionParams },
      responses: { 200: json(z.object({ publishedAt: z.string().nullable() }), "Published"), 409: problemResponse("Empty"), ...authResponses },
    }),
    async (c) => {
      const { network, collection } = c.req.valid("param");
      return c.json(wire(await publishCollection(services, c.get("actor"), network, collection)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/networks/{network}/collections/{collection}/booklet",
      summary: "A collection's PDF booklet",
      description: "In the language asked (lang; default the response language): cover, foreword, contents, one or two pages per practice, indexes by country and theme. Tagged PDF with selectable text.",
      tags,
      request: { params: collectionParams, query: z.object({ lang: lang.optional() }) },
      responses: { 200: { description: "PDF", content: { "application/pdf": { schema: z.string().meta({ format: "binary" }) } } }, 404: problemResponse("No such collection, or not published") },
    }),
    async (c) => {
      const { network, collection } = c.req.valid("param");
      const { pdf, fileName } = await renderCollectionBooklet(services, c.get("actor"), network, collection, c.req.valid("query").lang ?? c.get("locale"), origin(c.req.url));
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200, { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${fileName}"` });
    },
  );
}
