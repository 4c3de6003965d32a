import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { isLocale } from "../../platform/i18n/locales.ts";
import { sendEmail } from "../../platform/mail/send-email.ts";
import { users } from "../accounts/schema.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizationMembers, organizations } from "../organizations/schema.ts";
import { guardCoordination, type RoleWrite, writeRole } from "./assign-role.ts";
import { today } from "./dates.ts";
import { factsOf, findCandidacy, networkName } from "./find.ts";
import { decideCandidacyInput, type DecideCandidacyInput } from "./inputs.ts";
import { candidacyDecisionEmail } from "./emails.ts";
import { governancePolicy } from "./policy.ts";
import { lockNetworkRoles } from "./rules.ts";
import { networkBodies, networkCandidacies, networkTerms } from "./schema.ts";

/**
 * The secretariat records the decision the assembly or council took on a candidacy. Approved, it
 * becomes a role dated from the term's start (current on that day) — every rule of roles applies,
 * and if one would break, nothing changes. Rejected, it is kept with the reason. The candidate
 * organization's focal points are told by e-mail in their language.
 */
export async function decideCandidacy(ctx: ServiceContext, actor: Actor, networkSlug: string, candidacyId: string, raw: DecideCandidacyInput): Promise<{ roleId: string | null }> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  const facts = factsOf(network);
  const candidacy = await findCandidacy(ctx.db, network.id, candidacyId);
  const visible = governancePolicy.seeCandidacies(actor, facts) || governancePolicy.seeOwnCandidacy(actor, candidacy.organizationId);
  authorize(governancePolicy.decideCandidacy(actor, facts), { visible });
  const parsed = decideCandidacyInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const approve = input.decision === "approve";
  const [[body], [term], [organization]] = await Promise.all([
    ctx.db.select().from(networkBodies).where(eq(networkBodies.id, candidacy.bodyId)),
    ctx.db.select().from(networkTerms).where(eq(networkTerms.id, candidacy.termId)),
    ctx.db
      .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, countryCode: organizations.countryCode })
      .from(organizations)
      .where(eq(organizations.id, candidacy.organizationId)),
  ]);
  const spec: RoleWrite = {
    network,
    body: body!,
    organization: organization!,
    role: candidacy.role,
    term: term!,
    startsOn: term!.startsOn,
    endsOn: term!.endsOn,
    seatCountryCode: null,
    candidacyId: candidacy.id,
    createdBy: actor.userId,
  };
  const day = today();
  return guardCoordination(
    ctx.db,
    () => (approve ? spec : undefined),
    () =>
      ctx.db.transaction(async (tx) => {
        await lockNetworkRoles(tx, network.id);
        const [current] = await tx.select().from(networkCandidacies).where(eq(networkCandidacies.id, candidacy.id)).for("update");
        if (current!.status !== "submitted") {
          // The same decision sent twice is already recorded; any other change is refused.
          if ((approve && current!.status === "approved") || (!approve && current!.status === "rejected")) return { roleId: current!.roleId };
          throw new AppError("conflict", "governance.error.candidacyDecided");
        }
        const roleId = approve ? (await writeRole(tx, spec, day)).id : null;
        await tx
          .update(networkCandidacies)
          .set({
            status: approve ? "approved" : "rejected",
            decidedBy: actor.userId,
            decidedAt: new Date(),
            decidingBody: input.decidingBody,
            decisionReference: input.reference,
            decisionReason: input.reason ?? null,
            roleId,
          })
          .where(eq(networkCandidacies.id, candidacy.id));
        const audit = { actorUserId: actor.userId, organizationId: candidacy.organizationId, ipAddress: actor.ipAddress };
        await recordAuditEvent(tx, {
          kind: approve ? "candidacy_approved" : "candidacy_rejected",
          ...audit,
          details: { networkId: network.id, candidacyId: candidacy.id, bodyId: candidacy.bodyId, termId: candidacy.termId, decidingBody: input.decidingBody, reference: input.reference },
        });
        if (roleId) {
          await recordAuditEvent(tx, {
            kind: "network_role_assigned",
            ...audit,
            details: { networkId: network.id, bodyId: candidacy.bodyId, roleId, role: candidacy.role, startsOn: spec.startsOn, endsOn: spec.endsOn, candidacyId: candidacy.id },
          });
        }
        const focalPoints = await tx
          .select({ email: users.email, name: users.name, locale: users.locale })
          .from(organizationMembers)
          .innerJoin(users, eq(users.id, organizationMembers.userId))
          .where(and(eq(organizationMembers.organizationId, candidacy.organizationId), eq(organizationMembers.role, "focal_point")));
        for (const person of focalPoints) {
          const locale = isLocale(person.locale) ? person.locale : "es";
          await sendEmail(
            tx,
            {
              to: person.email,
              locale,
              template: candidacyDecisionEmail.name,
              data: {
                name: person.name,
                organizationName: organization!.name,
                networkName: networkName(network, locale),
                networkSlug: network.slug,
                bodyNames: body!.names,
                bodyNameLanguage: body!.nameLanguage,
                bodySlug: body!.slug,
                termLabel: term!.label,
                startsOn: term!.startsOn,
                role: candidacy.role,
                approved: approve,
                reference: input.reference,
                reason: input.reason ?? null,
              },
            },
            `candidacy-decision:${candidacy.id}:${person.email}`,
          );
        }
        return { roleId };
      }),
  );
}
