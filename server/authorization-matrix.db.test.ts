// The authorization matrix: every page route (each of its methods) and every API operation,
// requested by every kind of actor, answers what this table says. A route or operation added
// without a row makes the test fail, so no module can forget its authorization.
import { pathToFileURL } from "node:url";
import { eq } from "drizzle-orm";
import type { ServerBuild } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountsAuthEmails } from "../modules/accounts/auth-emails.ts";
import { completeTwoFactorSignIn } from "../modules/accounts/complete-two-factor-sign-in.ts";
import { confirmTwoFactor } from "../modules/accounts/confirm-two-factor.ts";
import { createToken } from "../modules/accounts/create-token.ts";
import { enableTwoFactor } from "../modules/accounts/enable-two-factor.ts";
import { signIn } from "../modules/accounts/sign-in.ts";
import { cookieJar } from "../modules/accounts/testing.ts";
import { personalAccessTokens, users } from "../modules/accounts/schema.ts";
import { loadActor } from "../modules/organizations/actor.ts";
import { addMember, createOrganizationRecord, createPerson, findCityId } from "../modules/organizations/factories.ts";
import { invitations, joinRequests } from "../modules/organizations/schema.ts";
import { demoPassword } from "../modules/organizations/seed-demo-organizations.ts";
import { hashSecret, newSecret } from "../platform/tokens.ts";
import { createAuth } from "../platform/auth.ts";
import { loadConfig } from "../platform/config.ts";
import type { AppServices } from "../platform/context.ts";
import { createTestDatabase } from "../platform/db/testing.ts";
import { csrfCookieName, csrfFieldName, issueCsrfToken } from "../platform/http/csrf.ts";
import { createLogger } from "../platform/log.ts";
import { ensureBuild, root } from "../tests/support/server-process.ts";
import { totpCode } from "../tests/support/totp.ts";
import { createApiV1 } from "./api/v1.ts";
import { createApp } from "./app.ts";
import { areas } from "./matrix/areas.ts";
import { adminOnly, everyone, kinds, type Kind, managers, p, type Row, signedIn, type World } from "./matrix/support.ts";


