import type { Database } from "../platform/db/client.ts";
import type { EmailTemplate } from "../platform/mail/templates.ts";
import type { OutboxHandler } from "../platform/outbox/worker.ts";

/** What a module registers with the platform. Reference data loads before any demo seed. */
export interface ModuleManifest {
  name: string;
  /** Loads shipped reference data; idempotent. Returns the names of the data sets it (re)loaded. */
  loadReferenceData?: (db: Database) => Promise<string[]>;
  /** Seeds demo content once; returns what it created (empty when it already existed). */
  seedDemo?: (db: Database, options: DemoOptions) => Promise<string[]>;
  /** The e-mails the module sends. */
  emailTemplates?: EmailTemplate[];
  /** Side effects the module puts in the outbox, by kind, delivered by the server's worker. */
  outboxHandlers?: (db: Database) => Record<string, OutboxHandler>;
  /** Work the server runs on a schedule (every SCHEDULE_TICK_MS); returns counts for the log. */
  scheduled?: (db: Database, options: ScheduleOptions) => Promise<Record<string, number>>;
}

export interface ScheduleOptions {
  /** The local hour from which digests go out. */
  digestHour: number;
}

export interface DemoOptions {
  /**
   * Whether to create the demo accounts, whose password is published: only where nobody else
   * can reach the server (see demoAccountsAllowed in platform/config.ts).
   */
  accounts: boolean;
}
