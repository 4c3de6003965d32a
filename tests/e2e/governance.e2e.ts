// A network's governance in a real browser: the secretariat officer (with two-step sign-in)
// adds a term whose candidacy window is open and a thematic unit; a member city's focal point,
// without JavaScript, joins the unit and applies to coordinate it; the secretariat records the
// assembly's approval, the role shows as upcoming on the unit's page and the city is told by
// e-mail; an overlapping coordination is refused with a message naming the existing one. In an
// external network the city records its own role and ends only its own. Pages in es, pt and en,
// every one checked by axe.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, desc, eq, gte, isNotNull, lt, notExists } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cities } from "../../modules/cities/schema.ts";
import { networkBodies, networkRoles } from "../../modules/governance/schema.ts";
import { networkMemberships, networks } from "../../modules/networks/schema.ts";
import { addMember, createOrganizationRecord, createPerson } from "../../modules/organizations/factories.ts";
import { organizations } from "../../modules/organizations/schema.ts";
import { demoPassword } from "../../modules/organizations/seed-demo-organizations.ts";
import { openDatabase } from "../../platform/db/client.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { startSmtpServer } from "../support/smtp.ts";
import { totpCode } from "../support/totp.ts";
import { expectAccessible, launchBrowser, openPage, type RunningServer, startServer } from "./harness.ts";

const scratch = mkdtempSync(join(tmpdir(), "pares-governance-"));
const officer = "secretaria@mercociudades.example";
const focal = { email: "focal.gobernanza@ciudad.test", password: "una frase larga para la ciudad", name: "Paula Rocha" };
let city = { name: "", slug: "", province: "" };
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let server: RunningServer;
let browser: Browser;
let secretariat: Page;
let totpSecret = "";