/** Page routes by React Router route id, one row per method the route answers. */
const pageRows: Record<string, Row[]> = {
  ...Object.assign({}, ...areas.map((a) => a.pageRows)),
  "routes/language-redirect": [{ method: "GET", path: () => "/", expect: everyone(302) }],
  "routes/locale-layout": [{ method: "GET", path: () => "/xx/cities", expect: everyone(404) }],
  "routes/home": [{ method: "GET", path: () => p(""), expect: everyone(200) }],
  "routes/not-found": [{ method: "GET", path: () => p("/no-such-page"), expect: everyone(404) }],
  "routes/cities": [{ method: "GET", path: () => p("/cities?q=porto"), expect: everyone(200) }],
  "routes/city": [{ method: "GET", path: (w) => p(`/cities/${w.cityId}`), expect: everyone(200) }],
  "routes/network": [{ method: "GET", path: () => p("/networks/mercociudades"), expect: everyone(200) }],
  // Production has no local mailbox.
  "routes/dev-mailbox": [{ method: "GET", path: () => p("/dev/mailbox"), expect: everyone(404) }],
  "routes/organizations": [{ method: "GET", path: () => p("/organizations?q=matrix"), expect: everyone(200) }],
  "routes/organization-new": [
    { method: "GET", path: () => p("/organizations/new?city=montevideo"), expect: signedIn(200) },
    {
      method: "POST",
      path: () => p("/organizations/new"),
      body: (w) => ({ name: `Matrix civil society ${w.n}`, kind: "civil_society", countryCode: "UY" }),
      expect: signedIn(302),
    },
  ],
  "routes/organization": [
    { method: "GET", path: (w) => p(`/organizations/${w.slug}`), expect: everyone(200) },
    { method: "POST", path: (w) => p(`/organizations/${w.slug}`), body: () => ({ intent: "verify" }), expect: adminOnly(200) },
  ],
  "routes/organization-edit": [
    { method: "GET", path: (w) => p(`/organizations/${w.slug}/edit`), expect: { ...managers(200), outsider: 403, secretariat: 403 } },
    {
      method: "POST",
      path: (w) => p(`/organizations/${w.slug}/edit`),
      body: () => ({ name: "Renamed by the matrix", website: "https://example.org" }),
      expect: { ...managers(302), outsider: 403, secretariat: 403 },
    },
  ],
  "routes/organization-members": [
    { method: "GET", path: (w) => p(`/organizations/${w.slug}/members`), expect: { ...managers(200), member: 200 } },
    {
      method: "POST",
      path: (w) => p(`/organizations/${w.slug}/members`),
      body: (w) => ({ intent: "invite", email: `invitee${w.n}@matrix.test`, role: "staff", locale: "pt" }),
      expect: managers(200),
    },
  ],
  "routes/invitation": [
    { method: "GET", path: (w) => p(`/invitations/${w.invitationToken}`), expect: everyone(200) },
    // Only the invited address may accept (here: the outsider's); anyone else is refused.
    { method: "POST", path: (w) => p(`/invitations/${w.invitationToken}`), expect: { ...signedIn(403), outsider: 302 } },
  ],
  "routes/sign-up": [
    { method: "GET", path: () => p("/sign-up"), expect: everyone(200) },
    { method: "POST", path: () => p("/sign-up"), body: () => ({ name: "", email: "not-an-address", password: "short" }), expect: everyone(400) },
  ],
  "routes/check-email": [{ method: "GET", path: () => p("/check-email"), expect: everyone(200) }],
  "routes/verify-email": [{ method: "GET", path: () => p("/verify-email?token=not-a-token"), expect: everyone(400) }],
  "routes/sign-in": [
    { method: "GET", path: () => p("/sign-in"), expect: everyone(200) },
    { method: "POST", path: () => p("/sign-in"), body: (w) => ({ email: `nobody${w.n}@matrix.test`, password: "wrong password here" }), expect: everyone(401) },
  ],
  // Without a pending sign-in (a password just given) there is no second step to take.
  "routes/sign-in-two-factor": [
    { method: "GET", path: () => p("/sign-in/two-factor"), expect: everyone(302) },
    { method: "POST", path: () => p("/sign-in/two-factor"), body: () => ({ code: "123456" }), expect: everyone(302) },
  ],
  // No single sign-on provider is configured here.
  "routes/sign-in-sso": [
    { method: "GET", path: () => p("/sign-in/sso"), expect: everyone(302) },
    { method: "POST", path: () => p("/sign-in/sso"), expect: everyone(404) },
  ],
  "routes/sign-out": [
    { method: "GET", path: () => p("/sign-out"), expect: everyone(302) },
    { method: "POST", path: () => p("/sign-out"), expect: everyone(302), ownSession: true },
  ],
  "routes/forgot-password": [
    { method: "GET", path: () => p("/forgot-password"), expect: everyone(200) },
    { method: "POST", path: () => p("/forgot-password"), body: () => ({ email: "nobody@matrix.test" }), expect: everyone(200) },
  ],
  "routes/reset-password": [
    { method: "GET", path: () => p("/reset-password?token=not-a-token"), expect: everyone(200) },
    { method: "POST", path: () => p("/reset-password"), body: () => ({ token: "not-a-token", password: "a long enough new password 1" }), expect: everyone(400) },
  ],
  "routes/account": [
    { method: "GET", path: () => p("/account"), expect: signedIn(200) },
    { method: "POST", path: () => p("/account"), body: () => ({ name: "", locale: "xx" }), expect: signedIn(400) },
  ],
  "routes/account-sessions": [
    { method: "GET", path: () => p("/account/sessions"), expect: signedIn(200) },
    { method: "POST", path: () => p("/account/sessions"), expect: signedIn(200) },
  ],
  "routes/account-two-factor": [
    { method: "GET", path: () => p("/account/two-factor"), expect: signedIn(200) },
    { method: "POST", path: () => p("/account/two-factor"), body: () => ({ intent: "enable", password: "wrong password here" }), expect: signedIn(400) },
  ],
  "routes/account-organizations": [
    { method: "GET", path: () => p("/account/organizations"), expect: signedIn(200) },
    {
      method: "POST",
      path: () => p("/account/organizations"),
      body: (w) => ({ slug: w.slug }),
      expect: { anonymous: 302, member: 200, outsider: 403, focalPoint: 200, secretariat: 403, admin: 403 },
    },
  ],
  "routes/account-tokens": [
    { method: "GET", path: () => p("/account/tokens"), expect: signedIn(200) },
    { method: "POST", path: () => p("/account/tokens"), body: () => ({ name: "matrix", scope: "read", expiresInDays: "7" }), expect: signedIn(200) },
  ],
  "routes/account-email": [
    { method: "GET", path: () => p("/account/email"), expect: signedIn(200) },
    { method: "POST", path: () => p("/account/email"), body: () => ({ newEmail: "not-an-address" }), expect: signedIn(400) },
  ],
  "routes/account-email-confirm": [
    { method: "GET", path: () => p("/account/email/confirm?token=not-a-token"), expect: everyone(200) },
    { method: "POST", path: () => p("/account/email/confirm"), body: () => ({ token: "not-a-token" }), expect: everyone(400) },
  ],
  "routes/account-export": [{ method: "GET", path: () => p("/account/export"), expect: signedIn(200) }],
  "routes/account-delete": [
    { method: "GET", path: () => p("/account/delete"), expect: signedIn(200) },
    { method: "POST", path: () => p("/account/delete"), body: () => ({ password: "wrong password here" }), expect: signedIn(400) },
  ],
  "routes/account-deleted": [{ method: "GET", path: () => p("/account/deleted"), expect: everyone(200) }],
  "routes/admin": [{ method: "GET", path: () => p("/admin"), expect: adminOnly(200) }],
  "routes/admin-users": [
    { method: "GET", path: () => p("/admin/users?q=matrix"), expect: adminOnly(200) },
    { method: "POST", path: () => p("/admin/users"), body: (w) => ({ intent: "disable", userId: w.memberId }), expect: adminOnly(200) },
  ],
  "routes/admin-organizations": [
    { method: "GET", path: () => p("/admin/organizations"), expect: adminOnly(200) },
    { method: "POST", path: () => p("/admin/organizations"), body: (w) => ({ intent: "verify", slug: w.slug }), expect: adminOnly(200) },
  ],
  "routes/admin-audit": [{ method: "GET", path: () => p("/admin/audit?kind=sign_in"), expect: adminOnly(200) }],
};

