import type { ModuleManifest } from "../manifest.ts";
import { computeMatches, matchOutboxKind } from "./compute-matches.ts";
import { expireItems } from "./expire-items.ts";
import { seedDemoExchange } from "./seed-demo-exchange.ts";

export const exchangeModule: ModuleManifest = {
  name: "exchange",
  seedDemo: (db) => seedDemoExchange(db),
  outboxHandlers: (db) => ({
    [matchOutboxKind]: async (row) => {
      const itemId = row.payload.itemId;
      if (typeof itemId !== "string") return { skipped: "no item" };
      const result = await computeMatches(db, itemId);
      return { matches: result.matches, added: result.added.length };
    },
  }),
  scheduled: async (db) => ({ ...(await expireItems(db)) }),
};
