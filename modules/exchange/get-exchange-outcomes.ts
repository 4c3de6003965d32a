import { sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { findNetwork } from "../networks/find-network.ts";

export interface ExchangeOutcomes {
  openOffers: number;
  openNeeds: number;
  conversations: number;
  exchangesDone: number;
  projects: number;
  noFollowUp: number;
}

/**
 * What the exchange achieved in a network, for its public page: open offers and needs shared with
 * it, conversations about them, and how the closed ones ended. Counts only: nothing private.
 */
export async function getExchangeOutcomes(ctx: ServiceContext, networkSlug: string): Promise<ExchangeOutcomes> {
  const network = await findNetwork(ctx.db, networkSlug);
  const [row] = await queryRows<Record<keyof ExchangeOutcomes, number>>(
    ctx.db,
    sql`with items as (select i.id, i.kind, i.status from exchange_items i join exchange_item_networks n on n.item_id = i.id and n.network_id = ${network.id}),
             talks as (select c.outcome from exchange_conversations c join exchange_contacts k on k.id = c.contact_id where k.item_id in (select id from items))
        select (select count(*) from items where kind = 'offer' and status in ('open', 'in_conversation'))::int as "openOffers",
               (select count(*) from items where kind = 'need' and status in ('open', 'in_conversation'))::int as "openNeeds",
               (select count(*) from talks)::int as conversations,
               (select count(*) from talks where outcome = 'exchange_done')::int as "exchangesDone",
               (select count(*) from talks where outcome = 'project')::int as projects,
               (select count(*) from talks where outcome = 'no_follow_up')::int as "noFollowUp"`,
  );
  return row!;
}