/** API operations by "METHOD /path" as the API registers them. */
const apiRows: Record<string, Row> = {
  ...Object.assign({}, ...areas.map((a) => a.apiRows)),
  "GET /countries": { method: "GET", path: () => "/countries?region=005", expect: everyone(200) },
  "GET /cities": { method: "GET", path: () => "/cities?q=rosario", expect: everyone(200) },
  "GET /cities/:id": { method: "GET", path: (w) => `/cities/${w.cityId}`, expect: everyone(200) },
  "GET /themes": { method: "GET", path: () => "/themes", expect: everyone(200) },
  "GET /sdgs": { method: "GET", path: () => "/sdgs", expect: everyone(200) },
  "GET /openapi.json": { method: "GET", path: () => "/openapi.json", expect: everyone(200) },
  "GET /me": { method: "GET", path: () => "/me", expect: signedIn(200, 401) },
  "GET /organizations": { method: "GET", path: () => "/organizations?q=matrix", expect: everyone(200) },
  "POST /organizations": {
    method: "POST",
    path: () => "/organizations",
    body: (w) => ({ name: `Matrix API organization ${w.n}`, kind: "company", countryCode: "AR" }),
    expect: signedIn(201, 401),
  },
  "GET /organizations/:slug": { method: "GET", path: (w) => `/organizations/${w.slug}`, expect: everyone(200) },
  "PATCH /organizations/:slug": {
    method: "PATCH",
    path: (w) => `/organizations/${w.slug}`,
    body: () => ({ website: "https://example.org/matrix" }),
    expect: { ...managers(200, 401), outsider: 403, secretariat: 403 },
  },
  "GET /organizations/:slug/members": { method: "GET", path: (w) => `/organizations/${w.slug}/members`, expect: { ...managers(200, 401), member: 200 } },
  "PATCH /organizations/:slug/members/:userId": {
    method: "PATCH",
    path: (w) => `/organizations/${w.slug}/members/${w.memberId}`,
    body: () => ({ role: "authority" }),
    expect: managers(204, 401),
  },
  "DELETE /organizations/:slug/members/:userId": { method: "DELETE", path: (w) => `/organizations/${w.slug}/members/${w.memberId}`, expect: managers(204, 401) },
  "POST /organizations/:slug/invitations": {
    method: "POST",
    path: (w) => `/organizations/${w.slug}/invitations`,
    body: (w) => ({ email: `api-invitee${w.n}@matrix.test`, role: "staff", locale: "es" }),
    expect: managers(201, 401),
  },
  "DELETE /organizations/:slug/invitations/:invitationId": {
    method: "DELETE",
    path: (w) => `/organizations/${w.slug}/invitations/${w.invitationId}`,
    expect: managers(204, 401),
  },
  "POST /invitations/:token/acceptance": {
    method: "POST",
    path: (w) => `/invitations/${w.invitationToken}/acceptance`,
    expect: { ...signedIn(403, 401), outsider: 200 },
  },
  "POST /organizations/:slug/join-requests": {
    method: "POST",
    path: (w) => `/organizations/${w.slug}/join-requests`,
    body: () => ({ message: "From the matrix" }),
    // Members are already in; everyone else may ask.
    expect: { anonymous: 401, member: 403, outsider: 201, focalPoint: 403, secretariat: 201, admin: 201 },
  },
  "POST /organizations/:slug/join-requests/:requestId/decision": {
    method: "POST",
    path: (w) => `/organizations/${w.slug}/join-requests/${w.joinRequestId}/decision`,
    body: () => ({ decision: "approve", role: "staff" }),
    expect: managers(204, 401),
  },
  "PUT /me/acting-organization": {
    method: "PUT",
    path: () => "/me/acting-organization",
    body: (w) => ({ slug: w.slug }),
    expect: { anonymous: 401, member: 204, outsider: 403, focalPoint: 204, secretariat: 403, admin: 403 },
  },
  "POST /organizations/:slug/verification": { method: "POST", path: (w) => `/organizations/${w.slug}/verification`, expect: adminOnly(204, 401) },
  "POST /organization-merges": {
    method: "POST",
    path: () => "/organization-merges",
    body: (w) => ({ duplicate: w.duplicateSlug, into: w.slug }),
    expect: adminOnly(204, 401),
  },
  "GET /tokens": { method: "GET", path: () => "/tokens", expect: signedIn(200, 401) },
  "POST /tokens": { method: "POST", path: () => "/tokens", body: () => ({ name: "matrix", scope: "read", expiresInDays: 7 }), expect: signedIn(201, 401) },
  // Someone else's token does not exist for the caller.
  "DELETE /tokens/:id": { method: "DELETE", path: (w) => `/tokens/${w.tokenId}`, expect: { ...signedIn(404, 401), focalPoint: 204 } },
  "GET /users": { method: "GET", path: () => "/users?q=matrix", expect: adminOnly(200, 401) },
  "POST /users/:id/disable": { method: "POST", path: (w) => `/users/${w.memberId}/disable`, expect: adminOnly(204, 401) },
  "POST /users/:id/enable": { method: "POST", path: (w) => `/users/${w.memberId}/enable`, expect: adminOnly(204, 401) },
  "GET /audit-events": { method: "GET", path: () => "/audit-events?kind=sign_in", expect: adminOnly(200, 401) },
};

