// The e-mails of notifications: one event at once, or a digest of the day's or week's events.
// Each carries a one-click unsubscribe link (RFC 8058 headers) for that person and kind.
import { z } from "zod";
import { defineEmailTemplate } from "../../platform/mail/templates.ts";
import { type EventData, notificationLine, notificationValues } from "./describe.ts";

const eventData = z.looseObject({ path: z.string() });

export const notificationEventEmail = defineEmailTemplate({
  name: "notifications.event",
  data: z.object({ name: z.string(), kind: z.string(), event: eventData, unsubscribeToken: z.string() }),
  content: (t, data, { publicUrl, locale }) => {
    const event = data.event as EventData;
    const values = notificationValues(t, locale, event);
    return {
      subject: t(`notifications.email.${data.kind}.subject`, values),
      greeting: t("email.greeting", { name: data.name }),
      paragraphs: [t(`notifications.email.${data.kind}.body`, values), ...(event.excerpt ? [`“${event.excerpt}”`] : [])],
      action: { label: t("notifications.email.open"), url: `${publicUrl}/${locale}${event.path}` },
      footer: t("notifications.email.footer", { settings: `${publicUrl}/${locale}/account/notifications` }),
      unsubscribe: { label: t("notifications.email.unsubscribe", { kind: t(`notifications.kind.${data.kind}`) }), url: `${publicUrl}/${locale}/notifications/unsubscribe/${data.unsubscribeToken}`, oneClickUrl: `${publicUrl}/api/v1/notifications/unsubscribe/${data.unsubscribeToken}` },
    };
  },
});

export const notificationDigestEmail = defineEmailTemplate({
  name: "notifications.digest",
  data: z.object({
    name: z.string(),
    period: z.enum(["daily", "weekly"]),
    items: z.array(z.object({ kind: z.string(), event: eventData })),
    unsubscribeToken: z.string(),
  }),
  content: (t, data, { publicUrl, locale }) => ({
    subject: t(`notifications.digest.${data.period}.subject`, { count: data.items.length }),
    greeting: t("email.greeting", { name: data.name }),
    paragraphs: [t(`notifications.digest.${data.period}.intro`, { count: data.items.length })],
    items: data.items.map((i) => ({ text: notificationLine(t, locale, i.kind, i.event as EventData), url: `${publicUrl}/${locale}${i.event.path}` })),
    action: { label: t("notifications.digest.inbox"), url: `${publicUrl}/${locale}/notifications` },
    footer: t("notifications.email.footer", { settings: `${publicUrl}/${locale}/account/notifications` }),
    unsubscribe: { label: t(`notifications.digest.${data.period}.unsubscribe`), url: `${publicUrl}/${locale}/notifications/unsubscribe/${data.unsubscribeToken}`, oneClickUrl: `${publicUrl}/api/v1/notifications/unsubscribe/${data.unsubscribeToken}` },
  }),
});

export const notificationEmailTemplates = [notificationEventEmail, notificationDigestEmail];
