import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { sendEmail } from "../../platform/mail/send-email.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { networkDecisionEmail } from "./emails.ts";
import { findNetwork } from "./find-network.ts";
import { decideMembershipInput, type DecideMembershipInput, today } from "./inputs.ts";
import { authorizeManagement, lockMembership, recipientsOf, recordMembershipChange } from "./membership-history.ts";
import { networkCategories, networkMemberships } from "./schema.ts";

/**
 * The secretariat approves an application with the category it chooses (required when the
 * network has categories): the organization is an active member from today, the day of the
 * decision. Or it declines it, with a reason the applicant is told. The applicant's focal points
 * get an e-mail in their language. Deciding again the same way (a double submit) changes nothing.
 */
export async function decideMembership(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  membershipId: string,
  raw: DecideMembershipInput,
): Promise<{ changed: boolean }> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, slug);
  await authorizeManagement(ctx.db, actor, network, membershipId);
  const parsed = decideMembershipInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const approved = input.decision === "approve";
  return ctx.db.transaction(async (tx) => {
    const row = await lockMembership(tx, network.id, membershipId);
    if (row.status !== "applicant") {
      if ((approved && row.status === "active") || (!approved && row.status === "declined")) return { changed: false };
      throw new AppError("conflict", "error.membership.notApplicant");
    }
    let category: { id: string; names: Record<string, string> } | undefined;
    if (approved) {
      const categories = await tx
        .select({ id: networkCategories.id, key: networkCategories.key, names: networkCategories.names })
        .from(networkCategories)
        .where(eq(networkCategories.networkId, network.id))
        .orderBy(asc(networkCategories.position), asc(networkCategories.key));
      // The secretariat chooses the category: none is assumed for it.
      if (!input.category && categories.length > 0) throw invalid({ category: ["i18n:validation.categoryRequired"] });
      category = input.category ? categories.find((c) => c.key === input.category) : undefined;
      if (input.category && !category) throw invalid({ category: ["i18n:validation.category"] });
    }
    const effectiveOn = today();
    await tx
      .update(networkMemberships)
      .set(
        approved
          ? { status: "active", since: effectiveOn, categoryId: category?.id ?? null, statusChangedAt: new Date() }
          : { status: "declined", statusChangedAt: new Date() },
      )
      .where(eq(networkMemberships.id, row.id));
    const eventId = await recordMembershipChange(tx, {
      membershipId: row.id,
      networkId: network.id,
      organizationId: row.organizationId,
      from: "applicant",
      to: approved ? "active" : "declined",
      categoryId: category?.id ?? null,
      reason: input.reason ?? null,
      effectiveOn,
      actor,
      audit: approved ? "network_membership_approved" : "network_membership_declined",
    });
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, row.organizationId));
    for (const person of await recipientsOf(tx, row.organizationId, true)) {
      await sendEmail(
        tx,
        {
          to: person.email,
          locale: person.locale,
          template: networkDecisionEmail.name,
          data: {
            name: person.name,
            organizationName: org!.name,
            networkName: network.name,
            networkNames: network.names,
            networkSlug: network.slug,
            membershipId: row.id,
            approved,
            ...(category ? { categoryNames: category.names } : {}),
            ...(input.reason ? { reason: input.reason } : {}),
          },
        },
        `network-decision:${eventId}:${person.userId}`,
      );
    }
    return { changed: true };
  });
}