const origin = "http://pares.test";
const secret = "matrix-secret-matrix-secret-matrix-secret";
let services: AppServices;
let app: ReturnType<typeof createApp>;
let build: ServerBuild;
let routeIds: { id: string; methods: string[] }[];
let apiOperations: string[];
const cookies = {} as Record<Kind, string>;
const tokens = {} as Record<Kind, string>;
const people = {} as Record<Exclude<Kind, "anonymous">, string>;
const emails: Record<Exclude<Kind, "anonymous">, string> = {
  member: "lucia.fernandez@buenosaires.example",
  outsider: "diego.silva@udelar.example",
  focalPoint: "martin.pereyra@buenosaires.example",
  secretariat: "secretaria@mercociudades.example",
  admin: "admin@pares.example",
};

const totpSecrets: Partial<Record<Kind, string>> = {};

/** Signs the person in, with their second factor when they have one, and returns the session cookie. */
async function sessionCookie(kind: Exclude<Kind, "anonymous">): Promise<string> {
  const jar = cookieJar();
  const result = await signIn(services, { email: emails[kind], password: demoPassword }, new Headers());
  jar.keep(result.headers);
  if (result.twoFactorRequired) jar.keep((await completeTwoFactorSignIn(services, { code: totpCode(totpSecrets[kind]!) }, jar.headers())).headers);
  return jar.headers().get("cookie")!;
}

