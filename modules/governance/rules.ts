// The rules a network's roles, terms and candidacies keep, checked inside the use case's
// transaction before anything is written, each with a message that names the field and says
// what is in the way ("Montevideo already coordinates Culture from … to …"). A refusal changes
// nothing. The database keeps the last line for coordinations (exclusion constraint
// network_roles_no_overlapping_coordination), mapped back to the same message.
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { AppError, type AppErrorCode } from "../../platform/errors.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import { formatDate } from "../../platform/i18n/format.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { countries } from "../cities/schema.ts";
import type { NetworkRow } from "../networks/find-network.ts";
import { networkMemberships } from "../networks/schema.ts";
import { organizations } from "../organizations/schema.ts";
import { firstExcess } from "./dates.ts";
import { displayName } from "./display.ts";
import type { BodyRow, OrganizationRef, TermRow } from "./find.ts";
import { type BodyKind, coordinationRoles, networkBodySeats, networkRoles, networkTerms, type RoleKind } from "./schema.ts";

type Value = string | number | Translated;

/**
 * A rule a change would break: its catalog key (governance.rule.*), the field it is about and the
 * values its message names. Dates are YYYY-MM-DD and names are per language; both are written in
 * the reader's language when the message is shown (describeRuleViolation).
 */
export class RuleViolation extends AppError {
  readonly rule: string;
  readonly field: string;
  readonly values: Record<string, Value>;
  constructor(code: Extract<AppErrorCode, "invalid" | "conflict">, rule: string, field: string, values: Record<string, Value> = {}) {
    super(code, rule, { [field]: [`i18n:${rule}`] });
    this.name = "RuleViolation";
    this.rule = rule;
    this.field = field;
    this.values = values;
  }
}

/** The roles each kind of body has. */
export const rolesOfBody: Record<BodyKind, readonly RoleKind[]> = {
  presidency: ["president"],
  vice_presidency: ["vice_president"],
  council: ["council_member"],
  executive_direction: ["member"],
  secretariat: ["member"],
  thematic_unit: ["coordinator", "sub_coordinator", "member"],
  working_group: ["coordinator", "sub_coordinator", "member"],
  commission: ["coordinator", "sub_coordinator", "member"],
};

/** Bodies organizations take part in as members and apply to coordinate. */
export const unitKinds: readonly BodyKind[] = ["thematic_unit", "working_group", "commission"];

export function describeRuleViolation(error: RuleViolation, locale: Locale): string {
  const t = createTranslator(locale, catalogs[locale]);
  const values = Object.fromEntries(
    Object.entries(error.values).map(([k, v]) => [
      k,
      // Names (organizations, countries) shown without invisible direction marks.
      typeof v === "object" ? localizedText(v, locale) : typeof v === "string" ? (/^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(locale, v) : displayName(v)) : v,
    ]),
  );
  return t(error.rule, values);
}

/**
 * A governance error ready for the generic error paths (problem+json, form errors), its message
 * written in `locale`. A rule about a field the form does not show (`shown`) becomes a message
 * for the whole form, naming the field. Anything else passes unchanged.
 */
export function localizeGovernanceError(error: unknown, locale: Locale, shown?: readonly string[]): unknown {
  if (!(error instanceof RuleViolation)) return error;
  const t = createTranslator(locale, catalogs[locale]);
  const message = describeRuleViolation(error, locale);
  const named = t("validation.field", { field: t(`governance.field.${error.field}`), message });
  if (shown && !shown.includes(error.field)) return new AppError(error.code, named);
  if (error.code === "conflict") return shown ? new AppError("conflict", "governance.rule.conflict", { [error.field]: [message] }) : new AppError("conflict", named);
  return new AppError("invalid", "error.invalid.detail", { [error.field]: [message] });
}

/** The SQLSTATE of a database error, whichever driver raised it (drizzle wraps it in `cause`). */
export function databaseErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export const exclusionViolation = "23P01";

export interface RolePeriod {
  startsOn: string;
  endsOn: string | null;
}

/** A role about to be written: everything its rules look at. */
export interface RoleSpec extends RolePeriod {
  network: NetworkRow;
  body: BodyRow;
  organization: OrganizationRef;
  role: RoleKind;
  term: TermRow | null;
  seatCountryCode: string | null;
  /** The role being changed (left out of the overlap checks). */
  roleId?: string;
}

const end = (d: string | null) => d ?? "none";

/**
 * Checks every rule of a role; throws the first one broken. Run it in the transaction that
 * writes the role, after lockNetworkRoles, so a concurrent change cannot slip between.
 */
