import type { ModuleManifest } from "../manifest.ts";
import { digestOutboxKind, enqueueDueDigests, sendDigest } from "./digests.ts";
import { notificationEmailTemplates } from "./emails.ts";
import { fanOut } from "./fan-out.ts";
import { fanOutOutboxKind, type NotificationEvent } from "./notify.ts";

export const notificationsModule: ModuleManifest = {
  name: "notifications",
  emailTemplates: notificationEmailTemplates,
  outboxHandlers: (db) => ({
    [fanOutOutboxKind]: async (row) => ({ ...(await fanOut(db, row.payload as unknown as NotificationEvent)) }),
    [digestOutboxKind]: async (row) => ({ ...(await sendDigest(db, row.payload as { userId: string; period: "daily" | "weekly"; day: string })) }),
  }),
  scheduled: async (db, options) => ({ digests: await enqueueDueDigests(db, { digestHour: options.digestHour }) }),
};
