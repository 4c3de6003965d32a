// Authorization matrix rows of the portfolio area: every page route and API operation it adds.
// An organization's portfolio is for its members and administrators (others: not found); a
// network's figures and its map are public.
import { addBody, addMembership, addRole, createTestNetwork, daysFromToday } from "../../modules/portfolio/testing.ts";
import { everyone, type Expect, type MatrixArea, p } from "./support.ts";

/** The organization's members (staff and focal point) and administrators; anyone else is told it does not exist. */
const ownMembers = (status: number, anonymous = 302): Expect => ({ anonymous, member: status, outsider: 404, focalPoint: status, secretariat: 404, admin: status });

export const portfolioArea: MatrixArea = {
  name: "portfolio",
  pageRows: {
    "routes/portfolio": [{ method: "GET", path: (w) => p(`/organizations/${w.slug}/portfolio`), expect: ownMembers(200) }],
    "routes/portfolio-export": [{ method: "GET", path: (w) => p(`/organizations/${w.slug}/portfolio/export`), expect: ownMembers(200) }],
    "routes/portfolio-print": [{ method: "GET", path: (w) => p(`/organizations/${w.slug}/portfolio/print`), expect: ownMembers(200) }],
    // A hosted network's map of member cities (the image its public page shows): public.
    "routes/network-map": [{ method: "GET", path: (w) => p(`/networks/${w.areas.portfolio!.networkSlug}/map.svg`), expect: everyone(200) }],
  },
  apiRows: {
    "GET /organizations/:slug/portfolio": { method: "GET", path: (w) => `/organizations/${w.slug}/portfolio`, expect: ownMembers(200, 401) },
    "GET /networks/:slug/figures": { method: "GET", path: (w) => `/networks/${w.areas.portfolio!.networkSlug}/figures`, expect: everyone(200) },
  },
  /** A fresh network the world's organization belongs to, with a role in one of its units. */
  prepare: async ({ db, world }) => {
    const network = await createTestNetwork(db, { name: `Matrix portfolio network ${world.n}`, kind: "thematic" });
    await addMembership(db, network.id, world.organizationId, { since: "2020-01-01" });
    const unit = await addBody(db, network.id, { slug: "unit", kind: "thematic_unit", names: { es: "Unidad", en: "Unit" } });
    await addRole(db, { networkId: network.id, bodyId: unit, organizationId: world.organizationId, role: "member", startsOn: daysFromToday(-10), endsOn: daysFromToday(60) });
    return { networkSlug: network.slug };
  },
};
