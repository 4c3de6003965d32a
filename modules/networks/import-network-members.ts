import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { auditEvents } from "../../platform/audit/schema.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { type Database, queryRows } from "../../platform/db/client.ts";
import { slugify } from "../../platform/slug.ts";
import { countries } from "../cities/schema.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { departingStatuses, endRolesOfOrganization } from "../governance/end-roles-of-organization.ts";
import { findNetwork, type NetworkRow } from "./find-network.ts";
import { type MemberStatus, today } from "./inputs.ts";
import { fold, type ImportIssue, type MemberCsvRow, parseMemberCsv } from "./member-csv.ts";
import { networkPolicy } from "./policy.ts";
import { type MembershipStatus, networkCategories, networkMembershipEvents, networkMemberships, networks } from "./schema.ts";

export interface ImportNetworkMembersInput {
  csv: string;
  /** Check every row and report what would change, changing nothing. */
  dryRun?: boolean;
}

export interface ImportCounts {
  /** Local governments created for matched cities that had none on Pares. */
  organizationsCreated: number;
  membershipsCreated: number;
  /** Memberships whose status, date or category changed. */
  membershipsUpdated: number;
  unchanged: number;
}

/** A membership the file adds: to an organization on Pares, or to the local government it creates for the city. */
export interface ImportedMember {
  line: number;
  city: { id: number; name: string; countryCode: string };
  /** slug is null in a dry run for an organization still to be created. */
  organization: { slug: string | null; name: string; created: boolean };
  status: MemberStatus;
  since: string;
  /** The category's key, or null without one. */
  category: string | null;
}

/** A current membership the file changes; only what changes is given, as from → to. */
export interface ChangedMember {
  line: number;
  organization: { slug: string; name: string };
  status?: { from: MembershipStatus; to: MemberStatus };
  since?: { from: string | null; to: string };
  /** Category keys (null: none). */
  category?: { from: string | null; to: string | null };
}

/** Every membership the file adds and every one it changes (a dry run: would add and change), by line. */
export interface ImportChanges {
  added: ImportedMember[];
  changed: ChangedMember[];
}

export interface ImportReport {
  /** Data rows in the file. */
  rowCount: number;
  /** Every problem, by line; the import changes nothing while there is one. */
  issues: ImportIssue[];
  dryRun: boolean;
  /** Whether the changes were written (a real run of a clean file). */
  imported: boolean;
  /** What the file changes (a dry run: would change); null while it has problems. */
  counts: ImportCounts | null;
  /** The same, member by member; null while it has problems. */
  changes: ImportChanges | null;
}

/** Suggestions are looked up for this many unknown names at most (each is a scan of a country's names). */
const maxSuggestedRows = 200;
const batch = 500;

interface MatchedRow extends MemberCsvRow {
  cityId: number;
  cityName: string;
  countryCode: string;
  categoryId?: string;
}

/**
 * The secretariat imports its members from CSV. Every row is checked and matched to a reference
 * city (by GeoNames id, or by name within its country; unknown and ambiguous names are errors,
 * with the closest names as suggestions); nothing changes while any row is bad. A clean file is
 * imported all at once or not at all: a city without a local government on Pares gets one, and
 * each membership is created or brought to the file's status, date and category, its history
 * recording the change. Importing the same file again changes nothing.
 */
