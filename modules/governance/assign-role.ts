import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Database } from "../../platform/db/client.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { today } from "./dates.ts";
import { factsOf, findBody, findOrganizationRef, findTerm } from "./find.ts";
import { assignRoleInput, type AssignRoleInput } from "./inputs.ts";
import { governancePolicy } from "./policy.ts";
import { checkRoleRules, databaseErrorCode, exclusionViolation, lockNetworkRoles, overlappingCoordinationFromDatabase, type RoleSpec } from "./rules.ts";
import { networkRoles } from "./schema.ts";

export interface RoleWrite extends RoleSpec {
  candidacyId?: string | null;
  note?: string | null;
  sourceUrl?: string | null;
  createdBy: string | null;
}

/**
 * Writes a role after checking every rule (in the caller's transaction, after
 * lockNetworkRoles). The same role asked for twice is found, not written again.
 */
export async function writeRole(tx: Database, spec: RoleWrite, day: string): Promise<{ id: string; created: boolean }> {
  const [same] = await tx
    .select({ id: networkRoles.id })
    .from(networkRoles)
    .where(
      and(
        eq(networkRoles.bodyId, spec.body.id),
        eq(networkRoles.organizationId, spec.organization.id),
        eq(networkRoles.role, spec.role),
        eq(networkRoles.startsOn, spec.startsOn),
        spec.endsOn === null ? isNull(networkRoles.endsOn) : eq(networkRoles.endsOn, spec.endsOn),
      ),
    );
  if (same) return { id: same.id, created: false };
  await checkRoleRules(tx, spec, day);
  const [role] = await tx
    .insert(networkRoles)
    .values({
      networkId: spec.network.id,
      bodyId: spec.body.id,
      organizationId: spec.organization.id,
      role: spec.role,
      termId: spec.term?.id ?? null,
      startsOn: spec.startsOn,
      endsOn: spec.endsOn,
      seatCountryCode: spec.seatCountryCode,
      candidacyId: spec.candidacyId ?? null,
      note: spec.note ?? null,
      sourceUrl: spec.sourceUrl ?? null,
      createdBy: spec.createdBy,
    })
    .returning({ id: networkRoles.id });
  return { id: role!.id, created: true };
}

/**
 * Runs a change that writes a coordination; if the database's exclusion constraint refuses it
 * (a write that raced the checks), the refusal gets the same message the checks give.
 */
export async function guardCoordination<T>(db: Database, spec: () => RoleSpec | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const attempted = spec();
    if (attempted && databaseErrorCode(error) === exclusionViolation) throw await overlappingCoordinationFromDatabase(db, attempted);
    throw error;
  }
}

const missing = { body: "i18n:governance.validation.body", term: "i18n:governance.validation.term" } as const;

/** A reference in the input that names nothing: refused on that field. */
export async function asField<T>(field: keyof typeof missing, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") throw invalid({ [field]: [missing[field]] });
    throw error;
  }
}

/**
 * Assigns a role to an organization in a body, for a term (dates default to the term's) or for
 * explicit dates. In a hosted network its secretariat assigns any role; in an external one an
 * organization's focal point records its own (the recording organization keeps the bodies and
 * terms, not other organizations' roles); a platform administrator in both. Only a hosted
 * network's secretariat or an administrator gives a source link: from anyone else it is refused
 * on the field. The same role (body, organization, role and dates) asked for again is the one
 * already recorded: `created` false, nothing written.
 */
export async function assignRole(ctx: ServiceContext, actor: Actor, networkSlug: string, raw: AssignRoleInput): Promise<{ id: string; created: boolean }> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  const facts = factsOf(network);
  if (network.hosted) authorize(governancePolicy.writeAnyRole(actor, facts));
  const parsed = assignRoleInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const organization = await findOrganizationRef(ctx.db, input.organization);
  authorize(governancePolicy.writeRole(actor, facts, organization.id));
  if (input.sourceUrl && !governancePolicy.documentRole(actor, facts)) throw invalid({ sourceUrl: ["i18n:governance.validation.sourceNotAllowed"] });
  const body = await asField("body", findBody(ctx.db, network.id, input.body));
  const term = input.term ? await asField("term", findTerm(ctx.db, network.id, input.term)) : null;
  const startsOn = input.startsOn ?? term?.startsOn;
  if (!startsOn) throw invalid({ startsOn: ["i18n:validation.required"] });
  const spec: RoleWrite = {
    network,
    body,
    organization,
    role: input.role,
    term,
    startsOn,
    endsOn: input.endsOn ?? term?.endsOn ?? null,
    seatCountryCode: input.role === "council_member" ? (input.seatCountryCode ?? organization.countryCode) : null,
    note: input.note,
    sourceUrl: input.sourceUrl,
    createdBy: actor.userId,
  };
  const day = today();
  return guardCoordination(
    ctx.db,
    () => spec,
    () =>
      ctx.db.transaction(async (tx) => {
        await lockNetworkRoles(tx, network.id);
        const { id, created } = await writeRole(tx, spec, day);
        if (created) {
          await recordAuditEvent(tx, {
            kind: "network_role_assigned",
            actorUserId: actor.userId,
            organizationId: organization.id,
            ipAddress: actor.ipAddress,
            details: { networkId: network.id, bodyId: body.id, roleId: id, role: spec.role, startsOn: spec.startsOn, endsOn: spec.endsOn },
          });
        }
        return { id, created };
      }),
  );
}
