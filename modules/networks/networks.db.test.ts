import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema.ts";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { anonymousActor } from "../organizations/actor.ts";
import { applyToNetwork } from "./apply-to-network.ts";
import { exportNetworkMembers } from "./export-network-members.ts";
import { getNetworkLogo } from "./get-network-logo.ts";
import { getNetworkProfile } from "./get-network-profile.ts";
import { joinExternalNetwork } from "./join-external-network.ts";
import { listNetworks } from "./list-networks.ts";
import { decideMembership } from "./decide-membership.ts";
import { recordExternalNetwork } from "./record-external-network.ts";
import { saveNetworkCategory } from "./save-network-category.ts";
import { getCity } from "../cities/get-city.ts";
import { getMembership } from "./get-membership.ts";
import { networkMembershipEvents, networkMemberships, networks } from "./schema.ts";
import { maxLogoBytes, setNetworkLogo } from "./set-network-logo.ts";
import { freeCity, refusal, testNetwork, testOrganization, testPerson } from "./testing.ts";
import { updateNetwork } from "./update-network.ts";
import { withdrawMembership } from "./withdraw-membership.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const webp = new Uint8Array([0x52, 0x49, 0x46, 0x46, 4, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38]);

describe("editing a network", () => {
  it("is for its secretariat and administrators; the description is kept per language; the secretariat is changed by administrators only", async () => {
    const { officer, admin, network } = await testNetwork(ctx.db);
    const outsider = await testPerson(ctx.db, { organization: { id: (await testOrganization(ctx.db, "Otra")).id, role: "focal_point" } });
    expect((await refusal(updateNetwork(ctx, await outsider.actor(), network.slug, { website: "https://example.org" }))).code).toBe("forbidden");
    expect((await refusal(updateNetwork(ctx, anonymousActor, network.slug, {}))).code).toBe("unauthorized");
    await updateNetwork(ctx, await officer.actor(), network.slug, {
      description: "Uma rede de teste.",
      descriptionLanguage: "pt",
      names: { pt: "Rede de teste", en: "" },
      acronyms: { es: "RDP" },
      workingLanguages: ["es", "pt", "es"],
      regionCodes: ["005", "013"],
      foundedOn: "1995-11-11",
      website: "https://red.example.org",
    });
    const profile = await getNetworkProfile(ctx, anonymousActor, network.slug, "pt");
    expect(profile).toMatchObject({
      name: "Rede de teste",
      acronym: "RDP",
      descriptions: { es: "Una red de prueba.", pt: "Uma rede de teste." },
      descriptionLanguage: "es",
      description: { text: "Uma rede de teste.", language: "pt", fallback: false },
      workingLanguages: ["es", "pt"],
      foundedOn: "1995-11-11",
      website: "https://red.example.org",
      viewer: { canUpdate: false, canManageMembers: false },
    });
    expect(profile.regions.map((r) => r.code)).toEqual(["005", "013"]);
    expect(profile.regions[0]!.name).toBe("América do Sul");
    // Only the languages sent change: an empty one is removed.
    await updateNetwork(ctx, await officer.actor(), network.slug, { names: { pt: "" } });
    expect((await getNetworkProfile(ctx, anonymousActor, network.slug, "pt")).names).toEqual({});
    const bad = await refusal(updateNetwork(ctx, await officer.actor(), network.slug, { website: "javascript:alert(1)", regionCodes: ["12"] }));
    expect(Object.keys(bad.fieldErrors!).sort()).toEqual(["regionCodes", "website"]);
    const other = await testOrganization(ctx.db, "Nueva secretaría");
    expect((await refusal(updateNetwork(ctx, await officer.actor(), network.slug, { secretariat: other.slug }))).fieldErrors).toEqual({
      secretariat: ["i18n:validation.secretariatAdminOnly"],
    });
    await updateNetwork(ctx, await admin.actor(), network.slug, { secretariat: other.slug });
    expect((await getNetworkProfile(ctx, anonymousActor, network.slug, "es")).secretariat?.slug).toBe(other.slug);
    // The former officer no longer runs it.
    expect((await refusal(updateNetwork(ctx, await officer.actor(), network.slug, { website: "" }))).code).toBe("forbidden");
  });

  it("takes a PNG, JPEG or WebP logo up to 200 KB, recognised by its content", async () => {
    const { officer, network } = await testNetwork(ctx.db);
    expect((await refusal(getNetworkLogo(ctx, network.slug))).code).toBe("not_found");
    for (const [bytes, type] of [[png, "image/png"], [jpeg, "image/jpeg"], [webp, "image/webp"]] as const) {
      await setNetworkLogo(ctx, await officer.actor(), network.slug, bytes);
      const logo = await getNetworkLogo(ctx, network.slug);
      expect(logo.type).toBe(type);
      expect([...logo.bytes]).toEqual([...bytes]);
    }
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect((await refusal(setNetworkLogo(ctx, await officer.actor(), network.slug, svg))).fieldErrors).toEqual({ logo: ["i18n:validation.logoType"] });
    const big = new Uint8Array(maxLogoBytes + 1);
    big.set(png);
    expect((await refusal(setNetworkLogo(ctx, await officer.actor(), network.slug, big))).fieldErrors).toEqual({ logo: ["i18n:validation.logoTooLarge"] });
    expect((await refusal(setNetworkLogo(ctx, await officer.actor(), network.slug, new Uint8Array()))).fieldErrors).toEqual({ logo: ["i18n:validation.logoMissing"] });
    const someone = await testPerson(ctx.db);
    expect((await refusal(setNetworkLogo(ctx, await someone.actor(), network.slug, png))).code).toBe("forbidden");
    expect((await getNetworkLogo(ctx, network.slug)).type).toBe("image/webp");
    expect((await getNetworkProfile(ctx, anonymousActor, network.slug, "es")).logoVersion).not.toBeNull();
    await setNetworkLogo(ctx, await officer.actor(), network.slug, null);
    expect((await refusal(getNetworkLogo(ctx, network.slug))).code).toBe("not_found");
    const audit = await ctx.db.select().from(auditEvents).where(eq(auditEvents.kind, "network_logo_changed"));
    expect(audit.filter((e) => (e.details as { networkId: string }).networkId === network.id)).toHaveLength(4);
  });

  it("lets the secretariat rename categories and add new ones", async () => {
    const { officer, network } = await testNetwork(ctx.db);
    expect(await saveNetworkCategory(ctx, await officer.actor(), network.slug, { key: "observer", names: { es: "Observador", pt: "Observador", en: "Observer" } })).toEqual({ created: true });
    expect(await saveNetworkCategory(ctx, await officer.actor(), network.slug, { key: "full", names: { es: "Miembro titular", pt: "", en: "Full member" } })).toEqual({ created: false });
    const profile = await getNetworkProfile(ctx, anonymousActor, network.slug, "es");
    expect(profile.categories.map((c) => [c.key, c.name])).toEqual([
      ["full", "Miembro titular"],
      ["associate", "Miembro asociado"],
      ["partner", "Socio"],
      ["observer", "Observador"],
    ]);
    expect(profile.categories[0]!.names).toEqual({ es: "Miembro titular", en: "Full member" });
    expect((await refusal(saveNetworkCategory(ctx, await officer.actor(), network.slug, { key: "Not A Key", names: {} }))).fieldErrors).toMatchObject({
      key: ["i18n:validation.categoryKey"],
      names: ["i18n:validation.categoryName"],
    });
    const someone = await testPerson(ctx.db);
    expect((await refusal(saveNetworkCategory(ctx, await someone.actor(), network.slug, { key: "x", names: { es: "x" } }))).code).toBe("forbidden");
  });
});

