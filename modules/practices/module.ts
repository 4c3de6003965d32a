import type { ModuleManifest } from "../manifest.ts";
import { practicesEmailTemplates } from "./emails.ts";
import { seedDemoPractices } from "./seed-demo-practices.ts";

export const practicesModule: ModuleManifest = {
  name: "practices",
  seedDemo: (db) => seedDemoPractices(db),
  emailTemplates: practicesEmailTemplates,
};
