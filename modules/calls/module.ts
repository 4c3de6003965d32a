import type { ModuleManifest } from "../manifest.ts";
import { remindReports } from "./remind-reports.ts";

export const callsModule: ModuleManifest = {
  name: "calls",
  scheduled: async (db) => ({ ...(await remindReports(db)) }),
};
