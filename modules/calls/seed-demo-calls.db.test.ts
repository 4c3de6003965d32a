import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { loadActor } from "../organizations/actor.ts";
import { getApplication } from "./get-application.ts";
import { getProgrammeStatistics } from "./get-programme-statistics.ts";
import { rankApplications } from "./rank-applications.ts";
import { seedDemoCalls } from "./seed-demo-calls.ts";
import { verifyCertificate } from "./verify-certificate.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

/** The demo's secretariat signs in with a second factor (its powers need one). */
const person = async (email: string) => (await handle.db.execute(sql`update users set two_factor_enabled = true where email = ${email}`), await loadActor({ db: handle.db }, (await queryRows<{ id: string }>(handle.db, sql`select id from users where email = ${email}`))[0]!.id))!;

describe("the demo South–South programme", () => {
  it("has the 2017 call closed with funded projects, the 2018 call in evaluation, a current draft, and a Resilience School cohort with certificates; a second run adds nothing", async () => {
    const ctx = { db: handle.db };
    const stats = await getProgrammeStatistics(ctx, "mercociudades", "cooperacion-sur-sur");
    expect(stats).toMatchObject({ projects: 2, awardedCents: 1_350_000, counterpartCents: 1_400_000 });
    expect(stats.byYear).toEqual([{ key: "2017", projects: 2, awardedCents: 1_350_000 }]);

    const calls = await queryRows<{ slug: string; status: string; id: string }>(handle.db, sql`select slug, status, id from calls order by slug`);
    const id = (slug: string) => calls.find((c) => c.slug === slug)!.id;
    const ranking = await rankApplications(ctx, await person("secretaria@mercociudades.example"), id("convocatoria-2018"));
    expect(ranking.applications.map((a) => [a.title, a.reviewsSubmitted])).toEqual([
      ["Reducción de pérdidas de agua en redes de distribución", 2],
      ["Presupuesto participativo joven", 1],
      ["Mapas comunitarios de riesgo de incendio en quebradas", 0],
    ]);

    const ana = await person("ana.souza@portoalegre.example");
    const [draft] = await queryRows<{ id: string }>(handle.db, sql`select id from applications where call_id = ${id("convocatoria-2027")}`);
    const view = await getApplication(ctx, ana, draft!.id, "pt");
    expect(view.editable).toBe(true);
    expect(view.checklist.filter((c) => !c.passed).map((c) => c.rule)).toEqual(["partnersConfirmed"]);

    const [lucia] = await queryRows<{ code: string }>(handle.db, sql`select e.certificate_code as code from enrolments e join users u on u.id = e.user_id where u.email = 'lucia.fernandez@buenosaires.example'`);
    expect((await verifyCertificate(ctx, lucia!.code, "pt")).training).toBe("Escola de Resiliência");

    expect(await seedDemoCalls(handle.db)).toEqual([]);
  });
});