const unit = { name: "Unidad de Gobierno Abierto", slug: "unidad-de-gobierno-abierto" };
/** A network not hosted on Pares, recorded by the city; another city holds a role in its unit. */
const external = { slug: "red-externa-de-clima", unit: "clima", unitName: "Grupo de Clima", other: "Ciudad Vecina de Prueba" };
const term = { label: "2090", startsOn: "2090-01-01", endsOn: "2090-12-31" };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  // A member city with its focal point, written to a copy of the seeded database before Pares opens it.
  const dir = join(scratch, "pglite");
  cpSync(inject("seededDataDir"), dir, { recursive: true });
  const handle = await openDatabase({ dir });
  const db = handle.db;
  const [place] = await db
    .select({ id: cities.id, name: cities.name, admin1Name: cities.admin1Name })
    .from(cities)
    .where(
      and(
        eq(cities.countryCode, "BR"),
        gte(cities.population, 150_000),
        isNotNull(cities.admin1Name),
        lt(cities.population, 400_000),
        notExists(db.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.cityId, cities.id), eq(organizations.kind, "local_government")))),
      ),
    )
    .orderBy(desc(cities.population))
    .limit(1);
  const org = await createOrganizationRecord(db, { name: `Prefeitura de ${place!.name}`, kind: "local_government", countryCode: "BR", cityId: place!.id, verified: true });
  city = { name: `Prefeitura de ${place!.name}`, slug: org.slug, province: place!.admin1Name! };
  const person = await createPerson(db, { name: focal.name, email: focal.email, password: focal.password, locale: "pt" });
  await addMember(db, org.id, person, "focal_point");
  const [network] = await db.select({ id: networks.id }).from(networks).where(eq(networks.slug, "mercociudades"));
  await db.insert(networkMemberships).values({ networkId: network!.id, organizationId: org.id, status: "active", since: "2015-03-01" });
  const [ext] = await db
    .insert(networks)
    .values({ slug: external.slug, name: "Red Externa de Clima", kind: "global", hosted: false, recordedByOrganizationId: org.id })
    .returning({ id: networks.id });
  const other = await createOrganizationRecord(db, { name: external.other, kind: "civil_society", countryCode: "AR" });
  await db.insert(networkMemberships).values([
    { networkId: ext!.id, organizationId: org.id, status: "active", since: "2020-01-01" },
    { networkId: ext!.id, organizationId: other.id, status: "active", since: "2020-01-01" },
  ]);
  const [extUnit] = await db
    .insert(networkBodies)
    .values({ networkId: ext!.id, slug: external.unit, kind: "working_group", names: { es: external.unitName, pt: external.unitName, en: external.unitName } })
    .returning({ id: networkBodies.id });
  await db.insert(networkRoles).values({ networkId: ext!.id, bodyId: extUnit!.id, organizationId: other.id, role: "sub_coordinator", startsOn: "2024-01-01" });
  await handle.close();

  smtp = await startSmtpServer();
  server = await startServer({ PGLITE_DIR: dir, SMTP_URL: smtp.url, MAIL_FROM: "Pares <no-reply@pares.test>", OUTBOX_POLL_MS: "200", SECRET: "governance-e2e-secret-governance-e2e" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function heading(page: Page, text: string) {
  await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe(text);
}
async function status(page: Page, text: string) {
  await expect.poll(() => page.locator("[role=status]").textContent(), { timeout: 10_000 }).toBe(text);
}

describe("a network's governance", () => {
  it("the secretariat turns on two-step sign-in, adds a term with an open candidacy window and a thematic unit", async () => {
    secretariat = await openPage(browser, server.url);
    const page = secretariat;
    await page.goto("/es/sign-in");
    await page.fill("#email", officer);
    await page.fill("#password", demoPassword);
    await page.getByRole("button", { name: catalogs.es["signIn.submit"], exact: true }).last().click();
    // A secretariat must use two-step sign-in: it is sent to turn it on, as a person would.
    await page.waitForURL(/\/es\/account\/two-factor\?required=1$/);
    await page.fill("#password", demoPassword);
    await page.getByRole("button", { name: catalogs.es["twoFactor.enable.submit"] }).click();
    await expect.poll(() => page.locator("code.secret").count(), { timeout: 10_000 }).toBe(1);
    totpSecret = (await page.locator("code.secret").textContent())!.replace(/\s+/g, "");
    await page.fill("#code", totpCode(totpSecret));
    await page.getByRole("button", { name: catalogs.es["twoFactor.confirm.submit"] }).click();
    await page.waitForURL(/\/es\/account\/two-factor\?done=enabled$/);

    await page.goto("/es/networks/mercociudades/terms");
    await heading(page, "Mandatos de Mercociudades");
    await expectAccessible(page);
    // A window closing after the term starts is refused, naming the field.
    await page.fill("#create-label", term.label);
    await page.fill("#create-startsOn", term.startsOn);
    await page.fill("#create-endsOn", term.endsOn);
    await page.fill("#create-candidaciesOpenOn", day(-1));
    await page.fill("#create-candidaciesCloseOn", "2090-02-01");
    await page.getByRole("button", { name: catalogs.es["governance.terms.create"] }).click();
    await expect.poll(() => page.locator("#create-candidaciesCloseOn-error").textContent(), { timeout: 10_000 }).toBe(catalogs.es["governance.validation.closeAfterStart"]);
    await expectAccessible(page);
    await page.fill("#create-candidaciesCloseOn", day(30));
    await page.getByRole("button", { name: catalogs.es["governance.terms.create"] }).click();
    await status(page, catalogs.es["governance.terms.done.created"]!);
    expect(await page.locator("table").textContent()).toContain(catalogs.es["governance.terms.windowOpen"]);
    await expectAccessible(page);

    await page.goto("/es/networks/mercociudades/bodies");
    await heading(page, "Órganos de Mercociudades");
    await page.selectOption("#create-kind", "thematic_unit");
    await page.fill("#create-name", unit.name);
    await page.fill("#create-description", "Transparencia, datos abiertos y participación ciudadana en los gobiernos locales.");
    await page.getByRole("button", { name: catalogs.es["governance.create.submit"] }).click();
    await page.waitForURL(new RegExp(`/es/networks/mercociudades/bodies/${unit.slug}\\?done=created$`));
    await heading(page, unit.name);
    await status(page, catalogs.es["governance.done.created"]!);
    await expectAccessible(page);
  });

  it("a member city's focal point, without JavaScript, joins the unit and applies to coordinate it", async () => {
    const page = await openPage(browser, server.url, { javaScriptEnabled: false });
    await page.goto("/pt/sign-in");
    await page.fill("#email", focal.email);
    await page.fill("#password", focal.password);
    await page.click("form.stack button[type=submit]");
    await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
    await page.goto(`/pt/networks/mercociudades/bodies/${unit.slug}`);
    expect(await page.locator("h1").textContent()).toBe(unit.name);
    expect(await page.locator("main").textContent()).toContain(catalogs.pt["governance.yours.notParticipating"]);
    // A member city does not record roles in a hosted network: no form to assign one.
    expect(await page.locator("#assign-title").count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole("button", { name: catalogs.pt["governance.yours.join"] }).click();
    await page.waitForURL(/done=joined$/);
    expect(await page.locator("[role=status]").textContent()).toBe(catalogs.pt["governance.done.joined"]);
    expect(await page.locator("#participants-title + ul").textContent()).toContain(city.name);
    // Taking part now: said so, and joining is no longer offered.
    expect(await page.locator("main").textContent()).toContain("Sua organização participa desta unidade.");
    expect(await page.getByRole("button", { name: catalogs.pt["governance.yours.join"] }).count()).toBe(0);

    // Too short a statement: the message is next to the field, in Portuguese. (The demo network
    // may have a term of its own open to candidacies: this one is ours.)
    const ours = await page.locator("#apply-term option", { hasText: `${term.label} (` }).getAttribute("value");
    await page.selectOption("#apply-term", ours!);
    await page.selectOption("#apply-role", "coordinator");
    await page.fill("#apply-statement", "Queremos.");
    await page.getByRole("button", { name: catalogs.pt["governance.apply.submit"] }).click();
    await page.waitForLoadState();
    expect(await page.locator("#apply-statement-error").textContent()).toBe(catalogs.pt["governance.validation.statement"]);
    expect(await page.locator("#apply-statement").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);
    await page.fill("#apply-statement", "Propomos um plano anual de dados abertos e orçamento participativo para a unidade.");
    await page.selectOption("#apply-term", ours!);
    await page.getByRole("button", { name: catalogs.pt["governance.apply.submit"] }).click();
    await page.waitForURL(/done=applied$/);
    expect(await page.locator("[role=status]").textContent()).toBe(catalogs.pt["governance.done.applied"]);
    expect(await page.locator("main").textContent()).toContain(`Coordenação, mandato ${term.label} — ${catalogs.pt["governance.candidacy.status.submitted"]}`);
    // No second application for that term: the page says which candidacy is live, and where to see it.
    expect(await page.locator("#apply-term option", { hasText: `${term.label} (` }).count()).toBe(0);
    const live = page.locator(".live-candidacy");
    expect(await live.textContent()).toContain(`${city.name} já tem uma candidatura apresentada para coordenar esta unidade no mandato ${term.label}`);
    expect(await live.getByRole("link", { name: catalogs.pt["governance.apply.seeCandidacies"] }).getAttribute("href")).toMatch(new RegExp(`^/pt/networks/mercociudades/candidacies\\?body=${unit.slug}&term=`));
    await expectAccessible(page);
    await page.close();
  });

  it("the secretariat approves; the role is upcoming on the unit's page, the city is told by e-mail; an overlapping coordination is refused", async () => {
    const page = secretariat;
    await page.goto(`/en/networks/mercociudades/candidacies?body=${unit.slug}`);
    await heading(page, "Candidacies in Mercociudades");
    await expectAccessible(page);
    const card = page.locator(".card", { hasText: city.name });
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
    // Nothing is chosen beforehand: recording without a decision is refused on the field.
    expect(await card.locator("input[name=decision]:checked").count()).toBe(0);
    await card.locator("select[name=decidingBody]").selectOption("summit");
    await card.locator("input[name=reference]").fill("XXIX Summit, resolution 4");
    await card.getByRole("button", { name: `Record the decision on ${city.name}` }).click();
    const decisionError = page.locator(".card", { hasText: city.name }).locator("fieldset .field-error");
    await expect.poll(() => decisionError.textContent(), { timeout: 10_000 }).toBe(catalogs.en["governance.validation.candidacyDecision"]);
    expect(await page.locator("[role=alert]").textContent()).toContain(`Decision: ${catalogs.en["governance.validation.candidacyDecision"]}`);
    await expectAccessible(page);
    const again = page.locator(".card", { hasText: city.name });
    await again.getByRole("radio", { name: catalogs.en["governance.decision.approve"], exact: true }).check();
    await again.getByRole("button", { name: `Record the decision on ${city.name}` }).click();
    await status(page, catalogs.en["governance.candidacies.done.decided"]!);
    expect(await page.locator(".card", { hasText: city.name }).textContent()).toContain("Approved");
    await expectAccessible(page);

    await page.goto(`/en/networks/mercociudades/bodies/${unit.slug}`);
    await heading(page, unit.name);
    const upcoming = page.locator("section[aria-labelledby=upcoming-title] table");
    await expect.poll(() => upcoming.textContent(), { timeout: 10_000 }).toContain(city.name);
    expect(await upcoming.textContent()).toContain("Coordinator");
    expect(await upcoming.textContent()).toContain("January 1, 2090 to December 31, 2090");
    await expectAccessible(page);

    // The decision reaches the focal point in Portuguese.
    await expect.poll(async () => (await smtp.mailsTo(focal.email)).length, { timeout: 15_000 }).toBe(1);
    const [mail] = await smtp.mailsTo(focal.email);
    expect(mail!.subject).toBe(`Candidatura aprovada: coordenação de ${unit.name}, ${term.label}`);
    expect(mail!.text).toContain("XXIX Summit, resolution 4");

    // The secretariat may document a role with its source.
    expect(await page.locator("#assign-sourceUrl").count()).toBe(1);
    // A sub-coordination for the same city overlapping the approved one: refused, naming it.
    await page.selectOption("#assign-organization", city.slug);
    await page.selectOption("#assign-role", "sub_coordinator");
    await page.fill("#assign-startsOn", "2090-06-01");
    await page.getByRole("button", { name: catalogs.en["governance.assign.submit"] }).click();
    await expect.poll(() => page.locator("#assign-startsOn-error").textContent(), { timeout: 10_000 }).toBe(
      `${city.name} already coordinates ${unit.name} from January 1, 2090 to December 31, 2090: a city cannot hold two overlapping coordinations of the same unit`,
    );
    expect(await page.locator("[role=alert]").textContent()).toContain(`Start date: ${city.name} already coordinates`);
    expect(await page.locator("#assign-startsOn").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);
    expect(await upcoming.locator("tbody tr").count()).toBe(1);
  });

  it("in an external network the recording city's focal point records its own role and ends only its own, without JavaScript", async () => {
    const t = catalogs.pt;
    const page = await openPage(browser, server.url, { javaScriptEnabled: false });
    await page.goto("/pt/sign-in");
    await page.fill("#email", focal.email);
    await page.fill("#password", focal.password);
    await page.click("form.stack button[type=submit]");
    await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
    await page.goto(`/pt/networks/${external.slug}/bodies/${external.unit}`);
    await heading(page, external.unitName);
    expect(await page.locator("#assign-title").textContent()).toBe(t["governance.assign.ownTitle"]!.replace("{organization}", city.name));
    expect(await page.locator("main").textContent()).toContain(t["governance.assign.ownIntro"]);
    // Only its own organization to choose, and no source link (that is for a hosted network's secretariat).
    // The organization is told with its state and country (cities of the same name exist).
    expect(await page.locator("#assign-organization option").allTextContents()).toEqual([`${city.name} — ${city.province}, Brasil`]);
    expect(await page.locator("#assign-sourceUrl").count()).toBe(0);
    // The other city's role is listed, with nothing to end it.
    expect(await page.locator("section[aria-labelledby=current-title]").textContent()).toContain(external.other);
    expect(await page.getByRole("button", { name: t["governance.end.submitNamed"]!.replace("{organization}", external.other) }).count()).toBe(0);
    await expectAccessible(page);

    await page.selectOption("#assign-role", "coordinator");
    await page.fill("#assign-startsOn", day(0));
    await page.getByRole("button", { name: t["governance.assign.submit"] }).click();
    await page.waitForURL(/done=assigned$/);
    expect(await page.locator("[role=status]").textContent()).toBe(t["governance.done.assigned"]);
    expect(await page.locator("section[aria-labelledby=current-title]").textContent()).toContain(city.name);
    expect(await page.getByRole("button", { name: t["governance.end.submitNamed"]!.replace("{organization}", city.name) }).count()).toBe(1);
    expect(await page.getByRole("button", { name: t["governance.end.submitNamed"]!.replace("{organization}", external.other) }).count()).toBe(0);
    await expectAccessible(page);
    // The same role sent again: it was already recorded, and the page says so.
    await page.selectOption("#assign-role", "coordinator");
    await page.fill("#assign-startsOn", day(0));
    await page.getByRole("button", { name: t["governance.assign.submit"] }).click();
    await page.waitForURL(/done=alreadyAssigned$/);
    expect(await page.locator("[role=status]").textContent()).toBe(t["governance.done.alreadyAssigned"]);
    expect(await page.getByRole("button", { name: t["governance.end.submitNamed"]!.replace("{organization}", city.name) }).count()).toBe(1);
    await page.close();
  });

  it("a city coordinating a unit is told it takes part, and is not offered to join it; holders are listed coordinators first", async () => {
    const page = await openPage(browser, server.url);
    await page.goto("/es/sign-in");
    await page.fill("#email", "martin.pereyra@buenosaires.example");
    await page.fill("#password", demoPassword);
    await page.getByRole("button", { name: catalogs.es["signIn.submit"], exact: true }).last().click();
    await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
    await page.goto("/es/networks/mercociudades/bodies/strategic-planning-metropolitan");
    await expect.poll(() => page.locator("#yours-title").count(), { timeout: 10_000 }).toBe(1);
    const yours = page.locator("section[aria-labelledby=yours-title]");
    expect(await yours.textContent()).toContain("Su organización participa en esta unidad y la coordina.");
    expect(await page.getByRole("button", { name: catalogs.es["governance.yours.join"] }).count()).toBe(0);
    expect(await page.getByRole("button", { name: catalogs.es["governance.yours.leave"] }).count()).toBe(0);
    // Coordinators before sub-coordinators.
    const roles = await page.locator("section[aria-labelledby=current-title] tbody tr td:nth-child(2)").allTextContents();
    expect(roles[0]).toBe(catalogs.es["governance.role.coordinator"]);
    expect(roles.slice(1).every((r) => r === catalogs.es["governance.role.sub_coordinator"])).toBe(true);
    await expectAccessible(page);
    await page.close();
  });

  it("shows the bodies, the unit and the terms in Spanish, Portuguese and English", async () => {
    const page = await openPage(browser, server.url);
    for (const locale of ["es", "pt", "en"] as const) {
      const t = catalogs[locale];
      await page.goto(`/${locale}/networks/mercociudades/bodies`);
      // The network's name is the demo seed's, per language ("Mercocidades" in Portuguese).
      await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^${t["governance.bodies.title"]!.replace("{network}", "Mercoci")}`));
      expect(await page.locator("main").textContent()).toContain(t["governance.kinds.thematic_unit"]);
      await expectAccessible(page);
      await page.getByRole("link", { name: unit.name }).click();
      await heading(page, unit.name);
      expect(await page.locator("#upcoming-title").textContent()).toBe(t["governance.body.upcoming"]);
      expect(await page.locator("section[aria-labelledby=upcoming-title]").textContent()).toContain(t["governance.role.coordinator"]);
      // The team is not shown to the public.
      expect(await page.locator("#team-title").count()).toBe(0);
      await expectAccessible(page);
      await page.goto(`/${locale}/networks/mercociudades/terms`);
      expect(await page.locator("table").textContent()).toContain(term.label);
      await expectAccessible(page);
    }
    await page.close();
  });
});
