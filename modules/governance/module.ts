import type { ModuleManifest } from "../manifest.ts";
import { governanceEmailTemplates } from "./emails.ts";

export const governanceModule: ModuleManifest = {
  name: "governance",
  emailTemplates: governanceEmailTemplates,
};
