// Finding a network's call for practices, and whether it is open at a given moment.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { notFound } from "../../platform/errors.ts";
import { practiceCalls } from "./schema.ts";

export type CallRow = typeof practiceCalls.$inferSelect;
export type CallState = "upcoming" | "open" | "closed";

export async function findCall(db: Database, networkId: string, slug: string): Promise<CallRow> {
  const [call] = await db
    .select()
    .from(practiceCalls)
    .where(and(eq(practiceCalls.networkId, networkId), eq(practiceCalls.slug, slug)));
  if (!call) throw notFound("practices.error.callNotFound");
  return call;
}

/** Open from its opening moment up to and including its closing moment; one millisecond after, closed. */
export function callState(call: Pick<CallRow, "opensAt" | "closesAt">, now: Date): CallState {
  if (now < call.opensAt) return "upcoming";
  return now <= call.closesAt ? "open" : "closed";
}
