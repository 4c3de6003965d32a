import { openDatabase } from "./platform/db/client.ts";
import { sql } from "drizzle-orm";
const h = await openDatabase({ dir: "./data/pglite-copy" });
await h.db.execute(sql`analyze`);
await h.db.execute(sql`set enable_seqscan = off`);
for (const q of [sql`n.name_norm % 'sao paulo'`, sql`'sao paulo' <% n.name_norm`, sql`n.name_norm like 'sao paulo%'`, sql`n.name_norm % 'sao paulo' or 'sao paulo' <% n.name_norm or n.name_norm like 'sao paulo%'`]) {
  const r = await h.db.execute(sql`explain analyze select n.city_id from city_names n where ${q}`);
  console.log(r.rows.map((x: any) => x["QUERY PLAN"]).filter((l: string) => /Scan|Time/.test(l)).join("\n"));
}
await h.close();
