import { sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import type { Actor } from "../organizations/actor.ts";
import { findContact } from "./find-contact.ts";
import { type ContactSummary, listContacts } from "./list-conversations.ts";
import { exchangePolicy } from "./policy.ts";

/** One contact request, for the people of its two organizations (the page the e-mail links to). */
export async function getContact(ctx: ServiceContext, actor: Actor, id: string, locale: Locale): Promise<ContactSummary & { canDecide: boolean; requester: string | null }> {
  requireSignedIn(actor);
  const contact = await findContact(ctx.db, id);
  authorize(exchangePolicy.readContact(actor, contact), { visible: false });
  const [summary] = await listContacts(ctx, actor, locale, id);
  const [requester] = await queryRows<{ name: string }>(ctx.db, sql`select name from users where id = ${contact.requestedBy}`);
  return { ...summary!, canDecide: exchangePolicy.decideContact(actor, contact) && contact.status === "requested", requester: requester?.name ?? null };
}