export async function importNetworkMembers(ctx: ServiceContext, actor: Actor, slug: string, input: ImportNetworkMembersInput): Promise<ImportReport> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, slug);
  authorize(networkPolicy.manageMembers(actor, network));
  const dryRun = input.dryRun ?? false;
  const parsed = parseMemberCsv(input.csv);
  const { matched, issues } = parsed.issues.some((i) => i.column === "file" || i.line === 1)
    ? { matched: [], issues: parsed.issues }
    : await matchRows(ctx.db, network, parsed.rows, parsed.issues);
  issues.sort((a, b) => a.line - b.line || columnOrder.indexOf(a.column) - columnOrder.indexOf(b.column));
  const refused = (problems: ImportIssue[]) => ({ rowCount: parsed.rowCount, issues: problems, dryRun, imported: false, counts: null, changes: null });
  if (issues.length > 0) return refused(issues);
  if (dryRun) {
    const plan = await planChanges(ctx.db, network, matched);
    if (plan.issues.length) return refused(plan.issues);
    return { rowCount: parsed.rowCount, issues, dryRun, imported: false, counts: plan.counts, changes: changesOf(plan, new Map()) };
  }
  const outcome = await ctx.db.transaction(async (tx) => {
    // One import of a network at a time: the second of two waits and finds the first's work done.
    await tx.select({ id: networks.id }).from(networks).where(eq(networks.id, network.id)).for("update");
    // And no organization registered meanwhile (createOrganization takes the same lock): a city's
    // government created here cannot collide with one registered by hand.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('organization-create'))`);
    const plan = await planChanges(tx, network, matched);
    if (plan.issues.length) return { issues: plan.issues, counts: null, changes: null };
    const created = await applyPlan(tx, actor, network, plan);
    return { issues, counts: plan.counts, changes: changesOf(plan, created) };
  });
  return { rowCount: parsed.rowCount, ...outcome, dryRun, imported: outcome.counts !== null };
}

/** The plan member by member; `created` holds the slugs of the governments a real run created, by city. */
function changesOf(plan: Plan, created: Map<number, { id: string; slug: string }>): ImportChanges {
  const keyOf = (categoryId: string | null | undefined) => (categoryId ? (plan.categoryKeys.get(categoryId) ?? null) : null);
  const added: ImportedMember[] = [
    ...plan.newOrganizations.map((row) => ({ row, organization: { slug: created.get(row.cityId)?.slug ?? null, name: row.cityName, created: true } })),
    ...plan.newMemberships.map(({ row, organization }) => ({ row, organization: { slug: organization.slug, name: organization.name, created: false } })),
  ].map(({ row, organization }) => ({
    line: row.line,
    city: { id: row.cityId, name: row.cityName, countryCode: row.countryCode },
    organization,
    status: row.status,
    since: row.since,
    category: keyOf(row.categoryId),
  }));
  const changed: ChangedMember[] = plan.updates.map(({ row, current, organization }) => {
    const category = row.categoryId ?? current.categoryId;
    return {
      line: row.line,
      organization: { slug: organization.slug, name: organization.name },
      ...(current.status !== row.status ? { status: { from: current.status, to: row.status } } : {}),
      ...(current.since !== row.since ? { since: { from: current.since, to: row.since } } : {}),
      ...(category !== current.categoryId ? { category: { from: keyOf(current.categoryId), to: keyOf(category) } } : {}),
    };
  });
  return { added: added.sort((a, b) => a.line - b.line), changed: changed.sort((a, b) => a.line - b.line) };
}

const columnOrder = ["file", "city", "geonames_id", "country", "status", "since", "category"];

