import type { ModuleManifest } from "../manifest.ts";
import { organizationsEmailTemplates } from "./emails.ts";
import { seedDemoOrganizations } from "./seed-demo-organizations.ts";

export const organizationsModule: ModuleManifest = {
  name: "organizations",
  seedDemo: seedDemoOrganizations,
  emailTemplates: organizationsEmailTemplates,
};
