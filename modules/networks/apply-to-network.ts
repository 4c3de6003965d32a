import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { sendEmail } from "../../platform/mail/send-email.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { networkApplicationEmail } from "./emails.ts";
import { findNetwork } from "./find-network.ts";
import { applyToNetworkInput, type ApplyToNetworkInput } from "./inputs.ts";
import { actingOrganizationFor } from "./join-external-network.ts";
import { administratorsOf, recipientsOf, recordMembershipChange, shareNetworkLock } from "./membership-history.ts";
import { networkPolicy } from "./policy.ts";
import { networkMemberships } from "./schema.ts";

/** Statuses in which an organization is a member (it cannot apply again). */
export const memberNow = ["active", "inactive", "suspended"] as const;

/**
 * The focal point of the organization they act for applies to a hosted network, with a message
 * for its secretariat, whose members are told by e-mail (the platform's administrators, who
 * decide instead, when the network has no secretariat organization). Applying again while the application is
 * pending changes nothing; after a decline or a withdrawal the same membership applies again.
 */
export async function applyToNetwork(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  raw: ApplyToNetworkInput,
): Promise<{ membershipId: string; repeated: boolean }> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, slug);
  const parsed = applyToNetworkInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  // Membership of a network not hosted here is recorded by the organization itself.
  if (!network.hosted) throw new AppError("conflict", "error.network.externalRecordInstead");
  const organizationId = await actingOrganizationFor(ctx.db, actor, parsed.data.organization);
  authorize(networkPolicy.joinFor(actor, network, organizationId));
  if (organizationId === network.secretariatOrganizationId) throw new AppError("conflict", "error.network.secretariatApplies");
  const message = parsed.data.message ?? null;
  return ctx.db.transaction(async (tx) => {
    await shareNetworkLock(tx, network.id);
    const [created] = await tx
      .insert(networkMemberships)
      .values({ networkId: network.id, organizationId, status: "applicant", message })
      .onConflictDoNothing({ target: [networkMemberships.networkId, networkMemberships.organizationId] })
      .returning({ id: networkMemberships.id });
    let membershipId = created?.id;
    let from: "declined" | "withdrawn" | null = null;
    if (!membershipId) {
      const [row] = await tx
        .select()
        .from(networkMemberships)
        .where(and(eq(networkMemberships.networkId, network.id), eq(networkMemberships.organizationId, organizationId)))
        .for("update");
      if (row!.status === "applicant") return { membershipId: row!.id, repeated: true };
      if (row!.status !== "declined" && row!.status !== "withdrawn") throw new AppError("conflict", "error.membership.alreadyMember");
      from = row!.status;
      membershipId = row!.id;
      await tx.update(networkMemberships).set({ status: "applicant", message, statusChangedAt: new Date() }).where(eq(networkMemberships.id, membershipId));
    }
    const eventId = await recordMembershipChange(tx, {
      membershipId,
      networkId: network.id,
      organizationId,
      from,
      to: "applicant",
      actor,
      audit: "network_membership_applied",
    });
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId));
    // The secretariat decides; a network without one is run by the platform's administrators.
    const toAdministrators = !network.secretariatOrganizationId;
    const recipients = network.secretariatOrganizationId ? await recipientsOf(tx, network.secretariatOrganizationId, false) : await administratorsOf(tx);
    for (const person of recipients) {
      await sendEmail(
        tx,
        {
          to: person.email,
          locale: person.locale,
          template: networkApplicationEmail.name,
          data: {
            name: person.name,
            organizationName: org!.name,
            networkName: network.name,
            networkNames: network.names,
            networkSlug: network.slug,
            membershipId,
            ...(message ? { message } : {}),
            ...(toAdministrators ? { toAdministrator: true } : {}),
          },
        },
        `network-application:${eventId}:${person.userId}`,
      );
    }
    return { membershipId, repeated: false };
  });
}