/** Matches each row to a reference city, the country and the category; adds an issue for every row that cannot be. */
async function matchRows(
  db: Database,
  network: NetworkRow,
  rows: MemberCsvRow[],
  parseIssues: ImportIssue[],
): Promise<{ matched: MatchedRow[]; issues: ImportIssue[] }> {
  const issues = [...parseIssues];
  const countryRows = await db.select({ code: countries.code, name: countries.name }).from(countries);
  const known = new Set(countryRows.map((c) => c.code));
  // A country written as a name ("Argentina", "Brasil") suggests its code.
  for (const issue of issues) {
    if (issue.column !== "country" || issue.message !== "networks.import.error.countryCode") continue;
    const written = fold(String(issue.values?.value ?? ""));
    const codes = countryRows.filter((c) => Object.values(c.name).some((n) => n && fold(n) === written)).map((c) => c.code);
    if (codes.length) issue.suggestions = codes;
  }
  const categoryRows = await db
    .select({ id: networkCategories.id, key: networkCategories.key, names: networkCategories.names })
    .from(networkCategories)
    .where(eq(networkCategories.networkId, network.id));
  const categoryOf = (value: string) =>
    categoryRows.find((c) => c.key === value.trim().toLowerCase() || Object.values(c.names).some((n) => n && fold(n) === fold(value)));

  const inKnownCountry: MemberCsvRow[] = [];
  for (const row of rows) {
    if (known.has(row.country)) inKnownCountry.push(row);
    else issues.push({ line: row.line, column: "country", message: "networks.import.error.unknownCountry", values: { value: row.country } });
  }
  const byId = inKnownCountry.filter((r) => r.geonamesId !== undefined);
  const byName = inKnownCountry.filter((r) => r.geonamesId === undefined);

  const idRows = byId.length
    ? await queryRows<{ line: number; id: number; name: string; country_code: string; admin1_name: string | null; name_matches: boolean | null }>(
        db,
        sql`with wanted as (select * from jsonb_to_recordset(${JSON.stringify(byId.map((r) => ({ line: r.line, id: r.geonamesId, name: r.city ?? null })))}::jsonb)
                              as w(line int, id int, name text))
            select w.line, c.id, c.name, c.country_code, c.admin1_name,
                   case when w.name is null then null
                        else exists (select 1 from city_names n where n.city_id = c.id and n.name_norm = public.pares_normalize(w.name)) end as name_matches
            from wanted w join cities c on c.id = w.id`,
      )
    : [];
  const nameRows = byName.length
    ? await queryRows<{ line: number; id: number; name: string; admin1_name: string | null; weight: number }>(
        db,
        sql`with wanted as (select * from jsonb_to_recordset(${JSON.stringify(byName.map((r) => ({ line: r.line, name: r.city, country: r.country })))}::jsonb)
                              as w(line int, name text, country text))
            select w.line, c.id, c.name, c.admin1_name, min(n.weight) as weight
            from wanted w
            join city_names n on n.name_norm = public.pares_normalize(w.name) and n.weight <= 1
            join cities c on c.id = n.city_id and c.country_code = w.country
            group by w.line, c.id, c.name, c.admin1_name, c.population
            order by w.line, min(n.weight), c.population desc`,
      )
    : [];

  const matched: MatchedRow[] = [];
  const needSuggestions: MemberCsvRow[] = [];
  const label = (c: { id: number; name: string; admin1_name: string | null }) => `${c.name}${c.admin1_name ? ` (${c.admin1_name})` : ""} · ${c.id}`;
  for (const row of byId) {
    const city = idRows.find((c) => c.line === row.line);
    if (!city) {
      issues.push({ line: row.line, column: "geonames_id", message: "networks.import.error.unknownGeonamesId", values: { value: row.geonamesId! } });
      if (row.city) needSuggestions.push(row);
    } else if (city.country_code !== row.country) {
      issues.push({
        line: row.line,
        column: "geonames_id",
        message: "networks.import.error.geonamesCountry",
        values: { value: row.geonamesId!, city: city.name, country: city.country_code, given: row.country },
      });
    } else if (city.name_matches === false) {
      issues.push({ line: row.line, column: "city", message: "networks.import.error.nameMismatch", values: { value: row.city!, id: city.id, city: city.name } });
    } else {
      matched.push({ ...row, cityId: city.id, cityName: city.name, countryCode: city.country_code });
    }
  }
  for (const row of byName) {
    const candidates = nameRows.filter((c) => c.line === row.line);
    const best = candidates.filter((c) => Number(c.weight) === Math.min(...candidates.map((x) => Number(x.weight))));
    if (best.length === 1) matched.push({ ...row, cityId: best[0]!.id, cityName: best[0]!.name, countryCode: row.country });
    else if (best.length > 1)
      issues.push({ line: row.line, column: "city", message: "networks.import.error.ambiguousCity", values: { value: row.city!, count: best.length }, suggestions: best.slice(0, 5).map(label) });
    else {
      issues.push({ line: row.line, column: "city", message: "networks.import.error.unknownCity", values: { value: row.city!, country: row.country } });
      needSuggestions.push(row);
    }
  }
  await addSuggestions(db, issues, needSuggestions.slice(0, maxSuggestedRows), label);

  // The same city twice: the second line is the mistake.
  const firstLine = new Map<number, number>();
  const unique: MatchedRow[] = [];
  for (const row of matched.sort((a, b) => a.line - b.line)) {
    const first = firstLine.get(row.cityId);
    if (first !== undefined) {
      issues.push({ line: row.line, column: row.geonamesId ? "geonames_id" : "city", message: "networks.import.error.duplicate", values: { line: first, city: row.cityName } });
      continue;
    }
    firstLine.set(row.cityId, row.line);
    if (row.category) {
      const category = categoryOf(row.category);
      if (!category) {
        issues.push({
          line: row.line,
          column: "category",
          message: "networks.import.error.category",
          values: { value: row.category },
          suggestions: categoryRows.map((c) => c.key),
        });
        continue;
      }
      row.categoryId = category.id;
    }
    if (row.valid) unique.push(row);
  }
  return { matched: unique, issues };
}

