// Authorization matrix rows of the networks area: every page route and API operation it adds.
// Each world gets a hosted network run by the demo secretariat (so `secretariat` runs it), with a
// logo, an application of the world's organization (its focal point's and staff's), an active
// member organization nobody else in the matrix belongs to, and an external network recorded by
// the world's organization.
import { eq } from "drizzle-orm";
import { defaultCategories } from "../../modules/networks/create-network.ts";
import { networkCategories, networkMemberships, networks } from "../../modules/networks/schema.ts";
import { createOrganizationRecord } from "../../modules/organizations/factories.ts";
import { organizations } from "../../modules/organizations/schema.ts";
import { everyone, type Expect, type MatrixArea, p, signedIn, type World } from "./support.ts";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

const n = (w: World) => w.areas.networks!;

/** The network's secretariat and administrators; everyone else signed in is refused (the network is public). */
const runners = (status: number, anonymous = 302): Expect => ({ anonymous, member: 403, outsider: 403, focalPoint: 403, secretariat: status, admin: status });
/** The secretariat decides on the world organization's application: its own people are refused, others told it does not exist. */
const deciders = (status: number, anonymous = 302): Expect => ({ anonymous, member: 403, outsider: 404, focalPoint: 403, secretariat: status, admin: status });

export const networksArea: MatrixArea = {
  name: "networks",
  async prepare({ db, world }) {
    const [secretariat] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "secretaria-tecnica-mercociudades"));
    const [network] = await db
      .insert(networks)
      .values({
        slug: `matrix-network-${world.n}`,
        name: `Matrix network ${world.n}`,
        kind: "regional",
        secretariatOrganizationId: secretariat!.id,
        logo: png,
        logoType: "image/png",
        logoUpdatedAt: new Date(),
      })
      .returning({ id: networks.id, slug: networks.slug });
    const categories = await db
      .insert(networkCategories)
      .values(defaultCategories.map((c, position) => ({ networkId: network!.id, key: c.key, names: c.names, position })))
      .returning({ id: networkCategories.id });
    const [application] = await db
      .insert(networkMemberships)
      .values({ networkId: network!.id, organizationId: world.organizationId, status: "applicant", message: "From the matrix" })
      .returning({ id: networkMemberships.id });
    const member = await createOrganizationRecord(db, { name: `Matrix member ${world.n}`, kind: "civil_society", countryCode: "AR" });
    const [active] = await db
      .insert(networkMemberships)
      .values({ networkId: network!.id, organizationId: member.id, status: "active", since: "2010-01-01", categoryId: categories[0]!.id })
      .returning({ id: networkMemberships.id });
    const [external] = await db
      .insert(networks)
      .values({ slug: `matrix-external-${world.n}`, name: `Matrix external ${world.n}`, kind: "global", hosted: false, recordedByOrganizationId: world.organizationId })
      .returning({ slug: networks.slug });
    return { slug: network!.slug, applicationId: application!.id, activeId: active!.id, externalSlug: external!.slug };
  },
  pageRows: {
    "routes/networks": [{ method: "GET", path: () => p("/networks?q=matrix&kind=regional"), expect: everyone(200) }],
    "routes/network-new": [
      { method: "GET", path: () => p("/networks/new"), expect: signedIn(200) },
      {
        method: "POST",
        path: () => p("/networks/new"),
        body: (w) => ({ intent: "external", name: `Matrix page external ${w.n}`, kind: "global", organization: w.slug }),
        // A focal point records for their organization; nobody else for it.
        expect: { ...signedIn(403), focalPoint: 302 },
      },
    ],
    "routes/network-edit": [
      { method: "GET", path: (w) => p(`/networks/${n(w).slug}/edit`), expect: runners(200) },
      {
        method: "POST",
        path: (w) => p(`/networks/${n(w).slug}/edit`),
        body: (w) => ({ intent: "profile", name: `Matrix network ${w.n} renamed`, kind: "regional", website: "https://example.org/matrix" }),
        expect: runners(302),
      },
    ],
    "routes/network-logo": [{ method: "GET", path: (w) => p(`/networks/${n(w).slug}/logo`), expect: everyone(200) }],
    "routes/network-join": [
      { method: "GET", path: (w) => p(`/networks/${n(w).slug}/join`), expect: signedIn(200) },
      {
        method: "POST",
        path: (w) => p(`/networks/${n(w).slug}/join`),
        body: () => ({ intent: "apply", message: "From the matrix" }),
        // For the organization each acts for: the focal point's city applies; staff may not; the
        // secretariat does not apply to its own network; an administrator acts for none.
        expect: { anonymous: 302, member: 403, outsider: 403, focalPoint: 302, secretariat: 409, admin: 400 },
      },
    ],
    "routes/network-members": [
      { method: "GET", path: (w) => p(`/networks/${n(w).slug}/members?country=UY&population=100k_500k`), expect: everyone(200) },
      {
        method: "POST",
        path: (w) => p(`/networks/${n(w).slug}/members`),
        body: (w) => ({ intent: "decide", membershipId: n(w).applicationId!, decision: "approve", category: "full" }),
        expect: deciders(200),
      },
    ],
    "routes/network-members-export": [{ method: "GET", path: (w) => p(`/networks/${n(w).slug}/members/export?format=xlsx`), expect: everyone(200) }],
    "routes/network-members-import": [
      { method: "GET", path: (w) => p(`/networks/${n(w).slug}/members/import`), expect: runners(200) },
      {
        method: "POST",
        path: (w) => p(`/networks/${n(w).slug}/members/import`),
        body: () => ({ intent: "check", csv: "city,country,status,since\nMontevideo,UY,active,2010-01-01\n" }),
        expect: runners(200),
      },
    ],
    "routes/network-membership": [
      {
        method: "GET",
        path: (w) => p(`/networks/${n(w).slug}/memberships/${n(w).applicationId}`),
        expect: { anonymous: 302, member: 200, outsider: 404, focalPoint: 200, secretariat: 200, admin: 200 },
      },
      {
        method: "POST",
        path: (w) => p(`/networks/${n(w).slug}/memberships/${n(w).applicationId}`),
        body: () => ({ intent: "decide", decision: "decline", reason: "From the matrix" }),
        expect: deciders(302),
      },
    ],
  },
  apiRows: {
    "GET /networks": { method: "GET", path: () => "/networks?hosted=yes&q=matrix", expect: everyone(200) },
    "POST /networks": {
      method: "POST",
      path: () => "/networks",
      body: (w) => ({ name: `Matrix API network ${w.n}`, kind: "thematic", secretariat: "secretaria-tecnica-mercociudades" }),
      expect: { ...everyone(404), anonymous: 401, admin: 201 },
    },
    "GET /networks/:slug": { method: "GET", path: (w) => `/networks/${n(w).slug}`, expect: everyone(200) },
    "PATCH /networks/:slug": {
      method: "PATCH",
      path: (w) => `/networks/${n(w).slug}`,
      body: () => ({ website: "https://example.org/matrix" }),
      expect: runners(200, 401),
    },
    // The matrix sends JSON, which is no image: those allowed get 400 (a real image: 204).
    "PUT /networks/:slug/logo": { method: "PUT", path: (w) => `/networks/${n(w).slug}/logo`, body: () => ({ not: "an image" }), expect: runners(400, 401) },
    "DELETE /networks/:slug/logo": { method: "DELETE", path: (w) => `/networks/${n(w).slug}/logo`, expect: runners(204, 401) },
    "PUT /networks/:slug/categories/:key": {
      method: "PUT",
      path: (w) => `/networks/${n(w).slug}/categories/observer`,
      // A nested JSON body: rows are typed for flat form fields, the API sends it as JSON all the same.
      body: () => ({ names: { es: "Observador", pt: "Observador", en: "Observer" } }) as unknown as Record<string, string>,
      expect: runners(200, 401),
    },
    "POST /networks/:slug/applications": {
      method: "POST",
      path: (w) => `/networks/${n(w).slug}/applications`,
      body: (w) => ({ organization: w.slug, message: "From the matrix" }),
      // Only the organization's focal point applies for it.
      expect: { ...signedIn(403, 401), focalPoint: 201 },
    },
    "POST /networks/:slug/memberships": {
      method: "POST",
      path: (w) => `/networks/${n(w).externalSlug}/memberships`,
      body: (w) => ({ organization: w.slug, since: "2020-01-01" }),
      expect: { ...signedIn(403, 401), focalPoint: 201 },
    },
    "GET /networks/:slug/members": { method: "GET", path: (w) => `/networks/${n(w).slug}/members?status=applicant&category=full`, expect: everyone(200) },
    "GET /networks/:slug/member-countries": { method: "GET", path: (w) => `/networks/${n(w).slug}/member-countries`, expect: everyone(200) },
    "GET /networks/:slug/memberships/:membershipId": {
      method: "GET",
      path: (w) => `/networks/${n(w).slug}/memberships/${n(w).applicationId}`,
      expect: { anonymous: 401, member: 200, outsider: 404, focalPoint: 200, secretariat: 200, admin: 200 },
    },
    "POST /networks/:slug/memberships/:membershipId/decision": {
      method: "POST",
      path: (w) => `/networks/${n(w).slug}/memberships/${n(w).applicationId}/decision`,
      body: () => ({ decision: "approve", category: "associate" }),
      expect: deciders(200, 401),
    },
    "POST /networks/:slug/memberships/:membershipId/status": {
      method: "POST",
      path: (w) => `/networks/${n(w).slug}/memberships/${n(w).activeId}/status`,
      body: () => ({ status: "suspended", reason: "From the matrix" }),
      // Another organization's membership: only the secretariat and administrators know it exists.
      expect: { anonymous: 401, member: 404, outsider: 404, focalPoint: 404, secretariat: 200, admin: 200 },
    },
    "POST /networks/:slug/memberships/:membershipId/withdrawal": {
      method: "POST",
      path: (w) => `/networks/${n(w).slug}/memberships/${n(w).applicationId}/withdrawal`,
      body: () => ({ reason: "From the matrix" }),
      // The organization's focal point; the secretariat and administrators see it but may not withdraw it.
      expect: { anonymous: 401, member: 403, outsider: 404, focalPoint: 200, secretariat: 403, admin: 403 },
    },
    // The matrix sends JSON, not CSV: those allowed get 422 with the file's problems.
    "POST /networks/:slug/member-imports": {
      method: "POST",
      path: (w) => `/networks/${n(w).slug}/member-imports?dryRun=true`,
      expect: runners(422, 401),
    },
    "POST /external-networks": {
      method: "POST",
      path: () => "/external-networks",
      body: (w) => ({ name: `Matrix API external ${w.n}`, kind: "global", organization: w.slug }),
      expect: { ...signedIn(403, 401), focalPoint: 201 },
    },
  },
};
