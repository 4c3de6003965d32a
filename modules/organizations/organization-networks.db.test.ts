// An organization's public page lists the networks it is an active member of, with the roles it
// holds there today, and the networks whose secretariat it is; nothing else about its
// memberships (applications, suspensions, withdrawals, past roles).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { addBody, addMembership, addRole, addTerm, createCityGovernment, createOtherOrganization, createTestNetwork, daysFromToday } from "../portfolio/testing.ts";
import { anonymousActor } from "./actor.ts";
import { getOrganization } from "./get-organization.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

describe("an organization's networks on its public page", () => {
  it("shows active memberships with today's roles, coordinators first, and only those", async () => {
    const city = await createCityGovernment(ctx.db, "AR");
    const active = await createTestNetwork(ctx.db, { name: "Red Activa", kind: "regional" });
    await addMembership(ctx.db, active.id, city.id, { since: "2015-06-01" });
    const culture = await addBody(ctx.db, active.id, { slug: "cultura", kind: "thematic_unit", names: { es: "Cultura", en: "Culture" } });
    const education = await addBody(ctx.db, active.id, { slug: "educacion", kind: "thematic_unit", names: { es: "Educación", en: "Education" } });
    const closed = await addBody(ctx.db, active.id, { slug: "cerrada", kind: "thematic_unit", names: { es: "Cerrada" }, active: false });
    const term = await addTerm(ctx.db, active.id, { label: "2025–2026", startsOn: daysFromToday(-100), endsOn: daysFromToday(200) });
    await addRole(ctx.db, { networkId: active.id, bodyId: education, organizationId: city.id, role: "member", startsOn: daysFromToday(-100) });
    await addRole(ctx.db, { networkId: active.id, bodyId: culture, organizationId: city.id, role: "coordinator", startsOn: daysFromToday(-100), endsOn: daysFromToday(200), termId: term });
    // Not today's: ended, not started yet, or in a body that is no longer active.
    await addRole(ctx.db, { networkId: active.id, bodyId: culture, organizationId: city.id, role: "coordinator", startsOn: "2020-01-01", endsOn: "2021-12-31" });
    await addRole(ctx.db, { networkId: active.id, bodyId: education, organizationId: city.id, role: "sub_coordinator", startsOn: daysFromToday(300) });
    await addRole(ctx.db, { networkId: active.id, bodyId: closed, organizationId: city.id, role: "member", startsOn: daysFromToday(-10) });

    // Memberships that are not active are not public facts of the organization's page.
    for (const status of ["applicant", "inactive", "suspended", "withdrawn", "declined"] as const) {
      const network = await createTestNetwork(ctx.db, { name: `Red ${status}` });
      await addMembership(ctx.db, network.id, city.id, { status });
      const unit = await addBody(ctx.db, network.id, { slug: "unidad", kind: "thematic_unit", names: { es: "Unidad" } });
      await addRole(ctx.db, { networkId: network.id, bodyId: unit, organizationId: city.id, role: "coordinator", startsOn: daysFromToday(-10) });
    }

    const page = await getOrganization(ctx, anonymousActor, city.slug, "en");
    expect(page.networks).toEqual([
      {
        slug: active.slug,
        name: "Red Activa",
        hosted: true,
        since: "2015-06-01",
        roles: [
          { role: "coordinator", body: { text: "Culture", language: "en", fallback: false }, startsOn: daysFromToday(-100), endsOn: daysFromToday(200), termLabel: "2025–2026" },
          { role: "member", body: { text: "Education", language: "en", fallback: false }, startsOn: daysFromToday(-100), endsOn: null, termLabel: null },
        ],
      },
    ]);
    expect(page.secretariatOf).toEqual([]);
  });

  it("names the networks whose secretariat it is", async () => {
    const secretariat = await createOtherOrganization(ctx.db, "civil_society", "UY");
    const network = await createTestNetwork(ctx.db, { name: "Red con Secretaría", secretariatOrganizationId: secretariat.id });
    const page = await getOrganization(ctx, anonymousActor, secretariat.slug, "es");
    expect(page.secretariatOf).toEqual([{ slug: network.slug, name: "Red con Secretaría" }]);
    expect(page.networks).toEqual([]);
  });
});