export async function checkRoleRules(db: Database, spec: RoleSpec, day: string): Promise<void> {
  const { body, role } = spec;
  if (!rolesOfBody[body.kind].includes(role)) throw new RuleViolation("invalid", "governance.rule.roleKind", "role", { kind: body.kind });
  if (spec.endsOn !== null && spec.endsOn < spec.startsOn) {
    throw new RuleViolation("invalid", "governance.rule.endBeforeStart", "endsOn", { start: spec.startsOn });
  }
  if (spec.term) {
    const term = { term: spec.term.label, from: spec.term.startsOn, to: spec.term.endsOn };
    if (spec.startsOn < spec.term.startsOn || spec.startsOn > spec.term.endsOn) throw new RuleViolation("invalid", "governance.rule.outsideTerm", "startsOn", term);
    if (spec.endsOn === null || spec.endsOn > spec.term.endsOn) throw new RuleViolation("invalid", "governance.rule.outsideTerm", "endsOn", term);
  }
  const past = spec.endsOn !== null && spec.endsOn < day;
  if (!past && !body.active) throw new RuleViolation("invalid", "governance.rule.bodyInactive", "body", { body: body.names });
  // Hosted or external alike: only the organization's own membership makes it a member (an
  // external network's membership is recorded by the organization itself, as active).
  const status = await membershipStatus(db, spec.network.id, spec.organization.id);
  const allowed = past ? !["none", "applicant", "declined"].includes(status) : status === "active";
  if (!allowed) throw new RuleViolation("invalid", "governance.rule.notMember", "organization", { organization: spec.organization.name, status });

  const period = sql`daterange(${spec.startsOn}::date, ${spec.endsOn}::date, '[]')`;
  const overlapping = sql`daterange(${networkRoles.startsOn}, ${networkRoles.endsOn}, '[]') && ${period}`;
  const others = spec.roleId ? ne(networkRoles.id, spec.roleId) : undefined;
  const found = (rows: { role: RoleKind; startsOn: string; endsOn: string | null; organization: string }[]) => rows[0];

  if (coordinationRoles.includes(role)) {
    const clash = found(
      await db
        .select({ role: networkRoles.role, startsOn: networkRoles.startsOn, endsOn: networkRoles.endsOn, organization: organizations.name })
        .from(networkRoles)
        .innerJoin(organizations, eq(organizations.id, networkRoles.organizationId))
        .where(
          and(
            eq(networkRoles.bodyId, body.id),
            eq(networkRoles.organizationId, spec.organization.id),
            inArray(networkRoles.role, [...coordinationRoles]),
            overlapping,
            others,
          ),
        )
        .orderBy(networkRoles.startsOn)
        .limit(1),
    );
    if (clash) throw overlappingCoordination(clash, body);
  } else {
    const clash = found(
      await db
        .select({ role: networkRoles.role, startsOn: networkRoles.startsOn, endsOn: networkRoles.endsOn, organization: organizations.name })
        .from(networkRoles)
        .innerJoin(organizations, eq(organizations.id, networkRoles.organizationId))
        .where(and(eq(networkRoles.bodyId, body.id), eq(networkRoles.organizationId, spec.organization.id), eq(networkRoles.role, role), overlapping, others))
        .orderBy(networkRoles.startsOn)
        .limit(1),
    );
    if (clash) {
      throw new RuleViolation("conflict", "governance.rule.duplicateRole", "startsOn", {
        organization: clash.organization,
        role,
        from: clash.startsOn,
        to: end(clash.endsOn),
      });
    }
  }

  if (role === "president") {
    const clash = found(
      await db
        .select({ role: networkRoles.role, startsOn: networkRoles.startsOn, endsOn: networkRoles.endsOn, organization: organizations.name })
        .from(networkRoles)
        .innerJoin(organizations, eq(organizations.id, networkRoles.organizationId))
        .where(and(eq(networkRoles.networkId, spec.network.id), eq(networkRoles.role, "president"), overlapping, others))
        .orderBy(networkRoles.startsOn)
        .limit(1),
    );
    if (clash) {
      throw new RuleViolation("conflict", "governance.rule.onePresident", "startsOn", { organization: clash.organization, from: clash.startsOn, to: end(clash.endsOn) });
    }
  }

  if (role === "council_member") {
    const country = spec.seatCountryCode ?? spec.organization.countryCode;
    const [[seat], [countryRow]] = await Promise.all([
      db
        .select({ seats: networkBodySeats.seats })
        .from(networkBodySeats)
        .where(and(eq(networkBodySeats.bodyId, body.id), eq(networkBodySeats.countryCode, country))),
      db.select({ name: countries.name }).from(countries).where(eq(countries.code, country)),
    ]);
    if (!countryRow) throw new RuleViolation("invalid", "validation.countryCode", "seatCountryCode");
    const seats = seat?.seats ?? 0;
    const held = await db
      .select({ startsOn: networkRoles.startsOn, endsOn: networkRoles.endsOn })
      .from(networkRoles)
      .where(
        and(eq(networkRoles.bodyId, body.id), eq(networkRoles.role, "council_member"), eq(networkRoles.seatCountryCode, country), overlapping, others),
      );
    const excess = firstExcess(spec, held, seats);
    if (excess) {
      throw new RuleViolation("conflict", "governance.rule.seatsTaken", "seatCountryCode", {
        country: countryRow.name,
        seats,
        from: excess.from,
        to: end(excess.to),
      });
    }
  }
}

