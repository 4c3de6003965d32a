import { z } from "zod";
import { defineEmailTemplate } from "../../platform/mail/templates.ts";
import { memberRoles } from "./schema.ts";

/** Sent to the invited address. It names the inviter and the organization, both known to Pares. */
export const invitationEmail = defineEmailTemplate({
  name: "organizations.invitation",
  data: z.object({ token: z.string(), organizationName: z.string(), inviterName: z.string(), role: z.enum(memberRoles), days: z.number().int() }),
  content: (t, data, { publicUrl, locale }) => ({
    subject: t("email.invitation.subject", { organization: data.organizationName }),
    greeting: t("email.greetingAnonymous"),
    paragraphs: [
      t("email.invitation.body", { inviter: data.inviterName, organization: data.organizationName, role: t(`organization.role.${data.role}`) }),
      t("email.invitation.expiry", { days: data.days }),
    ],
    action: { label: t("email.invitation.action"), url: `${publicUrl}/${locale}/invitations/${encodeURIComponent(data.token)}` },
    footer: t("email.invitation.footer"),
  }),
});

/** To each focal point of the organization. */
export const joinRequestEmail = defineEmailTemplate({
  name: "organizations.join-request",
  data: z.object({ name: z.string(), requesterName: z.string(), organizationName: z.string(), slug: z.string() }),
  content: (t, data, { publicUrl, locale }) => ({
    subject: t("email.joinRequest.subject", { organization: data.organizationName }),
    greeting: t("email.greeting", { name: data.name }),
    paragraphs: [t("email.joinRequest.body", { requester: data.requesterName, organization: data.organizationName })],
    action: { label: t("email.joinRequest.action"), url: `${publicUrl}/${locale}/organizations/${data.slug}/members` },
    footer: t("email.joinRequest.footer"),
  }),
});

/** To the person who asked to join. */
export const joinDecisionEmail = defineEmailTemplate({
  name: "organizations.join-decision",
  data: z.object({ name: z.string(), organizationName: z.string(), slug: z.string(), approved: z.boolean() }),
  content: (t, data, { publicUrl, locale }) => ({
    subject: data.approved
      ? t("email.joinApproved.subject", { organization: data.organizationName })
      : t("email.joinDeclined.subject", { organization: data.organizationName }),
    greeting: t("email.greeting", { name: data.name }),
    paragraphs: [
      data.approved
        ? t("email.joinApproved.body", { organization: data.organizationName })
        : t("email.joinDeclined.body", { organization: data.organizationName }),
    ],
    action: { label: t("email.joinDecision.action"), url: `${publicUrl}/${locale}/organizations/${data.slug}` },
    footer: t("email.joinDecision.footer"),
  }),
});

export const organizationsEmailTemplates = [invitationEmail, joinRequestEmail, joinDecisionEmail];