/** The closest city names in the row's country (trigram similarity), on the row's name issue. */
async function addSuggestions(db: Database, issues: ImportIssue[], rows: MemberCsvRow[], label: (c: { id: number; name: string; admin1_name: string | null }) => string) {
  if (rows.length === 0) return;
  const similar = await queryRows<{ line: number; id: number; name: string; admin1_name: string | null }>(
    db,
    sql`with wanted as (select w.line, public.pares_normalize(w.name) as name, w.country
                        from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ line: r.line, name: r.city, country: r.country })))}::jsonb)
                          as w(line int, name text, country text))
        select w.line, s.id, s.name, s.admin1_name
        from wanted w cross join lateral (
          select c.id, c.name, c.admin1_name, c.population,
                 max(greatest(similarity(n.name_norm, w.name), word_similarity(w.name, n.name_norm))) as score
          from city_names n join cities c on c.id = n.city_id
          where c.country_code = w.country and n.weight <= 1
          group by c.id, c.name, c.admin1_name, c.population
          order by score desc, c.population desc
          limit 3
        ) s
        where s.score >= 0.3
        order by w.line, s.score desc, s.population desc`,
  );
  for (const row of rows) {
    const issue = issues.find((i) => i.line === row.line && (i.column === "city" || i.column === "geonames_id") && !i.suggestions);
    const names = similar.filter((s) => s.line === row.line).map(label);
    if (issue && names.length) issue.suggestions = names;
  }
}

interface OrganizationRef {
  id: string;
  slug: string;
  name: string;
}

interface Plan {
  counts: ImportCounts;
  /** Cities that need a local government created, with the rows for them. */
  newOrganizations: MatchedRow[];
  /** Rows whose organization exists but is not a member yet. */
  newMemberships: { row: MatchedRow; organizationId: string; organization: OrganizationRef }[];
  updates: { row: MatchedRow; current: typeof networkMemberships.$inferSelect; organization: OrganizationRef }[];
  /** The network's category keys by id. */
  categoryKeys: Map<string, string>;
  /** Rows the file cannot change (an application awaiting or refused a decision). */
  issues: ImportIssue[];
}

