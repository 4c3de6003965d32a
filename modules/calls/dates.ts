// Calendar arithmetic of projects (months added to a day, the day in a time zone), with Temporal.
import { Temporal } from "temporal-polyfill";

/** The day `months` after `isoDate` (the 31st moves to the month's last day). */
export function addMonths(isoDate: string, months: number): string {
  return Temporal.PlainDate.from(isoDate).add({ months }).toString();
}

/** Today in a time zone, as "YYYY-MM-DD". */
export function todayIn(timeZone: string, at = new Date()): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}
