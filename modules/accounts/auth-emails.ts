// The e-mails Better Auth asks the accounts module to send, queued through the outbox.
import type { AuthEmails } from "../../platform/auth.ts";
import type { Database } from "../../platform/db/client.ts";
import { isLocale } from "../../platform/i18n/locales.ts";
import { sendEmail } from "../../platform/mail/send-email.ts";
import { passwordResetEmail, verifyEmailEmail } from "./emails.ts";

export function accountsAuthEmails(db: Database): AuthEmails {
  /** A link-carrying e-mail to the account's address, in the account's language. */
  const sendToken = (template: string) => async (user: { email: string; locale?: string }, token: string) => {
    await sendEmail(db, { to: user.email, locale: isLocale(user.locale) ? user.locale : "es", template, data: { token } });
  };
  return {
    verification: sendToken(verifyEmailEmail.name),
    passwordReset: sendToken(passwordResetEmail.name),
  };
}