/** What a clean file changes, read from the database as it is now. */
async function planChanges(db: Database, network: NetworkRow, rows: MatchedRow[]): Promise<Plan> {
  const governments = new Map<number, OrganizationRef>();
  const memberships = new Map<string, typeof networkMemberships.$inferSelect>();
  for (let i = 0; i < rows.length; i += batch) {
    const cityIds = rows.slice(i, i + batch).map((r) => r.cityId);
    const orgs = await db
      .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, cityId: organizations.cityId })
      .from(organizations)
      .where(and(eq(organizations.kind, "local_government"), isNull(organizations.mergedIntoId), inArray(organizations.cityId, cityIds)));
    for (const o of orgs) governments.set(o.cityId!, { id: o.id, slug: o.slug, name: o.name });
  }
  const orgIds = [...governments.values()].map((o) => o.id);
  for (let i = 0; i < orgIds.length; i += batch) {
    const found = await db
      .select()
      .from(networkMemberships)
      .where(and(eq(networkMemberships.networkId, network.id), inArray(networkMemberships.organizationId, orgIds.slice(i, i + batch))));
    for (const m of found) memberships.set(m.organizationId, m);
  }
  const categories = await db.select({ id: networkCategories.id, key: networkCategories.key }).from(networkCategories).where(eq(networkCategories.networkId, network.id));
  const plan: Plan = {
    counts: { organizationsCreated: 0, membershipsCreated: 0, membershipsUpdated: 0, unchanged: 0 },
    newOrganizations: [],
    newMemberships: [],
    updates: [],
    categoryKeys: new Map(categories.map((c) => [c.id, c.key])),
    issues: [],
  };
  for (const row of rows) {
    const organization = governments.get(row.cityId);
    const organizationId = organization?.id;
    if (!organization || !organizationId) {
      plan.newOrganizations.push(row);
      plan.counts.organizationsCreated++;
      plan.counts.membershipsCreated++;
      continue;
    }
    const current = memberships.get(organizationId);
    if (current && (current.status === "applicant" || current.status === "declined")) {
      // An application is decided on its own page (the applicant is told); an import never decides it.
      plan.issues.push({ line: row.line, column: "status", message: "networks.import.error.pendingApplication", values: { city: row.cityName, status: current.status } });
      continue;
    }
    if (!current) {
      plan.newMemberships.push({ row, organizationId, organization });
      plan.counts.membershipsCreated++;
    } else if (current.status !== row.status || current.since !== row.since || (row.categoryId !== undefined && row.categoryId !== current.categoryId)) {
      plan.updates.push({ row, current, organization });
      plan.counts.membershipsUpdated++;
    } else {
      plan.counts.unchanged++;
    }
  }
  return plan;
}