/** Administrators and secretariats work with two-factor sign-in: it is turned on as a person would. */
async function turnOnTwoFactor(kind: Exclude<Kind, "anonymous">, cookie: string): Promise<string> {
  const jar = cookieJar();
  const headers = new Headers({ cookie });
  const setup = await enableTwoFactor(services, { password: demoPassword }, headers);
  totpSecrets[kind] = setup.secret;
  jar.keep(new Headers(cookie.split("; ").map((c) => ["set-cookie", c] as [string, string])));
  jar.keep((await confirmTwoFactor(services, { code: totpCode(setup.secret) }, headers)).headers);
  return jar.headers().get("cookie")!;
}

let counter = 0;
let montevideo: number | undefined;

beforeAll(async () => {
  ensureBuild();
  build = (await import(pathToFileURL(`${root}build/server/index.js`).href)) as ServerBuild;
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: "production", PUBLIC_URL: origin, API_TOKEN_RATE_LIMIT: "100000" });
  const auth = createAuth({ db: database.db, secret, baseURL: origin, emails: accountsAuthEmails(database.db) });
  services = { auth, config, database, db: database.db, log: createLogger("silent"), files: (await import("./matrix/support.ts")).matrixFiles };
  app = createApp({ services, secret, build });
  routeIds = Object.entries(build.routes)
    .filter(([id]) => id !== "root")
    .map(([id, route]) => {
      const module = route!.module as { loader?: unknown; action?: unknown; default?: unknown };
      return { id, methods: [...(module.loader || module.default ? ["GET"] : []), ...(module.action ? ["POST"] : [])] };
    });
  apiOperations = createApiV1(services)
    .routes.filter((r) => r.method !== "ALL")
    .map((r) => `${r.method} ${r.path}`);

  // The actors: demo people, each signed in once (the administrator and the secretariat
  // confirm a second factor after signing in, as their roles require).
  cookies.anonymous = "";
  for (const [kind, email] of Object.entries(emails) as [Exclude<Kind, "anonymous">, string][]) {
    cookies[kind] = await sessionCookie(kind);
    if (kind === "secretariat" || kind === "admin") cookies[kind] = await turnOnTwoFactor(kind, cookies[kind]);
    const [user] = await database.db.select().from(users).where(eq(users.email, email));
    people[kind] = user!.id;
    const actor = (await loadActor(services, user!.id))!;
    tokens[kind] = (await createToken(services, actor, { name: "matrix", scope: "write", expiresInDays: 1 })).token;
  }
}, 300_000);
afterAll(() => services?.database.close());

async function freshWorld(): Promise<World> {
  const n = ++counter;
  const db = services.db;
  const org = await createOrganizationRecord(db, { name: `Matrix organization ${n}`, kind: "civil_society", countryCode: "UY" });
  const duplicate = await createOrganizationRecord(db, { name: `Matrix duplicate ${n}`, kind: "civil_society", countryCode: "UY" });
  await addMember(db, org.id, people.focalPoint, "focal_point");
  await addMember(db, org.id, people.member, "staff");
  const memberId = await createPerson(db, { name: `Matrix staff ${n}`, email: `staff${n}@matrix.test`, password: "unused" });
  await addMember(db, org.id, memberId, "staff");
  const asker = await createPerson(db, { name: `Matrix asker ${n}`, email: `asker${n}@matrix.test`, password: "unused" });
  const [request] = await db.insert(joinRequests).values({ organizationId: org.id, userId: asker }).returning({ id: joinRequests.id });
  const [outsider] = await db.select({ email: users.email }).from(users).where(eq(users.id, people.outsider));
  const invitationToken = newSecret();
  const [invitation] = await db
    .insert(invitations)
    .values({ organizationId: org.id, email: outsider!.email, role: "staff", locale: "es", tokenHash: hashSecret(invitationToken), expiresAt: new Date(Date.now() + 86_400_000) })
    .returning({ id: invitations.id });
  const [token] = await db
    .insert(personalAccessTokens)
    .values({ userId: people.focalPoint, name: `matrix ${n}`, scope: "read", tokenHash: hashSecret(newSecret()), prefix: "pares_matrix", expiresAt: new Date(Date.now() - 1000) })
    .returning({ id: personalAccessTokens.id });
  const world: World = {
    slug: org.slug,
    organizationId: org.id,
    duplicateSlug: duplicate.slug,
    memberId,
    invitationToken,
    invitationId: invitation!.id,
    joinRequestId: request!.id,
    tokenId: token!.id,
    cityId: (montevideo ??= (await findCityId(db, "Montevideo", "UY"))!),
    n,
    areas: {},
  };
  for (const area of areas) if (area.prepare) world.areas[area.name] = await area.prepare({ db, people, world });
  return world;
}

