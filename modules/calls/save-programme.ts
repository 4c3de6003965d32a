import { sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { saveProgrammeInput, type SaveProgrammeInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { programmes } from "./schema.ts";

/**
 * The secretariat describes a programme of its network (purpose, principles, lines of action, in
 * each language it writes); saving the same slug again updates it.
 */
export async function saveProgramme(ctx: ServiceContext, actor: Actor, raw: SaveProgrammeInput): Promise<{ id: string; slug: string }> {
  requireSignedIn(actor);
  const input = parseOrThrow(saveProgrammeInput, raw);
  const network = await findNetwork(ctx.db, input.network);
  authorize(callsPolicy.manage(actor, network.id), { visible: network.hosted });
  const originalLanguage = input.originalLanguage ?? locales.find((l) => input.texts[l])!;
  const [row] = await ctx.db
    .insert(programmes)
    .values({ networkId: network.id, slug: input.slug, originalLanguage, texts: input.texts })
    .onConflictDoUpdate({ target: [programmes.networkId, programmes.slug], set: { texts: input.texts, originalLanguage, updatedAt: sql`now()` } })
    .returning({ id: programmes.id });
  return { id: row!.id, slug: input.slug };
}