describe("external networks", () => {
  it("are recorded by a focal point with the organization's membership; the same name is reused, a hosted one refused", async () => {
    const org = await testOrganization(ctx.db, "Ciudad Uno");
    const focal = await testPerson(ctx.db, { organization: { id: org.id, role: "focal_point" } });
    const staff = await testPerson(ctx.db, { organization: { id: org.id, role: "staff" } });
    // An invented network (the demo data records real ones, such as C40).
    const tag = Math.random().toString(36).slice(2, 7);
    const name = `Alianza Ficticia de Ciudades Costeras ${tag}`;
    const recorded = await recordExternalNetwork(ctx, await focal.actor(), { name, acronyms: { es: `AFCC${tag}` }, kind: "thematic", website: "https://afcc.example.org", since: "2015-06-01" });
    expect(recorded).toMatchObject({ slug: `alianza-ficticia-de-ciudades-costeras-${tag}`, created: true });
    expect(await recordExternalNetwork(ctx, await focal.actor(), { name, kind: "thematic" })).toMatchObject({
      slug: recorded.slug,
      created: false,
      membershipId: recorded.membershipId,
    });
    // Until another city relies on the record, the recording organization's focal point keeps its profile.
    await updateNetwork(ctx, await focal.actor(), recorded.slug, { description: "Red de ciudades costeras.", descriptionLanguage: "es" });
    // Another city writes it differently (case, accents, the acronym): the same network.
    const other = await testOrganization(ctx.db, "Ciudad Dos");
    const otherFocal = await testPerson(ctx.db, { organization: { id: other.id, role: "focal_point" } });
    const again = await recordExternalNetwork(ctx, await otherFocal.actor(), { name: `afcc${tag.toUpperCase()}`, kind: "global" });
    expect(again).toMatchObject({ slug: recorded.slug, created: false });
    expect(again.membershipId).not.toBe(recorded.membershipId);
    const rows = await ctx.db.select().from(networks).where(eq(networks.slug, recorded.slug));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ hosted: false, recordedByOrganizationId: org.id, kind: "thematic" });
    const profile = await getNetworkProfile(ctx, await focal.actor(), recorded.slug, "en");
    expect(profile).toMatchObject({ hosted: false, recordedBy: { slug: org.slug }, memberCount: 2, viewer: { canUpdate: false, acting: { slug: org.slug, membership: { status: "active" } } } });
    // Now that another city relies on it, neither city edits the shared record (name, website,
    // logo shown in both portfolios): only administrators do.
    expect((await refusal(updateNetwork(ctx, await focal.actor(), recorded.slug, { website: "https://phishing.example/login" }))).code).toBe("forbidden");
    expect((await refusal(updateNetwork(ctx, await otherFocal.actor(), recorded.slug, { website: "" }))).code).toBe("forbidden");

    // Staff record nothing; a hosted network is applied to instead.
    expect((await refusal(recordExternalNetwork(ctx, await staff.actor(), { name: `Otra red ${tag}`, kind: "global" }))).code).toBe("forbidden");
    const { network: hosted } = await testNetwork(ctx.db, "Red alojada");
    const [hostedRow] = await ctx.db.select({ name: networks.name }).from(networks).where(eq(networks.id, hosted.id));
    expect((await refusal(recordExternalNetwork(ctx, await focal.actor(), { name: hostedRow!.name.toUpperCase(), kind: "regional" }))).fieldErrors).toEqual({
      name: ["i18n:validation.networkHostedHere"],
    });
    expect((await refusal(joinExternalNetwork(ctx, await focal.actor(), hosted.slug, {}))).messageKey).toBe("error.network.hostedApply");
    expect((await refusal(applyToNetwork(ctx, await focal.actor(), recorded.slug, {}))).messageKey).toBe("error.network.externalRecordInstead");

    // Leaving and joining again restarts the membership.
    await withdrawMembership(ctx, await otherFocal.actor(), recorded.slug, again.membershipId);
    expect(await joinExternalNetwork(ctx, await otherFocal.actor(), recorded.slug, { since: "2020-01-01" })).toEqual({ membershipId: again.membershipId, changed: true });
    expect(await joinExternalNetwork(ctx, await otherFocal.actor(), recorded.slug, {})).toEqual({ membershipId: again.membershipId, changed: false });
    const [membership] = await ctx.db.select().from(networkMemberships).where(eq(networkMemberships.id, again.membershipId));
    expect(membership).toMatchObject({ status: "active", since: "2020-01-01" });
  });
});

