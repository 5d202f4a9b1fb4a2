import { parseDate } from '../time/local-time'

/** The date operators rules may use, with the number of arguments each takes. */
export const dateOperators: Readonly<Record<string, number>> = { days_between: 2, years_between: 2 }

/** A rule read a value that is not a date: the message says which, so an officer or a citizen can act on it. */
export class RuleDateError extends Error {
  constructor(
    readonly op: string,
    readonly value: unknown,
  ) {
    super(`${op}: ${JSON.stringify(value) ?? String(value)} is not a date (YYYY-MM-DD)`)
    this.name = 'RuleDateError'
  }
}

function day(op: string, value: unknown): number {
  const parsed = parseDate(value)
  if (parsed === undefined) throw new RuleDateError(op, value)
  return parsed
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier); both 'YYYY-MM-DD'.
 * @example daysBetween('2026-01-01', '2026-03-02') // 60
 */
export function daysBetween(from: unknown, to: unknown): number {
  return day('days_between', to) - day('days_between', from)
}

/**
 * Whole years from `from` to `to`, e.g. an age from a birth date: a year is complete on the same day and month,
 * and one that began on 29 February ends on 28 February in a common year (Bộ luật Dân sự 2015, art. 148: a period
 * ending in a month without that day ends on the month's last day). Negative when `to` is earlier.
 * @example yearsBetween('2008-02-29', '2026-02-28') // 18
 */
export function yearsBetween(from: unknown, to: unknown): number {
  const start = day('years_between', from)
  const end = day('years_between', to)
  if (end < start) return -yearsBetween(to, from)
  const a = new Date(start * 86_400_000)
  const b = new Date(end * 86_400_000)
  let years = b.getUTCFullYear() - a.getUTCFullYear()
  // the anniversary in `to`'s year, clamped to the month's last day
  const lastDay = new Date(Date.UTC(b.getUTCFullYear(), a.getUTCMonth() + 1, 0)).getUTCDate()
  const anniversary = Date.UTC(b.getUTCFullYear(), a.getUTCMonth(), Math.min(a.getUTCDate(), lastDay))
  if (b.getTime() < anniversary) years -= 1
  return years
}
