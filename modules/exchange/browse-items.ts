import { type SQL, sql } from "drizzle-orm";
import { requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import { conceptKeys } from "../../platform/search/concepts.ts";
import { pgArray, queryWords } from "../../platform/search/prepare-query.ts";
import { searchLanguages } from "../../platform/search/text.ts";
import type { Actor } from "../organizations/actor.ts";
import { describeItems, type ItemView } from "./describe.ts";
import { readerFor } from "./find.ts";
import { browseItemsInput, type BrowseItemsInput } from "./inputs.ts";
import { exchangeItems } from "./schema.ts";

export interface BrowseResult {
  items: ItemView[];
  total: number;
  page: number;
  pageSize: number;
}

const uuidArray = (ids: Iterable<string>) => `{${[...ids].join(",")}}`;

/** The concept keys of a query typed in any of the three languages: each word's keys, by word. */
export function queryConcepts(text: string): { word: number; key: string }[] {
  const out: { word: number; key: string }[] = [];
  queryWords(text).forEach((word, index) => {
    const keys = new Set(searchLanguages.flatMap((l) => conceptKeys(word, l)));
    for (const key of keys) out.push({ word: index, key });
  });
  return out;
}

/**
 * The offers and needs a person may read, filtered, newest first or — with words, in any of the
 * three languages — those whose texts carry most of the words' concepts first.
 */
export async function browseItems(ctx: ServiceContext, actor: Actor, raw: BrowseItemsInput, locale: Locale): Promise<BrowseResult> {
  requireSignedIn(actor);
  const input = parseOrThrow(browseItemsInput, raw);
  const reader = await readerFor(ctx.db, actor);
  const where: SQL[] = [];
  if (!actor.platformAdmin) {
    where.push(sql`(i.organization_id = any(${uuidArray(actor.memberships.keys())}::uuid[]) or i.visibility = 'platform'
      or exists (select 1 from exchange_item_networks vn where vn.item_id = i.id and vn.network_id = any(${uuidArray(reader.networkIds)}::uuid[])))`);
  }
  where.push(input.status ? sql`i.status = ${input.status}` : sql`i.status in ('open', 'in_conversation')`);
  if (input.kind) where.push(sql`i.kind = ${input.kind}`);
  if (input.theme) where.push(sql`${input.theme} = any(i.theme_ids)`);
  if (input.sdg) where.push(sql`${input.sdg}::int = any(i.sdg_goals)`);
  if (input.modality) where.push(sql`${input.modality} = any(i.modalities)`);
  if (input.language) where.push(sql`${input.language} = any(i.languages)`);
  if (input.network) where.push(sql`exists (select 1 from exchange_item_networks fn join networks w on w.id = fn.network_id where fn.item_id = i.id and w.slug = ${input.network})`);
  if (input.organization) where.push(sql`i.organization_id = (select id from organizations where slug = ${input.organization})`);
  const concepts = input.q ? queryConcepts(input.q) : [];
  const offset = (input.page - 1) * input.pageSize;
  const filter = sql.join(where, sql` and `);
  let ids: string[];
  let total: number;
  if (input.q && concepts.length === 0) {
    ids = [];
    total = 0;
  } else if (concepts.length > 0) {
    const hits = sql`select c.item_id, count(distinct q.word) as words, sum(c.weight) as weight
      from unnest(${`{${concepts.map((c) => c.word).join(",")}}`}::int[], ${pgArray(concepts.map((c) => c.key))}::text[]) as q(word, key)
      join exchange_item_concepts c on c.key = q.key
      group by c.item_id`;
    const rows = await queryRows<{ id: string; total: number }>(
      ctx.db,
      sql`select i.id, count(*) over () as total from (${hits}) h join exchange_items i on i.id = h.item_id
          where ${filter} order by h.words desc, h.weight desc, i.created_at desc
          limit ${input.pageSize} offset ${offset}`,
    );
    ids = rows.map((r) => r.id);
    total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  } else {
    const rows = await queryRows<{ id: string; total: number }>(
      ctx.db,
      sql`select i.id, count(*) over () as total from exchange_items i where ${filter}
          order by i.created_at desc, i.id limit ${input.pageSize} offset ${offset}`,
    );
    ids = rows.map((r) => r.id);
    total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  }
  const rows = ids.length ? await ctx.db.select().from(exchangeItems).where(sql`${exchangeItems.id} = any(${uuidArray(ids)}::uuid[])`) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = await describeItems(ctx.db, ids.map((id) => byId.get(id)!), locale, actor);
  return { items, total, page: input.page, pageSize: input.pageSize };
}
