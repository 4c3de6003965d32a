import { sql } from "drizzle-orm";
import type { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { markReadInput } from "./inputs.ts";
import { notificationPolicy } from "./policy.ts";

/** Marks some (or all) of the person's own notifications read; others' ids are ignored. */
export async function markNotificationsRead(ctx: ServiceContext, actor: Actor, raw: z.input<typeof markReadInput>): Promise<void> {
  requireSignedIn(actor);
  authorize(notificationPolicy.changeOwn(actor));
  const input = parseOrThrow(markReadInput, raw);
  if (!input.all && input.ids.length === 0) return;
  await ctx.db.execute(
    sql`update notifications set read_at = now() where user_id = ${actor.userId} and read_at is null
        ${input.all ? sql`` : sql`and id = any(${`{${input.ids.join(",")}}`}::uuid[])`}`,
  );
}
