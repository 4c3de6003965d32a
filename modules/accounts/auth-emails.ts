// The e-mails Better Auth asks the accounts module to send, queued through the outbox.
import type { AuthEmails } from "../../platform/auth.ts";
import type { Database } from "../../platform/db/client.ts";
import { isLocale } from "../../platform/i18n/locales.ts";
import { sendEmail } from "../../platform/mail/send-email.ts";
import { passwordResetEmail, verifyEmailEmail } from "./emails.ts";

export function accountsAuthEmails(db: Database): AuthEmails {
  return {
    async verification(user, token) {
      await sendEmail(db, {
        to: user.email,
        locale: isLocale(user.locale) ? user.locale : "es",
        template: verifyEmailEmail.name,
        data: { token },
      });
    },
    async passwordReset(user, token) {
      await sendEmail(db, {
        to: user.email,
        locale: isLocale(user.locale) ? user.locale : "es",
        template: passwordResetEmail.name,
        data: { token },
      });
    },
  };
}
