import type { Auth } from "./auth.ts";
import type { Config } from "./config.ts";
import type { Database, DatabaseHandle } from "./db/client.ts";
import type { Logger } from "./log.ts";

/** What every use case may use. Built once by the server and handed to routes and the API. */
export interface ServiceContext {
  db: Database;
}

export interface AppServices extends ServiceContext {
  auth: Auth;
  config: Config;
  database: DatabaseHandle;
  log: Logger;
}
