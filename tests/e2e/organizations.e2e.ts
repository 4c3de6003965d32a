// A city's focal point invites a colleague by e-mail; the colleague signs up from the
// invitation, confirms the address (both e-mails over SMTP), accepts and acts for the city. A
// newcomer registers an organization without JavaScript, and asks to join another, which its
// focal point approves. In three languages, every page checked by axe.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../modules/organizations/seed-demo-organizations.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { expectAccessible, openPage, startServerWithMail } from "./harness.ts";

let world: Awaited<ReturnType<typeof startServerWithMail>>;
let smtp: typeof world.smtp;
let server: typeof world.server;
let browser: Browser;

beforeAll(async () => {
  world = await startServerWithMail("organizations");
  ({ smtp, server, browser } = world);
});
afterAll(() => world?.close());

const texts = {
  es: {
    signIn: "Iniciar sesión",
    invite: "Enviar invitación",
    invited: "Invitación enviada.",
    subject: "Recibió una invitación a Prefeitura de Porto Alegre en Pares",
    signUp: "Crear la cuenta",
    accept: "Aceptar y sumarme",
    acting: "Está actuando en nombre de esta organización.",
    myOrganizations: "Mis organizaciones",
  },
  pt: {
    signIn: "Entrar",
    invite: "Enviar convite",
    invited: "Convite enviado.",
    subject: "Você foi convidado(a) para Prefeitura de Porto Alegre no Pares",
    signUp: "Criar a conta",
    accept: "Aceitar e participar",
    acting: "Você atua em nome desta organização.",
    myOrganizations: "Minhas organizações",
  },
  en: {
    signIn: "Sign in",
    invite: "Send invitation",
    invited: "Invitation sent.",
    subject: "You are invited to Prefeitura de Porto Alegre on Pares",
    signUp: "Create the account",
    accept: "Accept and join",
    acting: "You act for this organization.",
    myOrganizations: "My organizations",
  },
} as const;

async function signIn(page: Page, locale: string, email: string, password: string, button: string) {
  await page.goto(`/${locale}/sign-in`);
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.getByRole("button", { name: button, exact: true }).last().click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
}

async function waitForHeading(page: Page, text: string) {
  await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe(text);
}

