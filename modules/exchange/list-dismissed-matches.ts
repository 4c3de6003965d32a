// The suggestions a person left out as "not relevant" for their organization's offer or need,
// best first, so a page can bring them back (dismissMatch with undo). The same counterparts
// listMatches counts as dismissed: still open and not expired.
import { sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import type { Actor } from "../organizations/actor.ts";
import { describeItems, type ItemView } from "./describe.ts";
import { findItem, readerFor } from "./find.ts";
import { exchangePolicy } from "./policy.ts";
import { exchangeItems } from "./schema.ts";

export async function listDismissedMatches(ctx: ServiceContext, actor: Actor, id: string, locale: Locale): Promise<ItemView[]> {
  requireSignedIn(actor);
  const { item, facts } = await findItem(ctx.db, id);
  authorize(exchangePolicy.seeMatches(actor, facts), { visible: exchangePolicy.read(await readerFor(ctx.db, actor), facts) });
  const [mine, theirs] = item.kind === "need" ? [sql`m.need_id`, sql`m.offer_id`] : [sql`m.offer_id`, sql`m.need_id`];
  const rows = await queryRows<{ other_id: string }>(
    ctx.db,
    sql`select d.other_id from exchange_dismissals d
        join exchange_matches m on ${mine} = d.item_id and ${theirs} = d.other_id
        join exchange_items o on o.id = d.other_id
        where d.user_id = ${actor.userId} and d.item_id = ${id} and o.status in ('open', 'in_conversation') and o.expires_on >= current_date
        order by m.score desc, d.other_id`,
  );
  if (rows.length === 0) return [];
  const others = await ctx.db.select().from(exchangeItems).where(sql`${exchangeItems.id} = any(${`{${rows.map((r) => r.other_id).join(",")}}`}::uuid[])`);
  const views = new Map((await describeItems(ctx.db, others, locale, actor)).map((v) => [v.id, v]));
  return rows.flatMap((r) => (views.has(r.other_id) ? [views.get(r.other_id)!] : []));
}