async function requestPage(kind: Kind, row: Row, world: World): Promise<number> {
  const csrf = issueCsrfToken(secret);
  const session = row.ownSession && kind !== "anonymous" ? await sessionCookie(kind) : cookies[kind];
  const headers = new Headers({ cookie: [session, `${csrfCookieName}=${csrf}`].filter(Boolean).join("; "), "accept-language": "en" });
  let body: string | undefined;
  if (row.method !== "GET") {
    headers.set("content-type", "application/x-www-form-urlencoded");
    headers.set("origin", origin);
    body = new URLSearchParams({ [csrfFieldName]: csrf, ...Object.fromEntries(Object.entries(row.body?.(world) ?? {}).map(([k, v]) => [k, String(v)])) }).toString();
  }
  const res = await app.request(`${origin}${row.path(world)}`, { method: row.method, headers, body, redirect: "manual" });
  await res.arrayBuffer();
  return res.status;
}

async function requestApi(kind: Kind, row: Row, world: World): Promise<number> {
  const headers = new Headers({ "accept-language": "en" });
  if (kind !== "anonymous") headers.set("authorization", `Bearer ${tokens[kind]}`);
  const body = row.body ? JSON.stringify(row.body(world)) : undefined;
  if (body) headers.set("content-type", "application/json");
  const res = await app.request(`${origin}/api/v1${row.path(world)}`, { method: row.method, headers, body });
  await res.arrayBuffer();
  return res.status;
}

describe("authorization matrix", () => {
  it("has a row for every page route and method, and for every API operation", () => {
    const missingPages = routeIds.flatMap(({ id, methods }) =>
      methods.filter((m) => !(pageRows[id] ?? []).some((r) => r.method === m)).map((m) => `${m} ${id}`),
    );
    const missingApi = apiOperations.filter((op) => !apiRows[op]);
    expect({ missingPages, missingApi }).toEqual({ missingPages: [], missingApi: [] });
    const stalePages = Object.keys(pageRows).filter((id) => !routeIds.some((r) => r.id === id));
    const staleApi = Object.keys(apiRows).filter((op) => !apiOperations.includes(op));
    expect({ stalePages, staleApi }).toEqual({ stalePages: [], staleApi: [] });
  });

  it("answers every cell as the table says", async () => {
    const mismatches: string[] = [];
    let cells = 0;
    // Reading changes nothing: one world serves every read; each change gets a world of its own.
    const shared = await freshWorld();
    const check = async (label: string, row: Row, send: (kind: Kind, row: Row, world: World) => Promise<number>) => {
      for (const kind of kinds) {
        const status = await send(kind, row, row.method === "GET" ? shared : await freshWorld());
        cells++;
        if (status !== row.expect[kind]) mismatches.push(`${label} as ${kind}: expected ${row.expect[kind]}, got ${status}`);
      }
    };
    for (const [id, rows] of Object.entries(pageRows)) for (const row of rows) await check(`${row.method} ${id}`, row, requestPage);
    for (const [op, row] of Object.entries(apiRows)) await check(`API ${op}`, row, requestApi);
    expect(mismatches).toEqual([]);
    // Reported in the closing note of the issue: how many cells the matrix asserts.
    console.info(`authorization matrix: ${cells} cells asserted`);
    expect(cells).toBe((Object.values(pageRows).flat().length + Object.keys(apiRows).length) * kinds.length);
  }, 1_500_000);
});
