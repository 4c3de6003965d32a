import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import type { Actor } from "../organizations/actor.ts";
import { describeItems, type ItemView } from "./describe.ts";
import { findItem, readerFor } from "./find.ts";
import { exchangePolicy } from "./policy.ts";

/** An offer or a need, for whoever may read it (anyone else: not found). */
export async function getItem(ctx: ServiceContext, actor: Actor, id: string, locale: Locale): Promise<ItemView> {
  requireSignedIn(actor);
  const { item, facts } = await findItem(ctx.db, id);
  authorize(exchangePolicy.read(await readerFor(ctx.db, actor), facts), { visible: false });
  const [view] = await describeItems(ctx.db, [item], locale, actor);
  return view!;
}
