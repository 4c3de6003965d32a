// Every module, in dependency order.
import { accountsModule } from "./accounts/module.ts";
import { citiesModule } from "./cities/module.ts";
import type { ModuleManifest } from "./manifest.ts";
import { networksModule } from "./networks/module.ts";
import { organizationsModule } from "./organizations/module.ts";
import { themesModule } from "./themes/module.ts";

export const modules: ModuleManifest[] = [citiesModule, themesModule, accountsModule, organizationsModule, networksModule];

export const emailTemplates = modules.flatMap((m) => m.emailTemplates ?? []);
