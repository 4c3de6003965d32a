import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { findProject } from "./find.ts";
import { requestExtensionInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { projectExtensions } from "./schema.ts";

/** The lead asks to extend the execution period, within what the call allows in all (6 months), with a reason; one request at a time. */
export async function requestExtension(ctx: ServiceContext, actor: Actor, projectId: string, raw: { months: number; reason: string }): Promise<{ id: string }> {
  requireSignedIn(actor);
  const input = parseOrThrow(requestExtensionInput, raw);
  const { project, call, projectFacts } = await findProject(ctx.db, projectId);
  authorize(callsPolicy.reportProject(actor, projectFacts), { visible: callsPolicy.readProject(actor, projectFacts) });
  if (project.extendedMonths + input.months > call.extensionMonths) throw invalid({ months: ["i18n:calls.validation.extensionTooLong"] });
  const [row] = await ctx.db
    .insert(projectExtensions)
    .values({ projectId, months: input.months, reason: input.reason, requestedBy: actor.userId })
    .onConflictDoNothing()
    .returning({ id: projectExtensions.id });
  if (!row) throw new AppError("conflict", "calls.error.extensionPending");
  return { id: row.id };
}
