import { and, eq } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { enqueue } from "../../platform/outbox/enqueue.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import { actingOrganizationFor } from "../networks/join-external-network.ts";
import { notify } from "../notifications/notify.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { matchOutboxKind } from "./compute-matches.ts";
import { checkItemContent } from "./content.ts";
import { postItemInput, type PostItemInput } from "./inputs.ts";
import { exchangePolicy } from "./policy.ts";
import { exchangeItemNetworks, exchangeItems } from "./schema.ts";

/**
 * A person posts an offer or a need for their organization. Its matches are computed through the
 * outbox within seconds. Repeating the request with the same idempotency key returns the first item.
 */
export async function postItem(ctx: ServiceContext, actor: Actor, raw: PostItemInput): Promise<{ id: string; repeated: boolean }> {
  requireSignedIn(actor);
  const input = parseOrThrow(postItemInput, raw);
  const organizationId = await actingOrganizationFor(ctx.db, actor, input.organization);
  authorize(exchangePolicy.post(actor, organizationId));
  const userId = actor.userId;
  const findFirst = async () =>
    input.idempotencyKey
      ? (await ctx.db.select({ id: exchangeItems.id }).from(exchangeItems).where(and(eq(exchangeItems.createdBy, userId), eq(exchangeItems.creationKey, input.idempotencyKey))))[0]
      : undefined;
  const first = await findFirst();
  if (first) return { id: first.id, repeated: true };
  const values = await checkItemContent(ctx.db, organizationId, input, userId);
  return ctx.db.transaction(async (tx) => {
    const { networkIds, ...columns } = values;
    const [item] = await tx
      .insert(exchangeItems)
      .values({ ...columns, kind: input.kind, organizationId, creationKey: input.idempotencyKey ?? null, createdBy: userId })
      .onConflictDoNothing({ target: [exchangeItems.createdBy, exchangeItems.creationKey] })
      .returning({ id: exchangeItems.id });
    if (!item) {
      const [again] = await tx.select({ id: exchangeItems.id }).from(exchangeItems).where(and(eq(exchangeItems.createdBy, userId), eq(exchangeItems.creationKey, input.idempotencyKey!)));
      return { id: again!.id, repeated: true };
    }
    if (networkIds.length > 0) await tx.insert(exchangeItemNetworks).values(networkIds.map((networkId) => ({ itemId: item.id, networkId })));
    await enqueue(tx, { kind: matchOutboxKind, payload: { itemId: item.id, revision: 1 }, idempotencyKey: `exchange-match:${item.id}:1` });
    const [org] = await tx.select({ name: organizations.name, countryCode: organizations.countryCode }).from(organizations).where(eq(organizations.id, organizationId));
    const titles = Object.fromEntries(Object.entries(values.texts).map(([l, t]) => [l, t!.title]));
    await notify(tx, {
      kind: "exchange.new_item",
      key: `exchange.new_item:${item.id}`,
      data: { path: `/exchange/${item.id}`, titles, originalLanguage: values.originalLanguage, itemKind: input.kind, organization: org?.name ?? "" },
      audience: {
        type: "interested",
        itemKind: input.kind,
        themeIds: values.themeIds,
        sdgGoals: values.sdgGoals,
        countryCode: org?.countryCode ?? null,
        networkIds: networkIds,
        platform: values.visibility === "platform",
        excludeOrganizationId: organizationId,
      },
      actorUserId: userId,
    });
    return { id: item.id, repeated: false };
  });
}
