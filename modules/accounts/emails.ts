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

export const accountsEmailTemplates = [adminWelcomeEmail];