/** Writes the plan; returns the local governments it created, by city. */
async function applyPlan(tx: Database, actor: Actor & { userId: string }, network: NetworkRow, plan: Plan): Promise<Map<number, { id: string; slug: string }>> {
  const audits: (typeof auditEvents.$inferInsert)[] = [];
  const audit = (kind: string, organizationId: string, details: Record<string, unknown>) =>
    audits.push({ kind, actorUserId: actor.userId, organizationId, ipAddress: actor.ipAddress ?? null, details: { ...details, via: "network_import", networkId: network.id } });

  // Local governments for cities that have none, each with a free slug.
  const created = new Map<number, { id: string; slug: string }>();
  if (plan.newOrganizations.length) {
    const slugs = await freeSlugs(tx, plan.newOrganizations.map((r) => slugify(r.cityName)));
    for (let i = 0; i < plan.newOrganizations.length; i += batch) {
      const part = plan.newOrganizations.slice(i, i + batch);
      const rows = await tx
        .insert(organizations)
        .values(part.map((r, j) => ({ slug: slugs[i + j]!, name: r.cityName, kind: "local_government" as const, cityId: r.cityId, countryCode: r.countryCode, createdBy: actor.userId })))
        .returning({ id: organizations.id, slug: organizations.slug, cityId: organizations.cityId, name: organizations.name });
      for (const o of rows) {
        created.set(o.cityId!, { id: o.id, slug: o.slug });
        audit("organization_created", o.id, { name: o.name, kind: "local_government" });
      }
    }
  }

  // New memberships, and the first event of each.
  const inserts = [
    ...plan.newOrganizations.map((row) => ({ row, organizationId: created.get(row.cityId)!.id })),
    ...plan.newMemberships,
  ];
  const events: (typeof networkMembershipEvents.$inferInsert)[] = [];
  for (let i = 0; i < inserts.length; i += batch) {
    const part = inserts.slice(i, i + batch);
    const rows = await tx
      .insert(networkMemberships)
      .values(
        part.map(({ row, organizationId }) => ({
          networkId: network.id,
          organizationId,
          status: row.status,
          since: row.since,
          categoryId: row.categoryId ?? null,
        })),
      )
      .returning({ id: networkMemberships.id, organizationId: networkMemberships.organizationId });
    for (const m of rows) {
      const { row } = part.find((p) => p.organizationId === m.organizationId)!;
      events.push({ membershipId: m.id, fromStatus: null, toStatus: row.status, categoryId: row.categoryId ?? null, changedBy: actor.userId, effectiveOn: row.since });
      audit("network_membership_changed", m.organizationId, { membershipId: m.id, from: null, to: row.status, effectiveOn: row.since, line: row.line });
    }
  }

  // Memberships brought to the file's status, date and category.
  for (let i = 0; i < plan.updates.length; i += batch) {
    const part = plan.updates.slice(i, i + batch);
    const values = part.map(({ row, current }) => ({
      id: current.id,
      status: row.status,
      since: row.since,
      category_id: row.categoryId ?? current.categoryId,
    }));
    await tx.execute(sql`
      update network_memberships m
      set status = u.status,
          since = u.since::date,
          category_id = u.category_id::uuid,
          status_changed_at = case when m.status <> u.status then now() else m.status_changed_at end
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as u(id uuid, status text, since text, category_id text)
      where m.id = u.id`);
    for (const { row, current } of part) {
      const categoryId = row.categoryId ?? current.categoryId;
      // The date of a change of status is not in the file: it takes effect today.
      const effectiveOn = current.status === row.status ? row.since : today();
      // Suspended or withdrawn by the file: the organization's roles and teams end as by hand.
      if (current.status !== row.status && departingStatuses.includes(row.status)) {
        await endRolesOfOrganization(tx, { networkId: network.id, organizationId: current.organizationId, effectiveOn });
      }
      events.push({ membershipId: current.id, fromStatus: current.status, toStatus: row.status, categoryId, changedBy: actor.userId, effectiveOn });
      audit("network_membership_changed", current.organizationId, { membershipId: current.id, from: current.status, to: row.status, line: row.line });
    }
  }

  for (let i = 0; i < events.length; i += batch) await tx.insert(networkMembershipEvents).values(events.slice(i, i + batch));
  const summary = { ...plan.counts, networkId: network.id };
  if (plan.counts.organizationsCreated + plan.counts.membershipsCreated + plan.counts.membershipsUpdated > 0) {
    audits.push({ kind: "network_members_imported", actorUserId: actor.userId, organizationId: network.secretariatOrganizationId, ipAddress: actor.ipAddress ?? null, details: summary });
  }
  for (let i = 0; i < audits.length; i += batch) await tx.insert(auditEvents).values(audits.slice(i, i + batch));
  return created;
}

/** A free slug for each base, none taken and none twice ("rosario", "rosario-2"…). */
async function freeSlugs(db: Database, bases: string[]): Promise<string[]> {
  const distinct = [...new Set(bases)];
  const taken = new Set<string>();
  for (let i = 0; i < distinct.length; i += batch) {
    const pattern = `^(${distinct.slice(i, i + batch).join("|")})(-[0-9]+)?$`;
    const rows = await db.select({ slug: organizations.slug }).from(organizations).where(sql`${organizations.slug} ~ ${pattern}`);
    for (const r of rows) taken.add(r.slug);
  }
  return bases.map((base) => {
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  });
}

export type { ImportIssue };
