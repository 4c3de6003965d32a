import type { Auth } from "./auth.ts";
import type { Config } from "./config.ts";
import type { Database, DatabaseHandle } from "./db/client.ts";
import type { Logger } from "./log.ts";
import type { FileStore } from "./storage/file-store.ts";

/** What every use case may use. Built once by the server and handed to routes and the API. */
export interface ServiceContext {
  db: Database;
  /** Where uploaded files are kept (the server always sets it; read it with filesOf). */
  files?: FileStore;
}

export interface AppServices extends ServiceContext {
  auth: Auth;
  config: Config;
  database: DatabaseHandle;
  log: Logger;
}
