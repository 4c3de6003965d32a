// A small closed-loop load generator: N connections each send their next request as soon as
// the previous answers, for a fixed time. Every latency is kept, so percentiles are exact.

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export function summarize(latencies: number[], errors: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    throughput: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/** A request to send: a URL, or a URL with headers (an API token). */
export type Target = string | { url: string; headers: Record<string, string> };

/** Runs `connections` loops of `next()` requests for `seconds`; a non-2xx answer counts as an error. */
export async function runLoad(options: { connections: number; seconds: number; next: (i: number) => Target }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) {
        const target = options.next(counter++);
        const t0 = performance.now();
        try {
          const response = typeof target === "string" ? await fetch(target) : await fetch(target.url, { headers: target.headers });
          await response.arrayBuffer();
          if (response.ok) latencies.push(performance.now() - t0);
          else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return summarize(latencies, errors, (performance.now() - started) / 1000);
}

/** Times `work` sequentially `times` times (after one warm-up run). */
export async function timeSequential(times: number, work: (i: number) => Promise<unknown>): Promise<LoadResult> {
  await work(0);
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await work(i);
    latencies.push(performance.now() - t0);
  }
  return summarize(latencies, 0, (performance.now() - started) / 1000);
}