/** An organization's membership status in a network ("none" without one). */
export async function membershipStatus(db: Database, networkId: string, organizationId: string): Promise<string> {
  const [membership] = await db
    .select({ status: networkMemberships.status })
    .from(networkMemberships)
    .where(and(eq(networkMemberships.networkId, networkId), eq(networkMemberships.organizationId, organizationId)));
  return membership?.status ?? "none";
}

/** Refused unless the organization is an active member of the network (joining units, teams, candidacies). */
export async function checkActiveMember(db: Database, networkId: string, organization: { id: string; name: string }): Promise<void> {
  const status = await membershipStatus(db, networkId, organization.id);
  if (status !== "active") throw new RuleViolation("invalid", "governance.rule.notMember", "organization", { organization: organization.name, status });
}

/**
 * Refused when the organization holds a coordination of the unit overlapping the period (a
 * candidacy for a term it already coordinates into), with the message the role rules give,
 * about `field`.
 */
export async function checkNoOverlappingCoordination(db: Database, body: BodyRow, organizationId: string, period: RolePeriod, field: string): Promise<void> {
  const [clash] = await db
    .select({ role: networkRoles.role, startsOn: networkRoles.startsOn, endsOn: networkRoles.endsOn, organization: organizations.name })
    .from(networkRoles)
    .innerJoin(organizations, eq(organizations.id, networkRoles.organizationId))
    .where(
      and(
        eq(networkRoles.bodyId, body.id),
        eq(networkRoles.organizationId, organizationId),
        inArray(networkRoles.role, [...coordinationRoles]),
        sql`daterange(${networkRoles.startsOn}, ${networkRoles.endsOn}, '[]') && daterange(${period.startsOn}::date, ${period.endsOn}::date, '[]')`,
      ),
    )
    .orderBy(networkRoles.startsOn)
    .limit(1);
  if (clash) throw overlappingCoordination(clash, body, field);
}

function overlappingCoordination(clash: { role: RoleKind; startsOn: string; endsOn: string | null; organization: string }, body: BodyRow, field = "startsOn"): RuleViolation {
  return new RuleViolation("conflict", "governance.rule.overlappingCoordination", field, {
    organization: clash.organization,
    role: clash.role,
    body: body.names,
    from: clash.startsOn,
    to: end(clash.endsOn),
  });
}

/**
 * After the database refused a coordination (exclusion constraint, code 23P01): the same
 * message the use case gives, naming the coordination in the way. Run outside the failed
 * transaction.
 */
export async function overlappingCoordinationFromDatabase(db: Database, spec: RoleSpec): Promise<RuleViolation> {
  const [clash] = await db
    .select({ role: networkRoles.role, startsOn: networkRoles.startsOn, endsOn: networkRoles.endsOn, organization: organizations.name })
    .from(networkRoles)
    .innerJoin(organizations, eq(organizations.id, networkRoles.organizationId))
    .where(
      and(
        eq(networkRoles.bodyId, spec.body.id),
        eq(networkRoles.organizationId, spec.organization.id),
        inArray(networkRoles.role, [...coordinationRoles]),
        sql`daterange(${networkRoles.startsOn}, ${networkRoles.endsOn}, '[]') && daterange(${spec.startsOn}::date, ${spec.endsOn}::date, '[]')`,
        spec.roleId ? ne(networkRoles.id, spec.roleId) : undefined,
      ),
    )
    .limit(1);
  return overlappingCoordination(clash ?? { role: "coordinator", startsOn: spec.startsOn, endsOn: spec.endsOn, organization: spec.organization.name }, spec.body);
}

/**
 * Role changes in one network happen one at a time (a transaction-scoped advisory lock), so the
 * checks above see every role written before them.
 */
export async function lockNetworkRoles(db: Database, networkId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`pares.governance:${networkId}`}, 0))`);
}

/** A term may not overlap another term of the same network. */
export async function checkTermRules(db: Database, networkId: string, term: { id?: string; startsOn: string; endsOn: string }): Promise<void> {
  const [clash] = await db
    .select({ label: networkTerms.label, startsOn: networkTerms.startsOn, endsOn: networkTerms.endsOn })
    .from(networkTerms)
    .where(
      and(
        eq(networkTerms.networkId, networkId),
        sql`daterange(${networkTerms.startsOn}, ${networkTerms.endsOn}, '[]') && daterange(${term.startsOn}::date, ${term.endsOn}::date, '[]')`,
        term.id ? ne(networkTerms.id, term.id) : undefined,
      ),
    )
    .limit(1);
  if (clash) throw new RuleViolation("conflict", "governance.rule.termOverlap", "startsOn", { term: clash.label, from: clash.startsOn, to: clash.endsOn });
}

/** Whether a body of this kind is one organizations join and apply to coordinate. */
export function isUnit(body: { kind: BodyKind }): boolean {
  return unitKinds.includes(body.kind);
}
