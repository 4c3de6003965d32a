import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema.ts";
import { queryRows } from "../../platform/db/client.ts";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { anonymousActor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { importNetworkMembers } from "./import-network-members.ts";
import { listNetworkMembers } from "./list-network-members.ts";
import { maxImportRows } from "./member-csv.ts";
import { networkMembershipEvents, networkMemberships } from "./schema.ts";
import { freeCity, refusal, testNetwork, testOrganization, testPerson } from "./testing.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

const membershipsOf = (networkId: string) => ctx.db.select().from(networkMemberships).where(eq(networkMemberships.networkId, networkId));
const governmentOf = async (cityId: number) =>
  (await ctx.db.select().from(organizations).where(and(eq(organizations.cityId, cityId), eq(organizations.kind, "local_government"))))[0];

describe("importing members from CSV", () => {
  it("reports every bad row by line with suggestions and imports nothing", async () => {
    const { officer, network } = await testNetwork(ctx.db);
    const csv = [
      "city,geonames_id,country,status,since,category",
      "Rosairo,,AR,active,2010-05-01,full",
      ",999999999,UY,active,2011-01-01,",
      "Montevideo,,UY,fundador,2012-01-01,",
      "Asunción,,PY,active,31/02/2020,",
      "Curitiba,,BR,active,2015-03-15,",
      "Córdoba,,Argentina,active,2015-03-15,",
      "Curitiba,,BR,inactive,2016-03-15,",
      "Porto Alegre,,BR,active,2016-03-15,platinum",
      "Valparaíso,,CL,active,2099-01-01,",
      "Salto,,UY,active,2015-01-01,",
    ].join("\n");
    const report = await importNetworkMembers(ctx, await officer.actor(), network.slug, { csv, dryRun: true });
    expect(report).toMatchObject({ rowCount: 10, dryRun: true, imported: false, counts: null });
    const byLine = Object.fromEntries(report.issues.map((i) => [`${i.line}:${i.column}`, i]));
    expect(Object.keys(byLine)).toEqual(["2:city", "3:geonames_id", "4:status", "5:since", "7:country", "8:city", "9:category", "10:since"]);
    expect(byLine["2:city"]).toMatchObject({ message: "networks.import.error.unknownCity", values: { value: "Rosairo", country: "AR" } });
    expect(byLine["2:city"]!.suggestions![0]).toMatch(/^Rosario \(Santa Fe\) · \d+$/);
    expect(byLine["3:geonames_id"]).toMatchObject({ message: "networks.import.error.unknownGeonamesId", values: { value: 999999999 } });
    expect(byLine["4:status"]).toMatchObject({ message: "networks.import.error.status", suggestions: ["active", "inactive", "suspended", "withdrawn"] });
    expect(byLine["5:since"]).toMatchObject({ message: "networks.import.error.date", values: { value: "31/02/2020" } });
    expect(byLine["7:country"]).toMatchObject({ message: "networks.import.error.countryCode", suggestions: ["AR"] });
    expect(byLine["8:city"]).toMatchObject({ message: "networks.import.error.duplicate", values: { line: 6 } });
    expect(byLine["9:category"]).toMatchObject({ message: "networks.import.error.category", suggestions: ["full", "associate", "partner"] });
    expect(byLine["10:since"]).toMatchObject({ message: "networks.import.error.dateInFuture" });
    // "Salto" (UY) is a city of its own; line 11 is fine.
    // A real run of the same file changes nothing either.
    const real = await importNetworkMembers(ctx, await officer.actor(), network.slug, { csv });
    expect(real).toMatchObject({ imported: false, counts: null });
    expect(real.issues).toHaveLength(report.issues.length);
    expect(await membershipsOf(network.id)).toEqual([]);
  });

  it("names an ambiguous city's candidates, a GeoNames id of another country, and a name that is not the id's city", async () => {
    const { officer, network } = await testNetwork(ctx.db);
    const [twin] = await queryRows<{ name: string; country_code: string }>(
      ctx.db,
      sql`select c.name, c.country_code from cities c join city_names n on n.city_id = c.id and n.weight = 0 and n.name_norm = public.pares_normalize(c.name)
          group by c.name, c.country_code having count(distinct c.id) > 1 order by c.country_code, c.name limit 1`,
    );
    const montevideo = 3441575;
    const csv = [
      "ciudad;geonames_id;país;estado;desde",
      `${twin!.name};;${twin!.country_code};activo;2010-01-01`,
      `;${montevideo};AR;activo;2010-01-01`,
      `Rosario;${montevideo};UY;activo;2010-01-01`,
      `Montevideo;${montevideo};UY;activo;2010-01-01`,
    ].join("\r\n");
    const report = await importNetworkMembers(ctx, await officer.actor(), network.slug, { csv, dryRun: true });
    expect(report.issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [2, "city", "networks.import.error.ambiguousCity"],
      [3, "geonames_id", "networks.import.error.geonamesCountry"],
      [4, "city", "networks.import.error.nameMismatch"],
    ]);
    expect(report.issues[0]!.suggestions!.length).toBeGreaterThan(1);
    expect(report.issues[1]!.values).toMatchObject({ city: "Montevideo", country: "UY", given: "AR" });
  });

  it("imports a clean file all at once, creating governments for cities without one; importing it again changes nothing", async () => {
    const { officer, network } = await testNetwork(ctx.db);
    const first = await freeCity(ctx.db, "DE", 100_000, 500_000);
    const second = await freeCity(ctx.db, "DE", 100_000, 500_000);
    const third = await freeCity(ctx.db, "DE", 100_000, 500_000);
    const existing = await testOrganization(ctx.db, "Stadtverwaltung", "DE", third.id);
    const existingName = (await governmentOf(third.id))!.name;
    const csv = [
      "city,geonames_id,country,status,since,category",
      `${first.name},,de,active,1995-11-11,full`,
      `,${second.id},DE,inactive,2001-04-02,Miembro asociado`,
      `${third.name},${third.id},DE,suspended,2010-06-30,`,
    ].join("\n");
    const dry = await importNetworkMembers(ctx, await officer.actor(), network.slug, { csv, dryRun: true });
    expect(dry).toMatchObject({ issues: [], imported: false, counts: { organizationsCreated: 2, membershipsCreated: 3, membershipsUpdated: 0, unchanged: 0 } });
    // The dry run names every membership it would add, and which organizations it would create.
    expect(dry.changes).toEqual({
      added: [
        { line: 2, city: { id: first.id, name: first.name, countryCode: "DE" }, organization: { slug: null, name: first.name, created: true }, status: "active", since: "1995-11-11", category: "full" },
        { line: 3, city: { id: second.id, name: second.name, countryCode: "DE" }, organization: { slug: null, name: second.name, created: true }, status: "inactive", since: "2001-04-02", category: "associate" },
        { line: 4, city: { id: third.id, name: third.name, countryCode: "DE" }, organization: { slug: existing.slug, name: existingName, created: false }, status: "suspended", since: "2010-06-30", category: null },
      ],
      changed: [],
    });
    expect(await membershipsOf(network.id)).toEqual([]);

    const real = await importNetworkMembers(ctx, await officer.actor(), network.slug, { csv });
    expect(real).toMatchObject({ imported: true, counts: dry.counts });
    const created = await governmentOf(first.id);
    // The real run says the same, with the slugs of the governments it created.
    expect(real.changes!.added.map((a) => a.organization)).toEqual([
      { slug: created!.slug, name: first.name, created: true },
      { slug: (await governmentOf(second.id))!.slug, name: second.name, created: true },
      { slug: existing.slug, name: existingName, created: false },
    ]);
    expect(created).toMatchObject({ name: first.name, kind: "local_government", countryCode: "DE", createdBy: officer.id });
    expect((await governmentOf(third.id))!.id).toBe(existing.id);
    const rows = await membershipsOf(network.id);
    expect(rows.map((r) => [r.status, r.since]).sort()).toEqual([
      ["active", "1995-11-11"],
      ["inactive", "2001-04-02"],
      ["suspended", "2010-06-30"],
    ]);
    const events = await ctx.db.select().from(networkMembershipEvents).where(inArray(networkMembershipEvents.membershipId, rows.map((r) => r.id)));
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.effectiveOn, e.changedBy]).sort()).toEqual([
      [null, "active", "1995-11-11", officer.id],
      [null, "inactive", "2001-04-02", officer.id],
      [null, "suspended", "2010-06-30", officer.id],
    ]);
    const directory = await listNetworkMembers(ctx, await officer.actor(), network.slug, { category: "associate" }, "es");
    expect(directory.items.map((m) => m.city?.id)).toEqual([second.id]);
    expect((await listNetworkMembers(ctx, anonymousActor, network.slug, {}, "es")).items.map((m) => m.city?.id)).toEqual([first.id]);

    // Again: nothing changes, no history is added; a double submit is the same.
    const again = await Promise.all([
      importNetworkMembers(ctx, await officer.actor(), network.slug, { csv }),
      importNetworkMembers(ctx, await officer.actor(), network.slug, { csv }),
    ]);
    for (const r of again) {
      expect(r).toMatchObject({ imported: true, counts: { organizationsCreated: 0, membershipsCreated: 0, membershipsUpdated: 0, unchanged: 3 } });
      expect(r.changes).toEqual({ added: [], changed: [] });
    }
    expect(await ctx.db.select().from(networkMembershipEvents).where(inArray(networkMembershipEvents.membershipId, rows.map((r) => r.id)))).toHaveLength(3);
    const imports = await ctx.db.select().from(auditEvents).where(eq(auditEvents.kind, "network_members_imported"));
    expect(imports.filter((e) => (e.details as { networkId: string }).networkId === network.id)).toHaveLength(1);

    // A changed status, date and category: the dry run names the member and each change, from → to;
    // the real run says the same.
    const changed = csv.replace("inactive,2001-04-02,Miembro asociado", "active,2003-05-06,partner").replace("suspended,2010-06-30,", "suspended,2010-06-30,full");
    const changes = {
      added: [],
      changed: [
        {
          line: 3,
          organization: { slug: (await governmentOf(second.id))!.slug, name: second.name },
          status: { from: "inactive", to: "active" },
          since: { from: "2001-04-02", to: "2003-05-06" },
          category: { from: "associate", to: "partner" },
        },
        { line: 4, organization: { slug: existing.slug, name: existingName }, category: { from: null, to: "full" } },
      ],
    };
    const dryChange = await importNetworkMembers(ctx, await officer.actor(), network.slug, { csv: changed, dryRun: true });
    expect(dryChange).toMatchObject({ imported: false, counts: { organizationsCreated: 0, membershipsCreated: 0, membershipsUpdated: 2, unchanged: 1 }, changes });
    const realChange = await importNetworkMembers(ctx, await officer.actor(), network.slug, { csv: changed });
    expect(realChange).toMatchObject({ imported: true, counts: dryChange.counts, changes });
    const [event] = await ctx.db
      .select()
      .from(networkMembershipEvents)
      .where(and(inArray(networkMembershipEvents.membershipId, rows.map((r) => r.id)), eq(networkMembershipEvents.fromStatus, "inactive")));
    expect(event).toMatchObject({ toStatus: "active" });
  });

  it("never decides an application: a row for an applicant or a declined organization is reported and nothing is imported", async () => {
    const { officer, network } = await testNetwork(ctx.db);
    const applicantCity = await freeCity(ctx.db, "CL");
    const applicant = await testOrganization(ctx.db, applicantCity.name, "CL", applicantCity.id);
    await ctx.db.insert(networkMemberships).values({ networkId: network.id, organizationId: applicant.id, status: "applicant" });
    const otherCity = await freeCity(ctx.db, "CL");
    const csv = ["geonames_id,country,status,since", `${applicantCity.id},CL,active,2020-01-01`, `${otherCity.id},CL,active,2020-01-01`].join("\n");
    for (const dryRun of [true, false]) {
      const report = await importNetworkMembers(ctx, await officer.actor(), network.slug, { csv, dryRun });
      expect(report).toMatchObject({ imported: false, counts: null });
      expect(report.issues).toEqual([expect.objectContaining({ line: 2, column: "status", message: "networks.import.error.pendingApplication" })]);
    }
    const rows = await membershipsOf(network.id);
    expect(rows.map((r) => r.status)).toEqual(["applicant"]);
  });

  it("leaves nothing behind when the import fails halfway", async () => {
    const { officer, network } = await testNetwork(ctx.db);
    const first = await freeCity(ctx.db, "DE", 100_000, 500_000);
    const second = await freeCity(ctx.db, "DE", 100_000, 500_000);
    // A forced failure on the second membership written (a date nobody else uses).
    await ctx.db.execute(sql`create function h1_forced_failure() returns trigger language plpgsql as $$
      begin if new.since = date '1901-01-01' then raise exception 'forced failure'; end if; return new; end $$`);
    await ctx.db.execute(sql`create trigger h1_forced_failure before insert on network_memberships for each row execute function h1_forced_failure()`);
    try {
      const csv = ["city,country,status,since", `${first.name},DE,active,2000-01-01`, `${second.name},DE,active,1901-01-01`].join("\n");
      await expect(importNetworkMembers(ctx, await officer.actor(), network.slug, { csv })).rejects.toThrow();
      expect(await governmentOf(first.id)).toBeUndefined();
      expect(await membershipsOf(network.id)).toEqual([]);
    } finally {
      await ctx.db.execute(sql`drop trigger h1_forced_failure on network_memberships`);
      await ctx.db.execute(sql`drop function h1_forced_failure()`);
    }
  });

  it("is the secretariat's; a file too big, too long, empty or without the columns is refused with a clear message", async () => {
    const { officer, network } = await testNetwork(ctx.db);
    const someone = await testPerson(ctx.db);
    expect((await refusal(importNetworkMembers(ctx, await someone.actor(), network.slug, { csv: "", dryRun: true }))).code).toBe("forbidden");
    expect((await refusal(importNetworkMembers(ctx, anonymousActor, network.slug, { csv: "", dryRun: true }))).code).toBe("unauthorized");
    const check = async (csv: string) => (await importNetworkMembers(ctx, await officer.actor(), network.slug, { csv, dryRun: true })).issues;
    expect(await check("")).toMatchObject([{ line: 1, column: "file", message: "networks.import.error.empty" }]);
    expect(await check("town,nation\nRosario,AR\n")).toMatchObject([
      { line: 1, column: "city", message: "networks.import.error.cityColumn" },
      { line: 1, column: "country", message: "networks.import.error.missingColumn", values: { column: "country" } },
      { line: 1, column: "status", message: "networks.import.error.missingColumn" },
      { line: 1, column: "since", message: "networks.import.error.missingColumn" },
    ]);
    expect(await check('city,country,status,since\n"Rosario,AR,active,2010-01-01\n')).toMatchObject([{ column: "file", message: "networks.import.error.malformed" }]);
    const long = ["city,country,status,since", ...Array.from({ length: maxImportRows + 1 }, (_, i) => `C${i},AR,active,2010-01-01`)].join("\n");
    expect(await check(long)).toMatchObject([{ line: 0, column: "file", message: "networks.import.error.tooManyRows", values: { max: maxImportRows } }]);
    expect(await check(`city,country,status,since\n${"x".repeat(600 * 1024)}`)).toMatchObject([{ line: 0, message: "networks.import.error.tooLarge" }]);
  });
});
