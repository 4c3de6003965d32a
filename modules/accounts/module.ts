import type { ModuleManifest } from "../manifest.ts";
import { accountsEmailTemplates } from "./emails.ts";

export const accountsModule: ModuleManifest = {
  name: "accounts",
  emailTemplates: accountsEmailTemplates,
};
