// Every module, in dependency order.
import { accountsModule } from "./accounts/module.ts";
import { callsModule } from "./calls/module.ts";
import { citiesModule } from "./cities/module.ts";
import { exchangeModule } from "./exchange/module.ts";
import { governanceModule } from "./governance/module.ts";
import type { Database } from "../platform/db/client.ts";
import type { OutboxHandler } from "../platform/outbox/worker.ts";
import type { ModuleManifest, ScheduleOptions } from "./manifest.ts";
import { networksModule } from "./networks/module.ts";
import { notificationsModule } from "./notifications/module.ts";
import { organizationsModule } from "./organizations/module.ts";
import { practicesModule } from "./practices/module.ts";
import { themesModule } from "./themes/module.ts";

export const modules: ModuleManifest[] = [citiesModule, themesModule, accountsModule, organizationsModule, networksModule, governanceModule, notificationsModule, practicesModule, exchangeModule, callsModule];

export const emailTemplates = modules.flatMap((m) => m.emailTemplates ?? []);

/** The outbox handlers of every module, for a worker over this database. */
export function moduleOutboxHandlers(db: Database): Record<string, OutboxHandler> {
  return Object.assign({}, ...modules.map((m) => m.outboxHandlers?.(db) ?? {}));
}

/** Runs every module's scheduled work once; returns what each did. */
export async function runScheduledWork(db: Database, options: ScheduleOptions): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  for (const m of modules) {
    if (!m.scheduled) continue;
    for (const [key, value] of Object.entries(await m.scheduled(db, options))) done[`${m.name}.${key}`] = value;
  }
  return done;
}
