// What the server and the command line do first: read the configuration and open the database,
// stopping with one clear line (never a stack trace) when either fails.
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { type DatabaseHandle, DatabaseLockedError, openConfiguredDatabase } from "./db/client.ts";

export function exitWith(message: string): never {
  process.stderr.write(`pares: ${message}\n`);
  process.exit(1);
}

export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) exitWith(err.message);
    throw err;
  }
}

export async function openDatabaseOrExit(config: Config): Promise<DatabaseHandle> {
  try {
    return await openConfiguredDatabase(config);
  } catch (err) {
    if (err instanceof DatabaseLockedError) exitWith(err.message);
    exitWith(`cannot open the database (${config.DATABASE_URL ? "DATABASE_URL" : config.PGLITE_DIR}): ${(err as Error).message}`);
  }
}
