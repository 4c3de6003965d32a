// Every module, in dependency order.
import { accountsModule } from "./accounts/module.ts";
import { citiesModule } from "./cities/module.ts";
import { governanceModule } from "./governance/module.ts";
import type { ModuleManifest } from "./manifest.ts";
import { networksModule } from "./networks/module.ts";
import { organizationsModule } from "./organizations/module.ts";
import { practicesModule } from "./practices/module.ts";
import { themesModule } from "./themes/module.ts";

export const modules: ModuleManifest[] = [citiesModule, themesModule, accountsModule, organizationsModule, networksModule, governanceModule, practicesModule];

export const emailTemplates = modules.flatMap((m) => m.emailTemplates ?? []);
