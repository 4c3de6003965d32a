// Every module, in dependency order.
import { accountsModule } from "./accounts/module.ts";
import { citiesModule } from "./cities/module.ts";
import { exchangeModule } from "./exchange/module.ts";
import { governanceModule } from "./governance/module.ts";
import type { Database } from "../platform/db/client.ts";
import type { OutboxHandler } from "../platform/outbox/worker.ts";
import type { ModuleManifest } from "./manifest.ts";
import { networksModule } from "./networks/module.ts";
import { organizationsModule } from "./organizations/module.ts";
import { practicesModule } from "./practices/module.ts";
import { themesModule } from "./themes/module.ts";

export const modules: ModuleManifest[] = [citiesModule, themesModule, accountsModule, organizationsModule, networksModule, governanceModule, practicesModule, exchangeModule];

export const emailTemplates = modules.flatMap((m) => m.emailTemplates ?? []);

/** The outbox handlers of every module, for a worker over this database. */
export function moduleOutboxHandlers(db: Database): Record<string, OutboxHandler> {
  return Object.assign({}, ...modules.map((m) => m.outboxHandlers?.(db) ?? {}));
}
