import { sql } from "drizzle-orm";
import { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Translated } from "../../platform/i18n/locales.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { describeItems, type ItemView } from "./describe.ts";
import { type ExplainedMatch, explainMatch } from "./explain.ts";
import { findItem, readerFor } from "./find.ts";
import { exchangePolicy } from "./policy.ts";
import { exchangeItems, type MatchExplanation } from "./schema.ts";

export const listMatchesInput = z.object({
  limit: z.coerce.number().int().min(1).max(30).default(10).describe("How many suggestions (best first)"),
});

export interface MatchView {
  item: ItemView;
  score: number;
  explanation: ExplainedMatch;
}

export interface MatchList {
  matches: MatchView[];
  /** The item changed and its suggestions are being computed again (within seconds). */
  pending: boolean;
  /** Suggestions this person dismissed (left out of the list). */
  dismissed: number;
}

/**
 * The best counterparts of the organization's offer or need, with a score and the reasons, for
 * the organization's people: the other kind, still open, never the organization itself, without
 * those the person dismissed.
 */
export async function listMatches(ctx: ServiceContext, actor: Actor, id: string, raw: z.input<typeof listMatchesInput>, locale: Locale): Promise<MatchList> {
  requireSignedIn(actor);
  const input = parseOrThrow(listMatchesInput, raw);
  const { item, facts } = await findItem(ctx.db, id);
  const reader = await readerFor(ctx.db, actor);
  authorize(exchangePolicy.seeMatches(actor, facts), { visible: exchangePolicy.read(reader, facts) });
  // Pairs are stored; who may see what changes (a membership ends): each counterpart is checked now.
  const visible = sql`(o.visibility = 'platform' or o.organization_id = any(${`{${[...actor.memberships.keys()].join(",")}}`}::uuid[])
    or exists (select 1 from exchange_item_networks vn where vn.item_id = o.id and vn.network_id = any(${`{${[...reader.networkIds].join(",")}}`}::uuid[])))`;
  const [mine, theirs] = item.kind === "need" ? [sql`m.need_id`, sql`m.offer_id`] : [sql`m.offer_id`, sql`m.need_id`];
  const rows = await queryRows<{ other_id: string; score: number; explanation: MatchExplanation; dismissed: boolean }>(
    ctx.db,
    sql`select ${theirs} as other_id, m.score, m.explanation,
               exists (select 1 from exchange_dismissals d where d.user_id = ${actor.userId} and d.item_id = ${id} and d.other_id = ${theirs}) as dismissed
        from exchange_matches m join exchange_items o on o.id = ${theirs}
        where ${mine} = ${id} and o.status in ('open', 'in_conversation') and o.expires_on >= current_date and ${visible}
        order by m.score desc, ${theirs}`,
  );
  const kept = rows.filter((r) => !r.dismissed).slice(0, input.limit);
  const others = kept.length ? await ctx.db.select().from(exchangeItems).where(sql`${exchangeItems.id} = any(${`{${kept.map((r) => r.other_id).join(",")}}`}::uuid[])`) : [];
  const views = new Map((await describeItems(ctx.db, others, locale, actor)).map((v) => [v.id, v]));
  const networkNames = await namesOfNetworks(ctx, kept.flatMap((r) => r.explanation.sharedNetworkIds), locale);
  const matches: MatchView[] = [];
  for (const r of kept) {
    const view = views.get(r.other_id);
    if (!view) continue;
    const shared = r.explanation.sharedNetworkIds.flatMap((n) => (networkNames.has(n) ? [networkNames.get(n)!] : []));
    matches.push({ item: view, score: Number(r.score), explanation: await explainMatch(ctx.db, r.explanation, shared, locale) });
  }
  return { matches, pending: item.matchedRevision !== item.revision, dismissed: rows.length - rows.filter((r) => !r.dismissed).length };
}

async function namesOfNetworks(ctx: ServiceContext, ids: string[], locale: Locale): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; name: string; names: Translated }>(ctx.db, sql`select id, name, names from networks where id = any(${`{${[...new Set(ids)].join(",")}}`}::uuid[])`);
  return new Map(rows.map((r) => [r.id, localizedText(r.names, locale) || r.name]));
}