describe.each(["es", "pt", "en"] as const)("invitation journey in %s", (locale) => {
  const text = texts[locale];
  const invitee = `colega.${locale}@portoalegre.test`;
  const password = "uma frase longa para a colega";

  it("invites by e-mail; the colleague signs up from the link, accepts and acts for the city", async () => {
    // The focal point of Porto Alegre invites a colleague, in the colleague's language.
    const focal = await openPage(browser, server.url);
    await signIn(focal, locale, "ana.souza@portoalegre.example", demoPassword, text.signIn);
    await focal.goto(`/${locale}/organizations/prefeitura-de-porto-alegre/members`);
    await expectAccessible(focal);
    await focal.fill("#email", "not an address");
    await focal.getByRole("button", { name: text.invite }).click();
    await expect.poll(() => focal.locator("#email-error").count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(focal);
    await focal.fill("#email", invitee);
    await focal.selectOption("#locale", locale);
    await focal.getByRole("button", { name: text.invite }).click();
    await expect.poll(() => focal.locator("[role=status]").textContent(), { timeout: 10_000 }).toBe(text.invited);
    await expect.poll(() => focal.locator("#invitations-title + ul").textContent(), { timeout: 10_000 }).toContain(invitee);
    await focal.close();

    await expect.poll(async () => (await smtp.mailsTo(invitee)).length, { timeout: 15_000 }).toBe(1);
    const [invitation] = await smtp.mailsTo(invitee);
    expect(invitation!.subject).toBe(text.subject);
    expect(invitation!.html).toContain("Ana Souza");
    const link = invitation!.text!.match(/https?:\/\/\S+\/invitations\/\S+/)![0];
    expect(link.startsWith(`${server.url}/${locale}/invitations/`)).toBe(true);

    // The colleague has no account yet: the invitation page offers to create one.
    const page = await openPage(browser, server.url);
    await page.goto(link);
    await expectAccessible(page);
    expect(await page.locator("main").textContent()).toContain("Prefeitura de Porto Alegre");
    await page.locator(`a[href^="/${locale}/sign-up"]`).click();
    await page.waitForURL(new RegExp(`/${locale}/sign-up`));
    await waitForHeading(page, catalogs[locale]["signUp.title"]!);
    await page.fill("#name", `Colega ${locale}`);
    await page.fill("#email", invitee);
    await page.fill("#password", password);
    await page.getByRole("button", { name: text.signUp }).click();
    await page.waitForURL(new RegExp(`/${locale}/check-email$`));
    await expect.poll(async () => (await smtp.mailsTo(invitee)).length, { timeout: 15_000 }).toBe(2);
    const verification = (await smtp.mailsTo(invitee))[1]!;
    await page.goto(verification.text!.match(/https?:\/\/\S+verify-email\?token=\S+/)![0]);
    await expectAccessible(page);

    // Signed in, the same link accepts the invitation; the colleague now acts for the city.
    await page.goto(`/${locale}/sign-in?next=${encodeURIComponent(new URL(link).pathname)}`);
    await page.fill("#email", invitee);
    await page.fill("#password", password);
    await page.getByRole("button", { name: text.signIn, exact: true }).last().click();
    await page.waitForURL(new RegExp(`/${locale}/invitations/`));
    await expect.poll(() => page.getByRole("button", { name: text.accept }).count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(page);
    await page.getByRole("button", { name: text.accept }).click();
    await page.waitForURL(new RegExp(`/${locale}/organizations/prefeitura-de-porto-alegre$`));
    await expect.poll(() => page.locator("main").textContent(), { timeout: 10_000 }).toContain(text.acting);
    await expectAccessible(page);
    await page.goto(`/${locale}/account/organizations`);
    await waitForHeading(page, text.myOrganizations);
    expect(await page.locator(".card").count()).toBe(1);
    await expectAccessible(page);
    // The link worked once.
    await page.goto(link);
    expect(await page.locator("[role=status]").count()).toBe(1);
    await page.close();
  });
});

describe("organizations without JavaScript", () => {
  it("a newcomer registers an organization, then asks to join a city whose focal point approves", async () => {
    const page = await openPage(browser, server.url, { javaScriptEnabled: false });
    await signIn(page, "pt", "carla.mendes@example.org", demoPassword, "Entrar");
    await page.goto("/pt/organizations/new");
    await expectAccessible(page);
    // A local government without its city is refused, naming the field.
    // A city no demo network has a government for (the demo's UCCI has Lisbon's).
    await page.fill("#name", "Câmara Municipal de Coimbra");
    await page.fill("#description", "Departamento de Relações Internacionais.");
    await page.click("button[value=create]");
    await page.waitForLoadState();
    expect(await page.locator("#cityId-error").count()).toBe(1);
    await expectAccessible(page);
    // The city is found in the same form: what was typed stays.
    await page.fill("#city", "Coimbra");
    await page.click("button[value=findCity]");
    await page.waitForLoadState();
    expect(await page.locator("#cityId option:checked").textContent()).toContain("Coimbra");
    expect(await page.inputValue("#name")).toBe("Câmara Municipal de Coimbra");
    expect(await page.inputValue("#description")).toBe("Departamento de Relações Internacionais.");
    await expectAccessible(page);
    await page.click("button[value=create]");
    await page.waitForURL(/\/pt\/organizations\/camara-municipal-de-coimbra$/);
    expect(await page.locator("h1").textContent()).toBe("Câmara Municipal de Coimbra");
    expect(await page.locator("main").textContent()).toContain("Ponto focal");
    await expectAccessible(page);

    // Asking to join Buenos Aires' government.
    await page.goto("/pt/organizations/gobierno-de-la-ciudad-de-buenos-aires");
    await page.fill("#message", "Trabalho com cooperação descentralizada.");
    await page.getByRole("button", { name: "Pedir para entrar" }).click();
    await page.waitForLoadState();
    expect(await page.locator("[role=status]").textContent()).toContain("Enviamos sua solicitação");
    await expectAccessible(page);
    await page.close();

    // The join request's e-mail (the demo's own notifications may reach Martín too).
    await expect
      .poll(async () => (await smtp.mailsTo("martin.pereyra@buenosaires.example")).filter((m) => m.subject?.startsWith("Nueva solicitud para sumarse")).length, { timeout: 15_000 })
      .toBe(1);
    const focal = await openPage(browser, server.url, { javaScriptEnabled: false });
    await signIn(focal, "es", "martin.pereyra@buenosaires.example", demoPassword, "Iniciar sesión");
    await focal.goto("/es/organizations/gobierno-de-la-ciudad-de-buenos-aires/members");
    expect(await focal.locator("#requests-title + ul").textContent()).toContain("Carla Mendes");
    await expectAccessible(focal);
    await focal.getByRole("button", { name: "Aprobar" }).click();
    await focal.waitForLoadState();
    expect(await focal.locator("[role=status]").textContent()).toBe("Solicitud aprobada.");
    expect(await focal.locator("table").textContent()).toContain("Carla Mendes");
    await expectAccessible(focal);
    await focal.close();
    await expect.poll(async () => (await smtp.mailsTo("carla.mendes@example.org")).length, { timeout: 15_000 }).toBe(1);
    expect((await smtp.mailsTo("carla.mendes@example.org"))[0]!.subject).toBe("You are now a member of Gobierno de la Ciudad de Buenos Aires");
  });
});
