// How rendered e-mails leave: SMTP (SMTP_URL), or, with no SMTP configured, the local mailbox:
// the message is kept with its outbox row and shown at /<lang>/dev/mailbox in development.
import nodemailer from "nodemailer";

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox row, so a message delivered twice can be recognised as one. */
  messageId: string;
  /** Extra headers (List-Unsubscribe…). */
  headers?: Record<string, string>;
}

export interface MailTransport {
  kind: "smtp" | "mailbox";
  send(email: OutgoingEmail): Promise<{ response?: string }>;
  close(): void;
}

export function createSmtpTransport(url: string): MailTransport {
  // Bounded waits, so a silent server fails the attempt (to be retried) instead of holding the worker.
  const transporter = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return {
    kind: "smtp",
    async send(email) {
      const info = await transporter.sendMail(email);
      return { response: info.response };
    },
    close: () => transporter.close(),
  };
}

export const mailboxTransport: MailTransport = {
  kind: "mailbox",
  send: async () => ({}),
  close: () => {},
};
