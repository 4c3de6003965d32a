// The e-mails Better Auth asks the accounts module to send, queued through the outbox.
import { eq } from "drizzle-orm";
import type { AuthEmails } from "../../platform/auth.ts";
import type { Database } from "../../platform/db/client.ts";
import { isLocale } from "../../platform/i18n/locales.ts";
import { sendEmail } from "../../platform/mail/send-email.ts";
import { changeEmailEmail, passwordResetEmail, verifyEmailEmail } from "./emails.ts";
import { users } from "./schema.ts";

export function accountsAuthEmails(db: Database): AuthEmails {
  /** A link-carrying e-mail to the account's address, in the account's language. */
  const sendToken = (template: string) => async (user: { email: string; locale?: string }, token: string) => {
    await sendEmail(db, { to: user.email, locale: isLocale(user.locale) ? user.locale : "es", template, data: { token } });
  };
  return {
    // Better Auth verifies a new address of an existing account (an e-mail change) through the
    // same hook, with the new address in `user.email`: that one gets the change's own message.
    verification: async (user, token) => {
      const [stored] = await db.select({ email: users.email }).from(users).where(eq(users.id, user.id));
      const changing = stored !== undefined && stored.email !== user.email.toLowerCase();
      await sendToken(changing ? changeEmailEmail.name : verifyEmailEmail.name)(user, token);
    },
    passwordReset: sendToken(passwordResetEmail.name),
  };
}
