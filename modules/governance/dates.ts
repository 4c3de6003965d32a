// Dates of terms and roles are calendar days written YYYY-MM-DD; a role's end day is included
// (a role ending today is still held today). Strings of this form compare in date order.

/** Today as YYYY-MM-DD (UTC, like the database's current_date on the server). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The day `days` after (or before, when negative) an ISO date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether two inclusive periods share a day; a null end is open. */
export function overlaps(a: { startsOn: string; endsOn: string | null }, b: { startsOn: string; endsOn: string | null }): boolean {
  return (a.endsOn === null || a.endsOn >= b.startsOn) && (b.endsOn === null || b.endsOn >= a.startsOn);
}

export type Holding = "current" | "upcoming" | "past";

/** Where a role stands on `day`. */
export function holdingOn(role: { startsOn: string; endsOn: string | null }, day: string): Holding {
  if (role.startsOn > day) return "upcoming";
  if (role.endsOn !== null && role.endsOn < day) return "past";
  return "current";
}

/**
 * The first stretch of `period` during which more than `limit` of `others` are held at once
 * together with the period itself, or null when the limit is kept throughout. Used for council
 * seats: a new seat may not make a country hold more seats than it has on any day.
 */
export function firstExcess(
  period: { startsOn: string; endsOn: string | null },
  others: readonly { startsOn: string; endsOn: string | null }[],
  limit: number,
): { from: string; to: string | null } | null {
  const clipped = others
    .filter((o) => overlaps(o, period))
    .map((o) => ({ startsOn: o.startsOn < period.startsOn ? period.startsOn : o.startsOn, endsOn: minEnd(o.endsOn, period.endsOn) }));
  // Every day a held count can change on: the period's start and each clipped start, and the day after each end.
  const changes = [...new Set([period.startsOn, ...clipped.map((c) => c.startsOn), ...clipped.flatMap((c) => (c.endsOn ? [addDays(c.endsOn, 1)] : []))])]
    .filter((d) => d >= period.startsOn && (period.endsOn === null || d <= period.endsOn))
    .sort();
  for (let i = 0; i < changes.length; i++) {
    const day = changes[i]!;
    const held = 1 + clipped.filter((c) => c.startsOn <= day && (c.endsOn === null || c.endsOn >= day)).length;
    if (held > limit) {
      const next = changes[i + 1];
      return { from: day, to: next ? addDays(next, -1) : period.endsOn };
    }
  }
  return null;
}

function minEnd(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** The highest number of `periods` held on any one day from `from` on, and the first day it is reached. */
export function peakFrom(from: string, periods: readonly { startsOn: string; endsOn: string | null }[]): { count: number; on: string | null } {
  let best = { count: 0, on: null as string | null };
  const live = periods.filter((p) => p.endsOn === null || p.endsOn >= from);
  const days = [...new Set(live.map((p) => (p.startsOn < from ? from : p.startsOn)))].sort();
  for (const day of days) {
    const count = live.filter((p) => p.startsOn <= day && (p.endsOn === null || p.endsOn >= day)).length;
    if (count > best.count) best = { count, on: day };
  }
  return best;
}
