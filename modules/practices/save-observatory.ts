import { eq } from "drizzle-orm";
import { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { parseOrThrow } from "./create-practice.ts";
import { bankPolicy } from "./policy.ts";
import { practiceObservatories } from "./schema.ts";

const translated = (max: number) =>
  z.object({ es: z.string().trim().max(max).optional(), pt: z.string().trim().max(max).optional(), en: z.string().trim().max(max).optional() });

export const saveObservatoryInput = z.object({
  names: translated(200).refine((n) => !!(n.es || n.pt || n.en), { error: "i18n:practices.validation.observatoryName" }),
  description: translated(4000).default({}),
  partner: z
    .string()
    .trim()
    .max(120)
    .optional()
    .describe("Slug of the university association that co-moderates it (an organization of kind university_association); empty: none"),
});
export type SaveObservatoryInput = z.input<typeof saveObservatoryInput>;

/** The secretariat opens (or edits) its network's city–university observatory and names the university association that runs it with the network. */
export async function saveObservatory(ctx: ServiceContext, actor: Actor, networkSlug: string, raw: SaveObservatoryInput): Promise<void> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  authorize(bankPolicy.manage(actor, { networkId: network.id, hosted: network.hosted }));
  const input = parseOrThrow(saveObservatoryInput, raw);
  let partnerId: string | null = null;
  if (input.partner) {
    const [org] = await ctx.db.select({ id: organizations.id, kind: organizations.kind }).from(organizations).where(eq(organizations.slug, input.partner));
    if (!org) throw invalid({ partner: ["i18n:validation.organizationUnknown"] });
    if (org.kind !== "university_association") throw invalid({ partner: ["i18n:practices.validation.partnerNotAssociation"] });
    partnerId = org.id;
  }
  const clean = (t: Record<string, string | undefined>) => Object.fromEntries(Object.entries(t).filter(([, v]) => !!v)) as Record<string, string>;
  await ctx.db
    .insert(practiceObservatories)
    .values({ networkId: network.id, names: clean(input.names), description: clean(input.description), partnerOrganizationId: partnerId })
    .onConflictDoUpdate({ target: practiceObservatories.networkId, set: { names: clean(input.names), description: clean(input.description), partnerOrganizationId: partnerId } });
}
