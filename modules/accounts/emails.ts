import { z } from "zod";
import { defineEmailTemplate } from "../../platform/mail/templates.ts";

export const adminWelcomeEmail = defineEmailTemplate({
  name: "accounts.admin-welcome",
  data: z.object({ name: z.string() }),
  content: (t, data, { publicUrl, locale }) => ({
    subject: t("email.adminWelcome.subject"),
    greeting: t("email.greeting", { name: data.name }),
    paragraphs: [t("email.adminWelcome.body"), t("email.adminWelcome.security")],
    action: { label: t("email.adminWelcome.action"), url: `${publicUrl}/${locale}` },
    footer: t("email.adminWelcome.footer"),
  }),
});

/** Sent to any address someone types: it repeats nothing they typed (no name), so it cannot carry their text. */
export const verifyEmailEmail = defineEmailTemplate({
  name: "accounts.verify-email",
  data: z.object({ token: z.string() }),
  content: (t, data, { publicUrl, locale }) => ({
    subject: t("email.verify.subject"),
    greeting: t("email.greetingAnonymous"),
    paragraphs: [t("email.verify.body"), t("email.verify.expiry")],
    action: { label: t("email.verify.action"), url: `${publicUrl}/${locale}/verify-email?token=${encodeURIComponent(data.token)}` },
    footer: t("email.verify.footer"),
  }),
});

export const passwordResetEmail = defineEmailTemplate({
  name: "accounts.reset-password",
  data: z.object({ token: z.string() }),
  content: (t, data, { publicUrl, locale }) => ({
    subject: t("email.reset.subject"),
    greeting: t("email.greetingAnonymous"),
    paragraphs: [t("email.reset.body"), t("email.reset.expiry")],
    action: { label: t("email.reset.action"), url: `${publicUrl}/${locale}/reset-password?token=${encodeURIComponent(data.token)}` },
    footer: t("email.reset.footer"),
  }),
});

/** Sent to the address a person asked to move their account to; like verification, it repeats nothing they typed. */
export const changeEmailEmail = defineEmailTemplate({
  name: "accounts.change-email",
  data: z.object({ token: z.string() }),
  content: (t, data, { publicUrl, locale }) => ({
    subject: t("email.changeEmail.subject"),
    greeting: t("email.greetingAnonymous"),
    paragraphs: [t("email.changeEmail.body"), t("email.changeEmail.expiry")],
    action: { label: t("email.changeEmail.action"), url: `${publicUrl}/${locale}/account/email/confirm?token=${encodeURIComponent(data.token)}` },
    footer: t("email.changeEmail.footer"),
  }),
});

/** Sent to the account's current address when someone asks to change it; it does not name the new one. */
export const emailChangeNoticeEmail = defineEmailTemplate({
  name: "accounts.email-change-notice",
  data: z.object({ name: z.string() }),
  content: (t, data, { publicUrl, locale }) => ({
    subject: t("email.changeNotice.subject"),
    greeting: t("email.greeting", { name: data.name }),
    paragraphs: [t("email.changeNotice.body"), t("email.changeNotice.security")],
    action: { label: t("email.changeNotice.action"), url: `${publicUrl}/${locale}/forgot-password` },
    footer: t("email.changeNotice.footer"),
  }),
});

export const accountsEmailTemplates = [adminWelcomeEmail, verifyEmailEmail, passwordResetEmail, changeEmailEmail, emailChangeNoticeEmail];
