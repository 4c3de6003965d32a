import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { seedDemoNetwork } from "../networks/seed-demo-network.ts";
import { demoBankAxes, demoObservatoryAxes, demoObservatoryPartner } from "./demo-bank.ts";
import { demoPractices } from "./demo-practices.ts";
import { readCatalogue } from "./import-practice-catalogue.ts";
import { searchPractices } from "./search-practices.ts";
import { seedDemoPractices } from "./seed-demo-practices.ts";

let handle: DatabaseHandle;
let first: string[];
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoNetwork(handle.db);
  // The test database is prepared with the demo (this seed included): start from an empty bank.
  await handle.db.execute(sql`delete from practices`);
  await handle.db.execute(sql`delete from practice_calls`);
  await handle.db.execute(sql`delete from practice_collections`);
  await handle.db.execute(sql`delete from practice_axes`);
  await handle.db.execute(sql`delete from practice_observatories`);
  first = await seedDemoPractices(handle.db);
}, 300_000);
afterAll(() => handle?.close());

const rows = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(handle.db, query);
const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await rows<T>(query))[0]!;
const numbers = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));

// Every demo practice but Canelones' (not among the reference cities, so no member government).
const seeded = demoPractices.filter((p) => p.city !== "Canelones");
const count = (status: string) => seeded.filter((p) => p.status === status).length;

const counts = () =>
  one<Record<string, string>>(sql`select
    (select count(*) from practices) practices, (select count(*) from practice_versions) versions, (select count(*) from practice_events) events,
    (select count(*) from practice_search) indexed, (select count(*) from practice_axes) axes, (select count(*) from practice_observatories) observatories,
    (select count(*) from practice_calls) calls, (select count(*) from practice_call_entries) entries, (select count(*) from practice_collections) collections,
    (select count(*) from practice_collection_items) items, (select count(*) from organizations) organizations, (select count(*) from users) users,
    (select count(*) from network_memberships) memberships, (select count(*) from outbox) outbox`);

