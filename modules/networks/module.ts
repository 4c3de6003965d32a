import type { ModuleManifest } from "../manifest.ts";
import { networksEmailTemplates } from "./emails.ts";
import { seedDemoNetwork } from "./seed-demo-network.ts";

export const networksModule: ModuleManifest = {
  name: "networks",
  seedDemo: async (db) => ((await seedDemoNetwork(db)) ? ["demo network Mercociudades"] : []),
  emailTemplates: networksEmailTemplates,
};
