import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import type { Auth } from "../../platform/auth.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { resetPasswordInput } from "./inputs.ts";
import { verifications } from "./schema.ts";

/** Sets a new password with the token from the e-mail; every session of the account ends. */
export async function resetPassword(ctx: ServiceContext & { auth: Auth }, raw: { token: string; password: string }, requestHeaders?: Headers): Promise<void> {
  const parsed = resetPasswordInput.safeParse(raw);
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    if (fields.token) throw new AppError("invalid", "error.reset.invalid");
    throw invalid(fields);
  }
  // Better Auth keeps the link's token with the account it belongs to.
  const [link] = await ctx.db
    .select({ userId: verifications.value })
    .from(verifications)
    .where(eq(verifications.identifier, `reset-password:${parsed.data.token}`));
  try {
    await ctx.auth.api.resetPassword({ body: { token: parsed.data.token, newPassword: parsed.data.password } });
  } catch {
    throw new AppError("invalid", "error.reset.invalid");
  }
  if (link) await recordAuditEvent(ctx.db, { kind: "password_reset", actorUserId: link.userId, ipAddress: requestHeaders?.get("x-pares-client-ip") });
}
