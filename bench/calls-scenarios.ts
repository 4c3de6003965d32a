// The calls' scenarios (data from generate-calls.ts):
//   - the secretariat's ranking of a call with 2,000 applications and 6,000 reviews, API at 16
//     connections, the use case in-process, and its SQL alone;
//   - a programme's public figures over 1,500 awarded projects, API at 16 connections and in-process;
//   - 500 submissions arriving in the last minute before the deadline (16 at a time, in-process:
//     the use case with its transaction, row lock, rules and receipt), then 50 one second after
//     it: every one before accepted exactly once, none after.
import { sql } from "drizzle-orm";
import { getProgrammeStatistics } from "../modules/calls/get-programme-statistics.ts";
import { rankApplications, rankingRows } from "../modules/calls/rank-applications.ts";
import { submitApplication } from "../modules/calls/submit-application.ts";
import { loadActor } from "../modules/organizations/actor.ts";
import { type DatabaseHandle, queryRows } from "../platform/db/client.ts";
import type { GeneratedCalls } from "./generate-calls.ts";
import { type LoadResult, summarize, type Target, timeSequential } from "./load.ts";

interface Row {
  engine: string;
  scenario: string;
  result: LoadResult;
}
type Measure = (scenario: string, next: (i: number) => Target) => Promise<Row>;

export async function benchCalls(engine: string, url: string, direct: DatabaseHandle, generated: GeneratedCalls, measure: Measure): Promise<Row[]> {
  const rows: Row[] = [];
  const headers = { authorization: `Bearer ${generated.secretariatToken}`, "accept-language": "es" };
  const officer = (await queryRows<{ id: string }>(direct.db, sql`select user_id as id from organization_members m join organizations o on o.id = m.organization_id where o.slug = 'bench-c-secretariat' limit 1`))[0]!.id;
  const actor = (await loadActor({ db: direct.db }, officer))!;

  rows.push(await measure("calls: the ranking of 2,000 applications with 6,000 reviews, API", () => ({ url: `${url}/api/v1/calls/${generated.rankedCallId}/ranking`, headers })));
  rows.push({ engine, scenario: "calls: the same ranking in-process (1 connection)", result: await timeSequential(20, () => rankApplications({ db: direct.db }, actor, generated.rankedCallId)) });
  rows.push({ engine, scenario: "calls: the ranking's SQL alone (1 connection)", result: await timeSequential(20, () => rankingRows(direct.db, generated.rankedCallId)) });

  const statistics = `${url}/api/v1/networks/${generated.networkSlug}/programmes/${generated.programmeSlug}/statistics`;
  rows.push(await measure("calls: a programme's figures over 1,500 awarded projects, API", () => statistics));
  rows.push({ engine, scenario: "calls: the same figures in-process (1 connection)", result: await timeSequential(20, () => getProgrammeStatistics({ db: direct.db }, generated.networkSlug, generated.programmeSlug)) });

  // The last minute: the deadline is a minute away; 500 submissions, 16 at a time, then 50 after it.
  const { lastMinute, late } = { lastMinute: generated.drafts.slice(0, 500), late: generated.drafts.slice(500) };
  await direct.db.execute(sql`update calls set closes_at = statement_timestamp() + interval '60 seconds' where id = ${generated.lastMinuteCallId}::uuid`);
  const latencies: number[] = [];
  let refused = 0;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < lastMinute.length) {
        const draft = lastMinute[next++]!;
        const who = (await loadActor({ db: direct.db }, draft.userId))!;
        const t0 = performance.now();
        try {
          await submitApplication({ db: direct.db }, who, draft.id, { idempotencyKey: `bench-${draft.id}` });
          // The same press again (a double click): the same receipt, nothing new.
          await submitApplication({ db: direct.db }, who, draft.id, { idempotencyKey: `bench-${draft.id}` });
          latencies.push(performance.now() - t0);
        } catch {
          refused++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  rows.push({ engine, scenario: `calls: ${lastMinute.length} submissions in the last minute, each sent twice (16 at a time, in-process)`, result: summarize(latencies, refused, seconds) });
  // Wait for the deadline to pass, then one second more: every late one is refused.
  const wait = (await queryRows<{ wait: number }>(direct.db, sql`select greatest(0, extract(epoch from closes_at - statement_timestamp()))::float8 as wait from calls where id = ${generated.lastMinuteCallId}::uuid`))[0]!.wait;
  await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 1000));
  let accepted = 0;
  for (const draft of late) {
    const who = (await loadActor({ db: direct.db }, draft.userId))!;
    try {
      await submitApplication({ db: direct.db }, who, draft.id);
      accepted++;
    } catch {
      // refused: the call is closed
    }
  }
  const [check] = await queryRows<{ submitted: number; receipts: number; late: number }>(
    direct.db,
    sql`select (select count(*) from applications where call_id = ${generated.lastMinuteCallId}::uuid and status = 'submitted')::int as submitted,
               (select count(*) from outbox o join applications a on o.idempotency_key like 'fanout:calls.submitted:' || a.id || ':%' where a.call_id = ${generated.lastMinuteCallId}::uuid)::int as receipts,
               (select count(*) from applications a join calls c on c.id = a.call_id where a.call_id = ${generated.lastMinuteCallId}::uuid and a.submitted_at > c.closes_at)::int as late`,
  );
  if (check!.submitted !== lastMinute.length - refused || check!.receipts !== check!.submitted || check!.late !== 0 || accepted !== 0) {
    throw new Error(`last-minute submissions: ${JSON.stringify({ ...check, refused, acceptedAfter: accepted })}`);
  }
  process.stdout.write(
    `calls (${engine}): ${check!.submitted} of ${lastMinute.length} submitted before the deadline, ${check!.receipts} receipts (one each), ${late.length} after it all refused\n`,
  );
  return rows;
}