describe("the directory of networks", () => {
  it("lists hosted networks first, filters by kind and hosted, and counts active members", async () => {
    const { officer, network } = await testNetwork(ctx.db, "Red Zeta de Búsqueda");
    const org = await testOrganization(ctx.db, "Miembro");
    const focal = await testPerson(ctx.db, { organization: { id: org.id, role: "focal_point" } });
    const { membershipId } = await applyToNetwork(ctx, await focal.actor(), network.slug, {});
    const found = async (input: Parameters<typeof listNetworks>[1]) => (await listNetworks(ctx, input, "es")).items.find((n) => n.slug === network.slug);
    expect(await found({ q: "zeta de busqueda" })).toMatchObject({ hosted: true, kind: "regional", memberCount: 0 });
    expect(await decideMembership(ctx, await officer.actor(), network.slug, membershipId, { decision: "approve", category: "full" })).toEqual({ changed: true });
    expect(await found({ q: "ZETA" })).toMatchObject({ memberCount: 1 });
    expect(await found({ q: "zeta", kind: "global" })).toBeUndefined();
    expect(await found({ q: "zeta", hosted: "no" })).toBeUndefined();
    const all = await listNetworks(ctx, { pageSize: 100 }, "es");
    const firstExternal = all.items.findIndex((n) => !n.hosted);
    expect(firstExternal === -1 || all.items.slice(firstExternal).every((n) => !n.hosted)).toBe(true);
    expect((await refusal(listNetworks(ctx, { hosted: "maybe" as never }, "es"))).fieldErrors).toEqual({ hosted: ["i18n:validation.hostedFilter"] });
  });
});
describe("a date nobody gave", () => {
  it("is never invented: an external membership recorded or joined without 'member since' keeps it unknown, blank in the export, without a year on the city page", async () => {
    const place = await freeCity(ctx.db, "AR", 100_000, 1_000_000);
    const org = await testOrganization(ctx.db, `Municipalidad de ${place.name}`, "AR", place.id);
    const focal = await testPerson(ctx.db, { organization: { id: org.id, role: "focal_point" } });
    const tag = Math.random().toString(36).slice(2, 7);
    const recorded = await recordExternalNetwork(ctx, await focal.actor(), { name: `Red Ficticia de Puertos ${tag}`, kind: "thematic", since: "" });
    const [row] = await ctx.db.select().from(networkMemberships).where(eq(networkMemberships.id, recorded.membershipId));
    expect(row).toMatchObject({ status: "active", since: null });
    const history = await getMembership(ctx, await focal.actor(), recorded.slug, recorded.membershipId, "es");
    expect(history).toMatchObject({ since: null, history: [{ from: null, to: "active", effectiveOn: null }] });
    const csv = new TextDecoder().decode((await exportNetworkMembers(ctx, anonymousActor, recorded.slug, { format: "csv" }, "es")).body);
    expect(csv.trim().split("\r\n")[1]).toMatch(/,active,,no$/);

    // Left and recorded again, still without a date: unknown again, not today.
    await withdrawMembership(ctx, await focal.actor(), recorded.slug, recorded.membershipId);
    expect(await joinExternalNetwork(ctx, await focal.actor(), recorded.slug, {})).toEqual({ membershipId: recorded.membershipId, changed: true });
    const [again] = await ctx.db.select().from(networkMemberships).where(eq(networkMemberships.id, recorded.membershipId));
    expect(again).toMatchObject({ status: "active", since: null });
    const events = await ctx.db.select().from(networkMembershipEvents).where(eq(networkMembershipEvents.membershipId, recorded.membershipId));
    expect(events.find((e) => e.fromStatus === "withdrawn")).toMatchObject({ toStatus: "active", effectiveOn: null });

    // The city page: no year it does not know, and the network's name and acronym in the reader's language.
    await ctx.db
      .update(networks)
      .set({ names: { pt: `Rede Fictícia de Portos ${tag}`, en: `Fictional Ports Network ${tag}` }, acronyms: { es: "RFP", en: "FPN" } })
      .where(eq(networks.slug, recorded.slug));
    const inCity = async (locale: "es" | "pt" | "en") => (await getCity(ctx, place.id, locale)).networks.find((n) => n.slug === recorded.slug);
    expect(await inCity("en")).toEqual({ slug: recorded.slug, name: `Fictional Ports Network ${tag}`, acronym: "FPN", founding: false, joinedYear: null });
    expect(await inCity("pt")).toMatchObject({ name: `Rede Fictícia de Portos ${tag}`, acronym: "RFP" });
    expect(await inCity("es")).toMatchObject({ name: `Red Ficticia de Puertos ${tag}`, acronym: "RFP" });
  });
});

