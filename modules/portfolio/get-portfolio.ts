// A city's portfolio (seed 001: "the page a city's international-relations office opens every
// morning"): every network the organization takes part in, hosted here or recorded as external,
// grouped as regional, global and thematic; in each its membership, the roles it holds now,
// held before and will hold, the units where its people work and who, its candidacies and what
// is coming; and alerts for what needs attention. Only its members and platform administrators
// see it (it names the organization's people).
import { sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { localize, localizedText, type LocalizedText } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import type { BodyKind, CandidacyStatus, RoleKind } from "../governance/schema.ts";
import type { MembershipStatus, NetworkKind } from "../networks/schema.ts";
import { networkKinds } from "../networks/schema.ts";
import type { Actor } from "../organizations/actor.ts";
import { findOrganization } from "../organizations/find-organization.ts";
import { portfolioPolicy } from "./policy.ts";

/** What the alerts and the "coming up" list measure, in days. */
export const portfolioThresholds = {
  /** A membership inactive or suspended whose status has not changed for longer than this. */
  staleMembershipDays: 180,
  /** A current role ending within this many days. */
  roleEndingDays: 90,
  /** Roles ending within this many days are listed as coming up. */
  comingUpDays: 365,
} as const;

/** Bodies whose members are technical teams (where an organization's people take part). */
const unitKinds: readonly BodyKind[] = ["thematic_unit", "working_group", "commission"];

export interface NetworkRef {
  slug: string;
  name: string;
  acronym: string | null;
  kind: NetworkKind;
  hosted: boolean;
}

export interface PortfolioRole {
  id: string;
  role: RoleKind;
  bodySlug: string;
  bodyKind: BodyKind;
  bodyName: LocalizedText;
  startsOn: string;
  endsOn: string | null;
  termLabel: string | null;
  /** Where the role is documented (real data); null for rows entered here or invented demo rows. */
  sourceUrl: string | null;
}

export interface PortfolioUnit {
  bodySlug: string;
  bodyName: LocalizedText;
  /** The organization holds a current role in the unit (member, coordinator…). */
  participates: boolean;
  /** The organization's people in the unit's technical team. */
  people: { userId: string; name: string }[];
}

export interface PortfolioCandidacy {
  id: string;
  role: "coordinator" | "sub_coordinator";
  status: CandidacyStatus;
  bodySlug: string;
  bodyName: LocalizedText;
  termLabel: string;
  termStartsOn: string;
  termEndsOn: string;
}

export interface CandidacyWindow {
  termLabel: string;
  opensOn: string;
  closesOn: string;
  termStartsOn: string;
}

export interface PortfolioNetwork extends NetworkRef {
  membership: {
    status: MembershipStatus;
    category: string | null;
    since: string | null;
    founding: boolean;
    /** When the status last changed (ISO 8601). */
    statusChangedAt: string;
    sourceUrl: string | null;
  } | null;
  current: PortfolioRole[];
  /** Roles that ended, the most recent first. */
  past: PortfolioRole[];
  /** Roles approved for a term that has not started. */
  upcoming: PortfolioRole[];
  units: PortfolioUnit[];
  candidacies: PortfolioCandidacy[];
  openWindows: CandidacyWindow[];
}

export type PortfolioAlert =
  | { kind: "membership_stale"; network: NetworkRef; status: MembershipStatus; since: string; days: number }
  | { kind: "role_ending"; network: NetworkRef; role: PortfolioRole; days: number }
  | { kind: "unit_without_people"; network: NetworkRef; bodySlug: string; bodyName: LocalizedText };

/**
 * What is coming, by date. Typed items, so later modules (meetings, calls) add their own kinds.
 * A candidacy appears while it awaits the decision (dated by its term's start); once approved
 * it is the role that starts then ("role_starts"), listed once.
 */
export type ComingUpItem =
  | { kind: "role_ends"; date: string; network: NetworkRef; role: PortfolioRole }
  | { kind: "role_starts"; date: string; network: NetworkRef; role: PortfolioRole }
  | { kind: "candidacy_window"; date: string; network: NetworkRef; window: CandidacyWindow }
  | { kind: "candidacy"; date: string; network: NetworkRef; candidacy: PortfolioCandidacy };

export interface Portfolio {
  organization: { id: string; slug: string; name: string };
  /** What the person looking may do from here. */
  viewer: {
    /** The organization's focal point may record a network not hosted here, so the portfolio is complete. */
    canRecordExternal: boolean;
  };
  /** The day the portfolio was computed for (YYYY-MM-DD, UTC). */
  asOf: string;
  groups: { kind: NetworkKind; networks: PortfolioNetwork[] }[];
  alerts: PortfolioAlert[];
  comingUp: ComingUpItem[];
}

interface NetworkRow extends Record<string, unknown> {
  id: string;
  slug: string;
  name: string;
  names: Translated;
  acronyms: Translated;
  kind: NetworkKind;
  hosted: boolean;
  status: MembershipStatus | null;
  since: string | null;
  founding: boolean | null;
  status_changed_at: Date | string | null;
  source_url: string | null;
  category_names: Translated | null;
}
interface RoleRow extends Record<string, unknown> {
  id: string;
  network_id: string;
  role: RoleKind;
  starts_on: string;
  ends_on: string | null;
  source_url: string | null;
  term_label: string | null;
  body_slug: string;
  body_kind: BodyKind;
  body_names: Translated;
  name_language: string;
}
interface ParticipantRow extends Record<string, unknown> {
  network_id: string;
  body_slug: string;
  body_kind: BodyKind;
  body_names: Translated;
  name_language: string;
  user_id: string;
  user_name: string;
}
interface CandidacyRow extends Record<string, unknown> {
  id: string;
  network_id: string;
  role: "coordinator" | "sub_coordinator";
  status: CandidacyStatus;
  term_label: string;
  term_starts_on: string;
  term_ends_on: string;
  body_slug: string;
  body_names: Translated;
  name_language: string;
  /** The approved candidacy became a role (the usual case). */
  has_role: boolean;
}
interface WindowRow extends Record<string, unknown> {
  network_id: string;
  label: string;
  opens_on: string;
  closes_on: string;
  starts_on: string;
}

export interface PortfolioRows {
  networks: NetworkRow[];
  roles: RoleRow[];
  participants: ParticipantRow[];
  candidacies: CandidacyRow[];
  windows: WindowRow[];
}

/**
 * The five indexed queries behind a portfolio (networks with the membership, roles, technical
 * teams, candidacies of current and coming terms, candidacy windows open today). Exported for the bench.
 */
export async function loadPortfolioRows(ctx: ServiceContext, organizationId: string, today: string): Promise<PortfolioRows> {
  const [networks, roles, participants, candidacies, windows] = await Promise.all([
    queryRows<NetworkRow>(
      ctx.db,
      sql`with involved as (
            select network_id from network_memberships where organization_id = ${organizationId} and status <> 'declined'
            union select network_id from network_roles where organization_id = ${organizationId}
            union select network_id from network_candidacies where organization_id = ${organizationId}
          )
          select n.id, n.slug, n.name, n.names, n.acronyms, n.kind, n.hosted,
                 m.status, m.since::text as since, m.founding, m.status_changed_at, m.source_url, c.names as category_names
          from involved i
          join networks n on n.id = i.network_id
          left join network_memberships m on m.network_id = n.id and m.organization_id = ${organizationId}
          left join network_categories c on c.id = m.category_id`,
    ),
    queryRows<RoleRow>(
      ctx.db,
      sql`select r.id, r.network_id, r.role, r.starts_on::text as starts_on, r.ends_on::text as ends_on, r.source_url,
                 t.label as term_label, b.slug as body_slug, b.kind as body_kind, b.names as body_names, b.name_language
          from network_roles r
          join network_bodies b on b.id = r.body_id
          left join network_terms t on t.id = r.term_id
          where r.organization_id = ${organizationId}
          order by r.starts_on desc, b.position`,
    ),
    // Only people who are still members of the organization.
    queryRows<ParticipantRow>(
      ctx.db,
      sql`select b.network_id, b.slug as body_slug, b.kind as body_kind, b.names as body_names, b.name_language,
                 u.id as user_id, u.name as user_name
          from network_body_participants p
          join organization_members om on om.organization_id = p.organization_id and om.user_id = p.user_id
          join users u on u.id = p.user_id
          join network_bodies b on b.id = p.body_id
          where p.organization_id = ${organizationId}
          order by u.name`,
    ),
    queryRows<CandidacyRow>(
      ctx.db,
      sql`select k.id, k.network_id, k.role, k.status, t.label as term_label, t.starts_on::text as term_starts_on,
                 t.ends_on::text as term_ends_on, b.slug as body_slug, b.names as body_names, b.name_language,
                 exists (select 1 from network_roles r where r.candidacy_id = k.id) as has_role
          from network_candidacies k
          join network_terms t on t.id = k.term_id
          join network_bodies b on b.id = k.body_id
          where k.organization_id = ${organizationId} and t.ends_on >= ${today}::date
          order by t.starts_on, b.position`,
    ),
    queryRows<WindowRow>(
      ctx.db,
      sql`select t.network_id, t.label, t.candidacies_open_on::text as opens_on, t.candidacies_close_on::text as closes_on,
                 t.starts_on::text as starts_on
          from network_memberships m
          join networks n on n.id = m.network_id and n.hosted
          join network_terms t on t.network_id = m.network_id
          where m.organization_id = ${organizationId} and m.status = 'active'
            and t.candidacies_open_on <= ${today}::date and t.candidacies_close_on >= ${today}::date
          order by t.candidacies_close_on`,
    ),
  ]);
  return { networks, roles, participants, candidacies, windows };
}

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

/** Today as YYYY-MM-DD in UTC. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Puts the rows together: groups, roles by time, units, alerts and what is coming. */
export function assemblePortfolio(
  organization: Portfolio["organization"],
  rows: PortfolioRows,
  locale: Locale,
  today: string,
  viewer: Portfolio["viewer"] = { canRecordExternal: false },
): Portfolio {
  const collator = new Intl.Collator(locale);
  const body = (names: Translated, language: string, slug: string): LocalizedText =>
    localize(names, locale, language) ?? { text: slug, language: locale, fallback: false };
  const byId = new Map<string, PortfolioNetwork>();
  for (const n of rows.networks) {
    byId.set(n.id, {
      slug: n.slug,
      name: n.names[locale] || n.name,
      acronym: n.acronyms[locale] || Object.values(n.acronyms).find(Boolean) || null,
      kind: n.kind,
      hosted: n.hosted,
      membership: n.status
        ? {
            status: n.status,
            category: n.category_names ? localizedText(n.category_names, locale, "es") || null : null,
            since: n.since,
            founding: n.founding === true,
            statusChangedAt: new Date(n.status_changed_at ?? Date.now()).toISOString(),
            sourceUrl: n.source_url,
          }
        : null,
      current: [],
      past: [],
      upcoming: [],
      units: [],
      candidacies: [],
      openWindows: [],
    });
  }
  const refOf = (n: PortfolioNetwork): NetworkRef => ({ slug: n.slug, name: n.name, acronym: n.acronym, kind: n.kind, hosted: n.hosted });
  const alerts: PortfolioAlert[] = [];
  const comingUp: ComingUpItem[] = [];

  const units = new Map<string, PortfolioUnit & { networkId: string }>();
  const unitOf = (networkId: string, slug: string, name: LocalizedText) => {
    const key = `${networkId}/${slug}`;
    let unit = units.get(key);
    if (!unit) units.set(key, (unit = { networkId, bodySlug: slug, bodyName: name, participates: false, people: [] }));
    return unit;
  };

  for (const r of rows.roles) {
    const network = byId.get(r.network_id);
    if (!network) continue;
    const role: PortfolioRole = {
      id: r.id,
      role: r.role,
      bodySlug: r.body_slug,
      bodyKind: r.body_kind,
      bodyName: body(r.body_names, r.name_language, r.body_slug),
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      termLabel: r.term_label,
      sourceUrl: r.source_url,
    };
    if (r.starts_on > today) {
      network.upcoming.push(role);
      comingUp.push({ kind: "role_starts", date: r.starts_on, network: refOf(network), role });
    } else if (r.ends_on !== null && r.ends_on < today) {
      network.past.push(role);
    } else {
      network.current.push(role);
      if (unitKinds.includes(r.body_kind)) unitOf(r.network_id, r.body_slug, role.bodyName).participates = true;
      if (r.ends_on !== null) {
        const days = daysBetween(today, r.ends_on);
        if (days <= portfolioThresholds.roleEndingDays) alerts.push({ kind: "role_ending", network: refOf(network), role, days });
        if (days <= portfolioThresholds.comingUpDays) comingUp.push({ kind: "role_ends", date: r.ends_on, network: refOf(network), role });
      }
    }
  }
  for (const p of rows.participants) {
    if (!byId.has(p.network_id)) continue;
    const unit = unitOf(p.network_id, p.body_slug, body(p.body_names, p.name_language, p.body_slug));
    if (!unit.people.some((x) => x.userId === p.user_id)) unit.people.push({ userId: p.user_id, name: p.user_name });
  }
  for (const { networkId, ...unit } of units.values()) {
    const network = byId.get(networkId)!;
    network.units.push(unit);
    if (unit.participates && unit.people.length === 0) {
      alerts.push({ kind: "unit_without_people", network: refOf(network), bodySlug: unit.bodySlug, bodyName: unit.bodyName });
    }
  }
  for (const c of rows.candidacies) {
    const network = byId.get(c.network_id);
    if (!network) continue;
    const candidacy: PortfolioCandidacy = {
      id: c.id,
      role: c.role,
      status: c.status,
      bodySlug: c.body_slug,
      bodyName: body(c.body_names, c.name_language, c.body_slug),
      termLabel: c.term_label,
      termStartsOn: c.term_starts_on,
      termEndsOn: c.term_ends_on,
    };
    network.candidacies.push(candidacy);
    // An approved candidacy is its role from the term's start (listed as "role_starts" above).
    if ((c.status === "submitted" || (c.status === "approved" && !c.has_role)) && c.term_starts_on > today) {
      comingUp.push({ kind: "candidacy", date: c.term_starts_on, network: refOf(network), candidacy });
    }
  }
  for (const w of rows.windows) {
    const network = byId.get(w.network_id);
    if (!network) continue;
    const window = { termLabel: w.label, opensOn: w.opens_on, closesOn: w.closes_on, termStartsOn: w.starts_on };
    network.openWindows.push(window);
    comingUp.push({ kind: "candidacy_window", date: w.closes_on, network: refOf(network), window });
  }
  const staleBefore = Date.parse(`${addDays(today, -portfolioThresholds.staleMembershipDays)}T00:00:00Z`);
  for (const network of byId.values()) {
    const m = network.membership;
    if (m && (m.status === "inactive" || m.status === "suspended") && Date.parse(m.statusChangedAt) < staleBefore) {
      const since = m.statusChangedAt.slice(0, 10);
      alerts.push({ kind: "membership_stale", network: refOf(network), status: m.status, since, days: daysBetween(since, today) });
    }
    network.units.sort((a, b) => collator.compare(a.bodyName.text, b.bodyName.text));
  }

  // Active memberships first, then by name.
  const standing = (n: PortfolioNetwork) => (n.membership?.status === "active" ? 0 : n.membership?.status === "applicant" ? 1 : 2);
  const groups = networkKinds.map((kind) => ({
    kind,
    networks: [...byId.values()].filter((n) => n.kind === kind).sort((a, b) => standing(a) - standing(b) || collator.compare(a.name, b.name)),
  }));
  const alertOrder: PortfolioAlert["kind"][] = ["role_ending", "membership_stale", "unit_without_people"];
  alerts.sort(
    (a, b) =>
      alertOrder.indexOf(a.kind) - alertOrder.indexOf(b.kind) ||
      (a.kind === "role_ending" && b.kind === "role_ending" ? a.days - b.days : 0) ||
      collator.compare(a.network.name, b.network.name),
  );
  comingUp.sort((a, b) => a.date.localeCompare(b.date) || collator.compare(a.network.name, b.network.name));
  return { organization, viewer, asOf: today, groups, alerts, comingUp };
}

/** An organization's portfolio, for its members and platform administrators (others: not found). */
export async function getPortfolio(ctx: ServiceContext, actor: Actor, slug: string, locale: Locale, today = todayUtc()): Promise<Portfolio> {
  requireSignedIn(actor);
  const org = await findOrganization(ctx.db, slug);
  authorize(portfolioPolicy.view(actor, org.id), { visible: false });
  const rows = await loadPortfolioRows(ctx, org.id, today);
  return assemblePortfolio({ id: org.id, slug: org.slug, name: org.name }, rows, locale, today, {
    canRecordExternal: portfolioPolicy.recordExternalNetwork(actor, org.id),
  });
}
