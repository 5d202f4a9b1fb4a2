import { intervalsOn, type ResolvedCalendar } from './calendar'
import { dayStart, instant, localDay, MINUTE, msOfDay, parseClock } from './local-time'
import type { Duration } from './types'
import { addWorkingMs, nextOpeningMs, workingMsBetween } from './working-time'

/** Closing time (end of the last opening) of the first working day ≥ `day`. */
function closingFrom(cal: ResolvedCalendar, day: number): number {
  for (let d = day; d < day + 3660; d++) {
    const last = intervalsOn(cal, d).at(-1)
    if (last) return dayStart(d) + last.end * MINUTE
  }
  throw new Error('No working day within 3660 days')
}

function amount(n: number, what: string, integer = false): number {
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    throw new RangeError(`${what} must be a ${integer ? 'whole' : 'finite'} number ≥ 0, got ${n}`)
  }
  return n
}

function dueMs(cal: ResolvedCalendar, received: number, duration: Duration): number | null {
  const start = nextOpeningMs(cal, received)
  switch (duration.kind) {
    case 'none':
      return null
    case 'workingDays':
      return addWorkingMs(cal, start, Math.round(amount(duration.days, 'days') * cal.workingDayMinutes * MINUTE))
    case 'workingHours':
      return addWorkingMs(cal, start, Math.round(amount(duration.hours, 'hours') * 60 * MINUTE))
    case 'calendarDays':
      return closingFrom(cal, localDay(start) + amount(duration.days, 'days', true))
    case 'sameDay': {
      const cutoff = parseClock(duration.cutoff)
      if (cutoff === undefined)
        throw new RangeError(`Invalid cutoff ${JSON.stringify(duration.cutoff)}: expected HH:MM`)
      const day = localDay(start)
      return closingFrom(cal, msOfDay(start) < cutoff * MINUTE ? day : day + 1)
    }
    default:
      throw new RangeError(`Unknown duration kind ${JSON.stringify((duration as { kind: unknown }).kind)}`)
  }
}

// A dossier received outside office hours counts from the next opening, calendar days from that opening's date.
/**
 * The due time (hạn giải quyết) of a budget counted from receipt; `none` → null.
 * @example computeDue(cal, new Date('2025-04-25T16:00:00+07:00'), { kind: 'sameDay', cutoff: '15:00' }) // Mon 2025-04-28T17:00+07:00
 */
export function computeDue(cal: ResolvedCalendar, receivedAt: Date, duration: Duration): Date | null {
  const due = dueMs(cal, instant(receivedAt, 'receivedAt'), duration)
  return due === null ? null : new Date(due)
}

// A `none` step takes no time: its due is null and the next step starts where it started.
/**
 * Each step's due time, chained: a step starts when the previous one is due.
 * @example stepDueDates(cal, receivedAt, [parseDuration('1wd'), parseDuration('2wd')])
 */
export function stepDueDates(cal: ResolvedCalendar, startAt: Date, budgets: Duration[]): (Date | null)[] {
  let start = instant(startAt, 'startAt')
  return budgets.map((budget) => {
    const due = dueMs(cal, start, budget)
    if (due === null) return null
    start = due
    return new Date(due)
  })
}

/**
 * Working minutes left when the clock stops (e.g. a supplement request); negative once past the due time.
 * @example remainingWorkingMinutes(cal, new Date('2025-04-29T17:00:00+07:00'), new Date('2025-04-28T17:00:00+07:00')) // 480
 */
export function remainingWorkingMinutes(cal: ResolvedCalendar, dueAt: Date, pausedAt: Date): number {
  return workingMsBetween(cal, instant(pausedAt, 'pausedAt'), instant(dueAt, 'dueAt')) / MINUTE
}

/**
 * The due time after a pause (supplement request, yêu cầu bổ sung): the dossier gets back exactly the working
 * time it had left, so the due time moves later by the working time that passed while paused, and never lands
 * before `resumedAt`. A zero-length pause, or one with no working time in it that ends before the due time,
 * changes nothing; a pause taken after the due time changes nothing either (an overdue dossier stays overdue).
 * @example dueAfterResume(cal, due, new Date('2025-05-09T16:00:00+07:00'), new Date('2025-05-12T09:00:00+07:00')) // due + 3 working hours
 */
export function dueAfterResume(cal: ResolvedCalendar, dueAt: Date, pausedAt: Date, resumedAt: Date): Date {
  const due = instant(dueAt, 'dueAt')
  const paused = instant(pausedAt, 'pausedAt')
  const resumed = instant(resumedAt, 'resumedAt')
  if (resumed < paused) throw new RangeError('resumedAt must not be before pausedAt')
  if (paused > due || resumed === paused) return new Date(due)
  // Equal to `due + working time paused` except when no working time was left: then the plain shift could end
  // before `resumedAt` (an opening's end during the pause) and flag the dossier overdue the moment it resumes.
  const left = workingMsBetween(cal, paused, due)
  return new Date(Math.max(due, addWorkingMs(cal, resumed, left)))
}