describe("exporting the member directory", () => {
  it("gives the same filtered list as CSV (re-importable columns, formulas defused) and XLSX, without personal data", async () => {
    const { officer, network } = await testNetwork(ctx.db);
    const org = await testOrganization(ctx.db, "=HYPERLINK(\"http://evil\")");
    const focal = await testPerson(ctx.db, { organization: { id: org.id, role: "focal_point" } });
    const { membershipId } = await applyToNetwork(ctx, await focal.actor(), network.slug, {});
    const publicCsv = await exportNetworkMembers(ctx, anonymousActor, network.slug, { format: "csv" }, "es");
    expect(new TextDecoder().decode(publicCsv.body).trim().split("\r\n")).toHaveLength(1);
    const secretariatCsv = new TextDecoder().decode((await exportNetworkMembers(ctx, await officer.actor(), network.slug, { format: "csv", status: "applicant" }, "es")).body);
    const lines = secretariatCsv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("organization,organization_kind,city,geonames_id,country,country_name,population,category,category_name,status,since,founding");
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil""\) [a-z0-9]+",civil_society,,,UY,Uruguay,,,,applicant,,no$/);
    expect(secretariatCsv).not.toContain(focal.email);
    await decideMembership(ctx, await officer.actor(), network.slug, membershipId, { decision: "approve", category: "partner" });
    const xlsx = await exportNetworkMembers(ctx, anonymousActor, network.slug, { format: "xlsx" }, "pt");
    expect(xlsx.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(xlsx.filename).toMatch(new RegExp(`^${network.slug}-members-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    // A zip archive (PK…) holding the workbook.
    expect([...xlsx.body.slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect((await refusal(exportNetworkMembers(ctx, anonymousActor, network.slug, { format: "pdf" as never }, "es"))).fieldErrors).toEqual({ format: ["i18n:validation.exportFormat"] });
  });
});
