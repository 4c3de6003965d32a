import { and, eq, gt, sql } from "drizzle-orm";
import type { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Database } from "../../platform/db/client.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import { actingOrganizationFor } from "../networks/join-external-network.ts";
import { notify } from "../notifications/notify.ts";
import type { Actor } from "../organizations/actor.ts";
import { findItem, readerFor } from "./find.ts";
import { itemSummary, organizationName } from "./find-contact.ts";
import { requestContactInput } from "./inputs.ts";
import { exchangePolicy } from "./policy.ts";
import { exchangeContacts } from "./schema.ts";

/**
 * "Contact this city": a person asks, for their organization, to talk with the organization of an
 * offer or need, with a message. Its people are notified (by e-mail at once, by default). One open
 * request per organization and item: asking again returns the first. After a decline, the same
 * organization may ask about the same item again only DECLINED_PAUSE_DAYS later.
 */
export const DECLINED_PAUSE_DAYS = 30;

export async function requestContact(ctx: ServiceContext, actor: Actor, raw: z.input<typeof requestContactInput>): Promise<{ id: string; repeated: boolean }> {
  requireSignedIn(actor);
  const input = parseOrThrow(requestContactInput, raw);
  const { item, facts } = await findItem(ctx.db, input.item);
  const reader = await readerFor(ctx.db, actor);
  const fromOrganizationId = await actingOrganizationFor(ctx.db, actor, input.organization);
  authorize(exchangePolicy.requestContact(reader, facts, fromOrganizationId), { visible: exchangePolicy.read(reader, facts) });
  if (item.status !== "open" && item.status !== "in_conversation") throw new AppError("conflict", "exchange.error.notOpen");
  if (input.fromItem) {
    const own = await findItem(ctx.db, input.fromItem);
    if (own.item.organizationId !== fromOrganizationId) throw invalid({ fromItem: ["i18n:exchange.validation.fromItem"] });
  }
  const userId = actor.userId;
  // Read through the caller's handle: inside the transaction, the transaction's (PGlite runs one at a time).
  const existing = async (db: Database) => {
    const [byKey] = input.idempotencyKey
      ? await db.select({ id: exchangeContacts.id }).from(exchangeContacts).where(and(eq(exchangeContacts.requestedBy, userId), eq(exchangeContacts.creationKey, input.idempotencyKey)))
      : [];
    if (byKey) return byKey;
    const [pending] = await db
      .select({ id: exchangeContacts.id })
      .from(exchangeContacts)
      .where(and(eq(exchangeContacts.fromOrganizationId, fromOrganizationId), eq(exchangeContacts.itemId, item.id), eq(exchangeContacts.status, "requested")));
    return pending;
  };
  const first = await existing(ctx.db);
  if (first) return { id: first.id, repeated: true };
  // A declined request is not asked again at once: the other side said no, and may say why.
  const [declined] = await ctx.db
    .select({ id: exchangeContacts.id })
    .from(exchangeContacts)
    .where(
      and(
        eq(exchangeContacts.fromOrganizationId, fromOrganizationId),
        eq(exchangeContacts.itemId, item.id),
        eq(exchangeContacts.status, "declined"),
        gt(exchangeContacts.decidedAt, sql`now() - make_interval(days => ${DECLINED_PAUSE_DAYS})`),
      ),
    )
    .limit(1);
  if (declined) throw new AppError("conflict", "exchange.error.declinedRecently");
  const summary = await itemSummary(ctx.db, item.id);
  const from = await organizationName(ctx.db, fromOrganizationId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(exchangeContacts)
      .values({ itemId: item.id, fromItemId: input.fromItem ?? null, fromOrganizationId, toOrganizationId: item.organizationId, requestedBy: userId, message: input.message, creationKey: input.idempotencyKey ?? null })
      .onConflictDoNothing()
      .returning({ id: exchangeContacts.id });
    if (!row) {
      const again = await existing(tx);
      return { id: again!.id, repeated: true };
    }
    await notify(tx, {
      kind: "exchange.contact_request",
      key: `exchange.contact_request:${row.id}`,
      data: { path: `/exchange/contacts/${row.id}`, titles: summary.titles, originalLanguage: summary.originalLanguage, itemKind: summary.itemKind, organization: from, excerpt: input.message.slice(0, 300) },
      audience: { type: "organizations", organizationIds: [item.organizationId] },
      actorUserId: userId,
    });
    return { id: row.id, repeated: false };
  });
}
