import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import type { Auth } from "../../platform/auth.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Database } from "../../platform/db/client.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { isLocale } from "../../platform/i18n/locales.ts";
import { sendEmail } from "../../platform/mail/send-email.ts";
import { confirmIdentity } from "./confirm-identity.ts";
import { emailChangeNoticeEmail } from "./emails.ts";
import { requestEmailChangeInput, type RequestEmailChangeInput } from "./inputs.ts";

/**
 * Starts moving the signed-in person's account to a new address, once they confirm who they are:
 * a link goes to the new address (the address changes only when it is followed) and a notice to
 * the current one. The answer is the same when another account already uses the new address
 * (nothing is sent to it then), so the form does not reveal who has an account.
 */
export async function requestEmailChange(
  ctx: ServiceContext & { auth: Auth },
  raw: RequestEmailChangeInput,
  requestHeaders: Headers,
): Promise<{ newEmail: string }> {
  const session = await ctx.auth.api.getSession({ headers: requestHeaders });
  if (!session) throw new AppError("unauthorized", "error.signInRequired");
  const parsed = requestEmailChangeInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const { newEmail, ...proof } = parsed.data;
  const user = session.user as typeof session.user & { locale?: string };
  if (newEmail === user.email) throw invalid({ newEmail: ["i18n:validation.sameEmail"] });
  await confirmIdentity(ctx, user, proof);
  await ctx.auth.api.changeEmail({ body: { newEmail }, headers: requestHeaders });
  await ctx.db.transaction(async (tx) => {
    await sendEmail(tx as unknown as Database, {
      to: user.email,
      locale: isLocale(user.locale) ? user.locale : "es",
      template: emailChangeNoticeEmail.name,
      data: { name: user.name },
    });
    await recordAuditEvent(tx as unknown as Database, {
      kind: "email_change_requested",
      actorUserId: user.id,
      ipAddress: requestHeaders.get("x-pares-client-ip"),
    });
  });
  return { newEmail };
}