describe("the demo good-practice bank", () => {
  it("says what it created", () => {
    expect(first).toEqual([
      `${demoBankAxes.length + demoObservatoryAxes.length} practice axes of Mercociudades`,
      "the city–university observatory of Mercociudades and AUGM",
      `${seeded.length} demo practices`,
      `${readCatalogue().length} catalogue entries`,
      "the inclusive-cities call and its published collection",
    ]);
    expect(first.some((line) => line.includes("refused"))).toBe(false);
  });

  it("takes every demo practice through the workflow to its status, written by its city's government", async () => {
    const byStatus = await rows<{ status: string; n: string }>(sql`select status, count(*) n from practices where demo group by status`);
    expect(Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)]))).toEqual(
      Object.fromEntries(["published", "in_review", "submitted", "changes_requested", "draft"].filter((s) => count(s) > 0).map((s) => [s, count(s)])),
    );
    const facts = await one<Record<string, string>>(sql`
      select count(*) filter (where n.slug <> 'mercociudades') other_network,
             count(*) filter (where o.kind <> 'local_government' or o.city_id is distinct from p.city_id) not_city_government,
             count(*) filter (where m.status is distinct from 'active') not_member,
             count(*) filter (where not exists (select 1 from organization_members om where om.organization_id = o.id and om.user_id = p.created_by)) author_outside,
             count(*) filter (where p.status = 'published' and not exists (select 1 from practice_search s where s.practice_id = p.id)) not_indexed,
             count(*) filter (where p.status <> 'published' and exists (select 1 from practice_search s where s.practice_id = p.id)) indexed_unpublished,
             count(*) filter (where p.first_published_at > now() - interval '10 days') published_just_now
      from practices p join networks n on n.id = p.network_id join organizations o on o.id = p.organization_id
      left join network_memberships m on m.network_id = n.id and m.organization_id = o.id
      where p.demo`);
    expect(numbers(facts)).toEqual({ other_network: 0, not_city_government: 0, not_member: 0, author_outside: 0, not_indexed: 0, indexed_unpublished: 0, published_just_now: 0 });

    // Changes requested carry the coordinator's comment; the secretariat moderated; nobody was e-mailed about the past.
    const comments = await rows<{ key: string; comment: string }>(sql`select p.creation_key key, v.decision_comment comment from practices p
      join practice_versions v on v.id = p.current_version_id where p.demo and p.status = 'changes_requested'`);
    expect(comments.sort((a, b) => a.key.localeCompare(b.key))).toEqual(
      seeded.filter((p) => p.status === "changes_requested").map((p) => ({ key: `demo-practice:${p.key}`, comment: p.moderatorComment })).sort((a, b) => a.key.localeCompare(b.key)),
    );
    const moderators = await rows<{ slug: string }>(sql`select distinct o.slug from practice_versions v join practices p on p.id = v.practice_id
      join organization_members m on m.user_id = v.reviewer_id join organizations o on o.id = m.organization_id where p.demo`);
    expect(moderators).toEqual([{ slug: "secretaria-tecnica-mercociudades" }]);
    const mail = await one<{ n: string }>(sql`select count(*) n from outbox where idempotency_key like 'practice-%'`);
    expect(Number(mail.n)).toBe(0);
  });

  it("has the bank's eight axes and the observatory co-moderated by a university association", async () => {
    const axes = await rows<{ scope: string; key: string; names: Record<string, string>; theme_ids: string[] }>(sql`
      select a.scope, a.key, a.names, a.theme_ids from practice_axes a join networks n on n.id = a.network_id where n.slug = 'mercociudades' order by a.scope, a.position`);
    expect(axes.filter((a) => a.scope === "bank").map((a) => a.key)).toEqual(demoBankAxes.map((a) => a.key));
    expect(axes.filter((a) => a.scope === "observatory")).toHaveLength(demoObservatoryAxes.length);
    expect(axes.every((a) => a.names.es && a.names.pt && a.names.en && a.theme_ids.length > 0)).toBe(true);
    const unmapped = await rows<{ id: string }>(sql`select id from themes t where not exists (select 1 from practice_axes a where a.scope = 'bank' and t.id = any(a.theme_ids))`);
    expect(unmapped).toEqual([]);

    const observatory = await one<{ kind: string; slug: string; es: string; observatory_practices: string }>(sql`
      select o.kind, o.slug, x.names->>'es' es,
             (select count(*) from practice_search s where s.network_id = x.network_id and s.observatory) observatory_practices
      from practice_observatories x join organizations o on o.id = x.partner_organization_id join networks n on n.id = x.network_id where n.slug = 'mercociudades'`);
    expect(observatory).toMatchObject({ kind: "university_association", slug: demoObservatoryPartner.slug, es: "Observatorio de Cooperación Ciudad–Universidad" });
    expect(Number(observatory.observatory_practices)).toBeGreaterThanOrEqual(5);
  });

  it("imports the catalogue of real practices as published, indexed entries of no bank, linked to their source", async () => {
    const catalogue = readCatalogue();
    expect(catalogue.length).toBe(110);
    const entries = await one<Record<string, string>>(sql`
      select count(*) total, count(*) filter (where p.network_id is not null or p.organization_id is not null or p.demo) owned,
             count(*) filter (where p.source_url is null or p.status <> 'published') unpublished,
             count(*) filter (where s.practice_id is null or not s.catalogue) not_indexed,
             count(*) filter (where p.original_language = 'pt') pt, count(*) filter (where p.original_language = 'es') es,
             count(*) filter (where v.content->'texts'->p.original_language->>'problem' <> '') described
      from practices p join practice_versions v on v.id = p.published_version_id left join practice_search s on s.practice_id = p.id
      where p.creation_key like 'catalogue:%'`);
    expect(numbers(entries)).toEqual({
      total: catalogue.length,
      owned: 0,
      unpublished: 0,
      not_indexed: 0,
      pt: catalogue.filter((r) => r.language === "pt").length,
      es: catalogue.filter((r) => r.language === "es").length,
      described: 0,
    });
    // The rows whose source is an injection probe, not a page, are left out.
    expect(catalogue.map((r) => r.id).filter((id) => ["GP063", "GP067", "GP068", "GP069"].includes(id))).toEqual([]);
    expect(catalogue.every((r) => !r.sourceUrl.includes("union"))).toBe(true);

    const found = await searchPractices({ db: handle.db }, { q: "orçamento participativo" }, "pt");
    expect(found.items.some((i) => i.sourceUrl !== null)).toBe(true);
    const withoutCatalogue = await searchPractices({ db: handle.db }, { q: "orçamento participativo", catalogue: "no" }, "pt");
    expect(withoutCatalogue.items.every((i) => i.sourceUrl === null)).toBe(true);
  });

  it("has a closed call for inclusive-city practices whose selection is a published collection", async () => {
    const call = await one<{ slug: string; closed: boolean; title: Record<string, string>; collection_id: string }>(sql`
      select c.slug, c.closes_at < now() and c.opens_at < c.closes_at closed, c.title, c.collection_id
      from practice_calls c join networks n on n.id = c.network_id where n.slug = 'mercociudades'`);
    expect(call.closed).toBe(true);
    expect(Object.keys(call.title).sort()).toEqual(["en", "es", "pt"]);
    const flagged = seeded.filter((p) => p.inclusiveCall);
    const entries = await rows<{ key: string; status: string; inside: boolean }>(sql`
      select p.creation_key key, e.status, e.submitted_at between c.opens_at and c.closes_at inside from practice_call_entries e
      join practices p on p.id = e.practice_id join practice_calls c on c.id = e.call_id where c.slug = ${call.slug}`);
    expect(entries.map((e) => e.key).sort()).toEqual(flagged.map((p) => `demo-practice:${p.key}`).sort());
    expect(entries.every((e) => e.inside)).toBe(true);
    const selected = flagged.filter((p) => p.status === "published");
    expect(entries.filter((e) => e.status === "selected")).toHaveLength(selected.length);

    const collection = await one<{ published: boolean; subtitle: Record<string, string>; foreword: Record<string, string>; items: string[]; later: string }>(sql`
      select k.published_at < now() published, k.subtitle, k.foreword,
             array(select p.creation_key from practice_collection_items i join practices p on p.id = i.practice_id where i.collection_id = k.id order by i.position) items,
             (select count(*) from practice_collection_items i join practices p on p.id = i.practice_id where i.collection_id = k.id and p.first_published_at > k.published_at) later
      from practice_collections k where k.id = ${call.collection_id}`);
    expect(collection.published).toBe(true);
    expect(Object.keys(collection.subtitle).sort()).toEqual(["en", "es", "pt"]);
    expect(Object.keys(collection.foreword).sort()).toEqual(["en", "es", "pt"]);
    expect(collection.items).toEqual(selected.map((p) => `demo-practice:${p.key}`));
    expect(Number(collection.later)).toBe(0);
  });

  it("finds a Portuguese demo practice with a Spanish query", async () => {
    const found = await searchPractices({ db: handle.db }, { q: "huertas urbanas bajo líneas de transmisión" }, "es");
    const [fortaleza] = await rows<{ slug: string }>(sql`select slug from practices where creation_key = 'demo-practice:fortaleza-hortas-linhas-transmissao'`);
    expect(found.items[0]).toMatchObject({ slug: fortaleza!.slug, originalLanguage: "pt", fallback: true });
  });

  it("adds nothing when run again", async () => {
    const before = await counts();
    expect(await seedDemoPractices(handle.db)).toEqual([]);
    expect(numbers(await counts())).toEqual(numbers(before));
  });

  it("writes a practice added to the demo file later, and enters it in the call when it is flagged for it", async () => {
    const key = seeded.find((p) => p.inclusiveCall && p.status === "published")!.key;
    await handle.db.execute(sql`delete from practices where creation_key = ${`demo-practice:${key}`}`);
    expect(await seedDemoPractices(handle.db)).toEqual(["1 demo practice", "1 new entry in the inclusive-cities call"]);
    const [item] = await rows<{ status: string; last: boolean }>(sql`select e.status,
        i.position = (select max(position) from practice_collection_items where collection_id = i.collection_id) last
      from practices p join practice_call_entries e on e.practice_id = p.id join practice_collection_items i on i.practice_id = p.id
      where p.creation_key = ${`demo-practice:${key}`}`);
    expect(item).toEqual({ status: "selected", last: true });
    expect(await seedDemoPractices(handle.db)).toEqual([]);
  });
});
