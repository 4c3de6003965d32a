import { sql } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { slugify } from "../../platform/slug.ts";
import type { Actor } from "../organizations/actor.ts";
import { freeNetworkSlug } from "./create-network.ts";
import { recordExternalNetworkInput, type RecordExternalNetworkInput } from "./inputs.ts";
import { actingOrganizationFor, recordOwnExternalMembership } from "./join-external-network.ts";
import { networkPolicy } from "./policy.ts";
import { networks } from "./schema.ts";

export interface RecordedExternalNetwork {
  slug: string;
  /** False when a network of that name was already recorded (by anyone) and is reused. */
  created: boolean;
  membershipId: string;
}

/**
 * An organization's focal point records a network that is not hosted here (UCLG, C40…) and, in
 * the same step, the organization's membership of it. A network already recorded under the same
 * name or acronym (accents, case and punctuation ignored) is reused, not duplicated; a hosted
 * one is refused: members apply to it instead.
 */
export async function recordExternalNetwork(ctx: ServiceContext, actor: Actor, raw: RecordExternalNetworkInput): Promise<RecordedExternalNetwork> {
  requireSignedIn(actor);
  authorize(networkPolicy.recordExternal(actor));
  const parsed = recordExternalNetworkInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const organizationId = await actingOrganizationFor(ctx.db, actor, input.organization);
  authorize(networkPolicy.joinFor(actor, { id: "", hosted: false }, organizationId));
  return ctx.db.transaction(async (tx) => {
    // Two focal points recording the same network at once must end with one network.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('external-network:' || public.pares_normalize(${input.name})))`);
    const sameName = sql`(${networks.nameNorm} = public.pares_normalize(${input.name})
      or exists (select 1 from jsonb_each_text(${networks.acronyms}) a where public.pares_normalize(a.value) = public.pares_normalize(${input.name})))`;
    const [existing] = await tx
      .select({ id: networks.id, slug: networks.slug, hosted: networks.hosted })
      .from(networks)
      .where(sameName)
      .orderBy(sql`${networks.hosted} desc`, networks.createdAt)
      .limit(1);
    if (existing?.hosted) throw invalid({ name: ["i18n:validation.networkHostedHere"] });
    let network = existing;
    if (!network) {
      const slug = await freeNetworkSlug(tx, slugify(input.name));
      [network] = await tx
        .insert(networks)
        .values({
          slug,
          name: input.name,
          acronyms: input.acronyms ?? {},
          kind: input.kind,
          hosted: false,
          website: input.website ?? null,
          recordedByOrganizationId: organizationId,
          createdBy: actor.userId,
        })
        .returning({ id: networks.id, slug: networks.slug, hosted: networks.hosted });
      await recordAuditEvent(tx, {
        kind: "external_network_recorded",
        actorUserId: actor.userId,
        organizationId,
        ipAddress: actor.ipAddress,
        details: { networkId: network!.id, slug, name: input.name },
      });
    }
    const membership = await recordOwnExternalMembership(tx, actor, network!.id, organizationId, input.since);
    return { slug: network!.slug, created: !existing, membershipId: membership.membershipId };
  });
}

