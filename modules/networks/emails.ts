// E-mails about network memberships, rendered in each recipient's language when delivered.
import { z } from "zod";
import type { Locale } from "../../platform/i18n/locales.ts";
import { defineEmailTemplate } from "../../platform/mail/templates.ts";

const translatedName = z.object({ es: z.string().optional(), pt: z.string().optional(), en: z.string().optional() });
const nameIn = (data: { networkName: string; networkNames: z.infer<typeof translatedName> }, locale: Locale) => data.networkNames[locale] ?? data.networkName;

/** To each member of the network's secretariat organization (to each platform administrator when it has none). */
export const networkApplicationEmail = defineEmailTemplate({
  name: "networks.application",
  data: z.object({
    name: z.string(),
    organizationName: z.string(),
    networkName: z.string(),
    networkNames: translatedName,
    networkSlug: z.string(),
    membershipId: z.string(),
    message: z.string().optional(),
    /** The network has no secretariat organization: the recipient decides as a platform administrator. */
    toAdministrator: z.boolean().optional(),
  }),
  content: (t, data, { publicUrl, locale }) => {
    const network = nameIn(data, locale);
    return {
      subject: t("email.networkApplication.subject", { organization: data.organizationName, network }),
      greeting: t("email.greeting", { name: data.name }),
      paragraphs: [
        t(data.toAdministrator ? "email.networkApplication.bodyAdministrator" : "email.networkApplication.body", { organization: data.organizationName, network }),
        ...(data.message ? [t("email.networkApplication.message", { message: data.message })] : []),
      ],
      action: { label: t("email.networkApplication.action"), url: `${publicUrl}/${locale}/networks/${data.networkSlug}/memberships/${data.membershipId}` },
      footer: t(data.toAdministrator ? "email.networkApplication.footerAdministrator" : "email.networkApplication.footer", { network }),
    };
  },
});

/** To each focal point of the applicant organization. */
export const networkDecisionEmail = defineEmailTemplate({
  name: "networks.decision",
  data: z.object({
    name: z.string(),
    organizationName: z.string(),
    networkName: z.string(),
    networkNames: translatedName,
    networkSlug: z.string(),
    membershipId: z.string(),
    approved: z.boolean(),
    categoryNames: translatedName.optional(),
    reason: z.string().optional(),
  }),
  content: (t, data, { publicUrl, locale }) => {
    const network = nameIn(data, locale);
    const category = data.categoryNames ? (data.categoryNames[locale] ?? Object.values(data.categoryNames)[0]) : undefined;
    const paragraphs = data.approved
      ? [
          t("email.networkApproved.body", { organization: data.organizationName, network }),
          ...(category ? [t("email.networkApproved.category", { category })] : []),
        ]
      : [t("email.networkDeclined.body", { organization: data.organizationName, network }), t("email.networkDeclined.reason", { reason: data.reason ?? "" })];
    return {
      subject: data.approved
        ? t("email.networkApproved.subject", { organization: data.organizationName, network })
        : t("email.networkDeclined.subject", { organization: data.organizationName, network }),
      greeting: t("email.greeting", { name: data.name }),
      paragraphs,
      action: { label: t("email.networkDecision.action"), url: `${publicUrl}/${locale}/networks/${data.networkSlug}/memberships/${data.membershipId}` },
      footer: t("email.networkDecision.footer", { organization: data.organizationName }),
    };
  },
});

export const networksEmailTemplates = [networkApplicationEmail, networkDecisionEmail];
