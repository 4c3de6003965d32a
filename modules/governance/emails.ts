import { z } from "zod";
import { localizedText } from "../../platform/i18n/content.ts";
import { defineEmailTemplate } from "../../platform/mail/templates.ts";
import { displayName } from "./display.ts";
import { candidacyRoles } from "./schema.ts";

/** To each focal point of the candidate organization, in their language, when the secretariat records the decision. */
export const candidacyDecisionEmail = defineEmailTemplate({
  name: "governance.candidacy-decision",
  data: z.object({
    name: z.string(),
    organizationName: z.string(),
    networkName: z.string(),
    networkSlug: z.string(),
    bodyNames: z.record(z.string(), z.string()),
    bodyNameLanguage: z.string(),
    bodySlug: z.string(),
    termLabel: z.string(),
    startsOn: z.string(),
    role: z.enum(candidacyRoles),
    approved: z.boolean(),
    reference: z.string(),
    reason: z.string().nullable(),
  }),
  content: (t, data, { publicUrl, locale }) => {
    const values = {
      organization: displayName(data.organizationName),
      network: data.networkName,
      body: localizedText(data.bodyNames, locale, data.bodyNameLanguage),
      term: data.termLabel,
      role: data.role,
      reference: data.reference,
      date: new Intl.DateTimeFormat(locale === "pt" ? "pt-BR" : locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${data.startsOn}T00:00:00Z`)),
    };
    return {
      subject: data.approved ? t("governance.email.approved.subject", values) : t("governance.email.rejected.subject", values),
      greeting: t("email.greeting", { name: data.name }),
      paragraphs: [
        data.approved ? t("governance.email.approved.body", values) : t("governance.email.rejected.body", values),
        ...(data.reason ? [t("governance.email.reason", { reason: data.reason })] : []),
      ],
      action: { label: t("governance.email.action"), url: `${publicUrl}/${locale}/networks/${data.networkSlug}/bodies/${data.bodySlug}` },
      footer: t("governance.email.footer", { network: data.networkName }),
    };
  },
});

export const governanceEmailTemplates = [candidacyDecisionEmail];
