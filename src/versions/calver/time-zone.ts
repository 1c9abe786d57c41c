/**
 * A release's calendar date in a time zone, as the UTC midnight of that date: the CalVer
 * code reads dates in UTC, so the zone is applied once, here. Node's Intl knows the zones
 * and their rules (summer time included); no offset is written by hand.
 */
export function dateInZone(instant: Date, timeZone: string): Date {
  if (timeZone === 'UTC') return instant
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const date = new Date(0)
  // setUTCFullYear, unlike Date.UTC, does not turn years 0-99 into 1900-1999.
  date.setUTCFullYear(part('year'), part('month') - 1, part('day'))
  return date
}

/** The calendar date of an instant in a time zone, `YYYY-MM-DD`: what a changelog heading writes for a release. */
export function formatDateInZone(instant: Date, timeZone: string): string {
  return dateInZone(instant, timeZone).toISOString().slice(0, 10)
}

/** Whether `timeZone` is an IANA zone name Node knows (`Europe/Berlin`), or `UTC`. */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone === 'UTC') return true
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone })
    return true
  } catch {
    return false
  }
}
