import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { factsOf } from "./find.ts";
import { createTermInput, type CreateTermInput } from "./inputs.ts";
import { governancePolicy } from "./policy.ts";
import { checkTermRules, lockNetworkRoles } from "./rules.ts";
import { networkTerms } from "./schema.ts";

/** The keepers of a network add a term, with the window in which candidacies for it are received. */
export async function createTerm(ctx: ServiceContext, actor: Actor, networkSlug: string, raw: CreateTermInput): Promise<{ id: string }> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  authorize(governancePolicy.manage(actor, factsOf(network)));
  const parsed = createTermInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  return ctx.db.transaction(async (tx) => {
    await lockNetworkRoles(tx, network.id);
    // The same form sent twice finds its term.
    const [same] = await tx
      .select({ id: networkTerms.id, label: networkTerms.label, endsOn: networkTerms.endsOn })
      .from(networkTerms)
      .where(and(eq(networkTerms.networkId, network.id), eq(networkTerms.startsOn, input.startsOn)));
    if (same && same.label === input.label && same.endsOn === input.endsOn) return { id: same.id };
    await checkTermRules(tx, network.id, input);
    const [term] = await tx
      .insert(networkTerms)
      .values({
        networkId: network.id,
        label: input.label,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        candidaciesOpenOn: input.candidaciesOpenOn ?? null,
        candidaciesCloseOn: input.candidaciesCloseOn ?? null,
      })
      .returning({ id: networkTerms.id });
    await recordAuditEvent(tx, {
      kind: "network_term_created",
      actorUserId: actor.userId,
      organizationId: network.secretariatOrganizationId ?? network.recordedByOrganizationId,
      ipAddress: actor.ipAddress,
      details: { networkId: network.id, termId: term!.id, label: input.label, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    return { id: term!.id };
  });
}
