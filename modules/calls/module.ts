import type { ModuleManifest } from "../manifest.ts";
import { remindReports } from "./remind-reports.ts";
import { seedDemoCalls } from "./seed-demo-calls.ts";

export const callsModule: ModuleManifest = {
  name: "calls",
  seedDemo: (db) => seedDemoCalls(db),
  scheduled: async (db) => ({ ...(await remindReports(db)) }),
};
