import { intervalsOn, type ResolvedCalendar } from './calendar'
import { dayStart, instant, localDay, MINUTE } from './local-time'

// Openings are half-open [start, end): 07:00 is working time, 11:30 is not. Adding working time stops at the
// earliest instant that has consumed it, so a budget that ends with an opening lands exactly on its end
// (8 h from Monday 07:00 is Monday 17:00, never Tuesday 07:00).

/** Calendars with no opening for this long are treated as broken rather than looped over forever. */
const MAX_CLOSED_DAYS = 3660

/** The absolute openings [start, end) in epoch ms, from the local day of `t` onwards. */
export function* openingsFrom(cal: ResolvedCalendar, t: number): Generator<readonly [number, number]> {
  let closed = 0
  for (let day = localDay(t); ; day++) {
    const list = intervalsOn(cal, day)
    if (list.length === 0) {
      if (++closed > MAX_CLOSED_DAYS)
        throw new Error(`No office hours within ${MAX_CLOSED_DAYS} days of the given time`)
      continue
    }
    closed = 0
    const base = dayStart(day)
    for (const iv of list) yield [base + iv.start * MINUTE, base + iv.end * MINUTE]
  }
}

/** Inside an opening, or exactly at its end: where added working time may land. */
export function isInClosedOpening(cal: ResolvedCalendar, t: number): boolean {
  const base = dayStart(localDay(t))
  return intervalsOn(cal, localDay(t)).some((iv) => base + iv.start * MINUTE <= t && t <= base + iv.end * MINUTE)
}

export function nextOpeningMs(cal: ResolvedCalendar, t: number): number {
  for (const [start, end] of openingsFrom(cal, t)) if (t < end) return Math.max(t, start)
  throw new Error('unreachable')
}

export function addWorkingMs(cal: ResolvedCalendar, t: number, ms: number): number {
  if (ms === 0) return isInClosedOpening(cal, t) ? t : nextOpeningMs(cal, t)
  let left = ms
  for (const [start, end] of openingsFrom(cal, t)) {
    if (end <= t) continue
    const from = Math.max(start, t)
    if (left <= end - from) return from + left
    left -= end - from
  }
  throw new Error('unreachable')
}

export function workingMsBetween(cal: ResolvedCalendar, a: number, b: number): number {
  if (b < a) return 0 - workingMsBetween(cal, b, a) // never -0
  let sum = 0
  for (const [start, end] of openingsFrom(cal, a)) {
    if (start >= b) break
    sum += Math.max(0, Math.min(end, b) - Math.max(start, a))
  }
  return sum
}

/**
 * Whether `at` falls inside office hours (openings are [start, end): 11:30 and 17:00 are outside).
 * @example isWorkingTime(cal, new Date('2025-04-28T10:00:00+07:00')) // true, a Monday
 */
export function isWorkingTime(cal: ResolvedCalendar, at: Date): boolean {
  const t = instant(at, 'at')
  return nextOpeningMs(cal, t) === t
}

/**
 * The first instant ≥ `at` inside office hours (`at` itself when already inside).
 * @example nextOpening(cal, new Date('2025-05-03T09:00:00+07:00')) // Monday 2025-05-05T07:00+07:00
 */
export function nextOpening(cal: ResolvedCalendar, at: Date): Date {
  return new Date(nextOpeningMs(cal, instant(at, 'at')))
}

/**
 * Add working minutes (≥ 0); the result is inside office hours or exactly at the end of an opening.
 * @example addWorkingMinutes(cal, new Date('2025-04-28T07:00:00+07:00'), 480) // 2025-04-28T17:00+07:00
 */
export function addWorkingMinutes(cal: ResolvedCalendar, from: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`minutes must be a finite number ≥ 0, got ${minutes}`)
  return new Date(addWorkingMs(cal, instant(from, 'from'), Math.round(minutes * MINUTE)))
}

/**
 * Working minutes from `a` to `b`; negative when `b` is before `a`.
 * @example workingMinutesBetween(cal, new Date('2025-04-28T11:00:00+07:00'), new Date('2025-04-28T14:00:00+07:00')) // 60
 */
export function workingMinutesBetween(cal: ResolvedCalendar, a: Date, b: Date): number {
  return workingMsBetween(cal, instant(a, 'a'), instant(b, 'b')) / MINUTE
}
