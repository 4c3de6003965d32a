import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Which version (content hash) of each shipped reference data set is loaded, so loading is idempotent. */
export const referenceDatasets = pgTable("reference_datasets", {
  name: text("name").primaryKey(),
  contentHash: text("content_hash").notNull(),
  loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
});
