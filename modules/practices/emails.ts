// E-mails of the good-practice bank, rendered in each recipient's language when delivered.
import { z } from "zod";
import { localizedText } from "../../platform/i18n/content.ts";
import { defineEmailTemplate } from "../../platform/mail/templates.ts";

const practiceData = {
  name: z.string(),
  titles: z.record(z.string(), z.string()),
  originalLanguage: z.string(),
  slug: z.string(),
  organizationName: z.string(),
  networkName: z.string(),
};

/** To the network's secretariat when a practice is submitted to its bank. */
export const practiceSubmittedEmail = defineEmailTemplate({
  name: "practices.submitted",
  data: z.object(practiceData),
  content: (t, data, { publicUrl, locale }) => {
    const values = { title: localizedText(data.titles, locale, data.originalLanguage), organization: data.organizationName, network: data.networkName };
    return {
      subject: t("practices.email.submitted.subject", values),
      greeting: t("email.greeting", { name: data.name }),
      paragraphs: [t("practices.email.submitted.body", values)],
      action: { label: t("practices.email.submitted.action"), url: `${publicUrl}/${locale}/practices/${data.slug}/review` },
      footer: t("practices.email.footer", { network: data.networkName }),
    };
  },
});

/** To the practice's organization when a moderator publishes it, asks for changes or declines it. */
export const practiceDecisionEmail = defineEmailTemplate({
  name: "practices.decision",
  data: z.object({ ...practiceData, decision: z.enum(["publish", "request_changes", "decline"]), comment: z.string().nullable() }),
  content: (t, data, { publicUrl, locale }) => {
    const values = { title: localizedText(data.titles, locale, data.originalLanguage), organization: data.organizationName, network: data.networkName };
    return {
      subject: t(`practices.email.${data.decision}.subject`, values),
      greeting: t("email.greeting", { name: data.name }),
      paragraphs: [t(`practices.email.${data.decision}.body`, values), ...(data.comment ? [t("practices.email.comment", { comment: data.comment })] : [])],
      action: {
        label: t("practices.email.decision.action"),
        url: `${publicUrl}/${locale}/practices/${data.slug}${data.decision === "publish" ? "" : "/edit"}`,
      },
      footer: t("practices.email.footer", { network: data.networkName }),
    };
  },
});

export const practicesEmailTemplates = [practiceSubmittedEmail, practiceDecisionEmail];
