import { inArray } from "drizzle-orm";
import { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { themes } from "../themes/schema.ts";
import { parseOrThrow } from "./create-practice.ts";
import { bankPolicy } from "./policy.ts";
import { axisScopes, practiceAxes } from "./schema.ts";

export const savePracticeAxisInput = z.object({
  scope: z.enum(axisScopes).default("bank").describe("bank: the good-practice bank; observatory: the city–university observatory"),
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, { error: "i18n:practices.validation.axis" })
    .max(40, { error: "i18n:practices.validation.axis" }),
  names: z
    .object({ es: z.string().trim().max(120).optional(), pt: z.string().trim().max(120).optional(), en: z.string().trim().max(120).optional() })
    .refine((n) => !!(n.es || n.pt || n.en), { error: "i18n:practices.validation.axisName" }),
  themeIds: z.array(z.string().trim().max(60)).max(20).default([]).describe("Themes of the taxonomy the axis maps onto"),
  position: z.coerce.number().int().min(0).max(100).default(0),
});
export type SavePracticeAxisInput = z.input<typeof savePracticeAxisInput>;

/** The secretariat adds or renames one of its network's axes and maps it onto the taxonomy's themes. */
export async function savePracticeAxis(ctx: ServiceContext, actor: Actor, networkSlug: string, raw: SavePracticeAxisInput): Promise<void> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  authorize(bankPolicy.manage(actor, { networkId: network.id, hosted: network.hosted }));
  const input = parseOrThrow(savePracticeAxisInput, raw);
  const themeIds = [...new Set(input.themeIds)];
  if (themeIds.length > 0) {
    const known = await ctx.db.select({ id: themes.id }).from(themes).where(inArray(themes.id, themeIds));
    if (known.length !== themeIds.length) throw invalid({ themeIds: ["i18n:practices.validation.theme"] });
  }
  const names = Object.fromEntries(Object.entries(input.names).filter(([, v]) => !!v));
  await ctx.db
    .insert(practiceAxes)
    .values({ networkId: network.id, scope: input.scope, key: input.key, names, themeIds, position: input.position })
    .onConflictDoUpdate({ target: [practiceAxes.networkId, practiceAxes.scope, practiceAxes.key], set: { names, themeIds, position: input.position } });
}
