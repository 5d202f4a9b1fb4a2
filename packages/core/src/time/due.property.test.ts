import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCalendar } from './calendar'
import { classify } from './classify'
import { computeDue, dueAfterResume, remainingWorkingMinutes } from './due'
import { formatDate, localDay } from './local-time'
import { calendarArb, durationArb, instantArb, vn } from './test-support'
import { addWorkingMinutes, isInClosedOpening, nextOpening, workingMinutesBetween } from './working-time'

const opts = { numRuns: 200 }
const MINUTE = 60_000

describe('computeDue: properties', () => {
  it('the due time is never before receipt and always in office hours or at an opening’s end', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, durationArb, (cal, received, duration) => {
        const due = computeDue(cal, received, duration) as Date
        expect(due.getTime()).toBeGreaterThanOrEqual(received.getTime())
        expect(isInClosedOpening(cal, due.getTime())).toBe(true)
      }),
      opts,
    )
  })

  it('adding a holiday never moves a due time earlier', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        durationArb,
        fc.integer({ min: -5, max: 60 }),
        (cal, received, duration, offset) => {
          const date = formatDate(localDay(received.getTime()) + offset)
          if (cal.source.makeUpDays.some((d) => d.date === date)) return
          const more = createCalendar({
            ...cal.source,
            holidays: [...cal.source.holidays, { date, name: 'Ngày nghỉ thêm' }],
          })
          const before = computeDue(cal, received, duration) as Date
          const after = computeDue(more, received, duration) as Date
          expect(after.getTime()).toBeGreaterThanOrEqual(before.getTime())
        },
      ),
      opts,
    )
  })
})

describe('pause and resume: properties', () => {
  it('a zero-length pause changes nothing', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, (cal, dueAt, pausedAt) => {
        expect(dueAfterResume(cal, dueAt, pausedAt, pausedAt)).toEqual(dueAt)
      }),
      opts,
    )
  })

  it('k pauses add exactly the paused working time, keep the time left, and never pull the due time earlier', () => {
    const pausesArb = fc.array(fc.tuple(fc.nat(6 * 24 * 60), fc.nat(6 * 24 * 60)), { maxLength: 5 })
    fc.assert(
      fc.property(calendarArb, instantArb, durationArb, pausesArb, (cal, received, duration, gaps) => {
        const original = computeDue(cal, received, duration) as Date
        let dueAt = original
        let cursor = received.getTime()
        let pausedMinutes = 0
        let allBeforeDue = true
        let alwaysTimeLeft = true
        for (const [wait, length] of gaps) {
          const pausedAt = new Date(cursor + wait * MINUTE)
          const resumedAt = new Date(pausedAt.getTime() + length * MINUTE)
          const left = remainingWorkingMinutes(cal, dueAt, pausedAt)
          const paused = workingMinutesBetween(cal, pausedAt, resumedAt)
          const next = dueAfterResume(cal, dueAt, pausedAt, resumedAt)
          expect(next.getTime()).toBeGreaterThanOrEqual(dueAt.getTime())
          if (pausedAt.getTime() <= dueAt.getTime()) {
            // The clock stopped: the same working time is left after the resume as at the pause…
            expect(remainingWorkingMinutes(cal, next, resumedAt)).toBe(left)
            // …the due time moved by exactly the working time paused, and it is not overdue on resuming.
            expect(workingMinutesBetween(cal, dueAt, next)).toBe(paused)
            expect(classify({ dueAt: next, now: resumedAt })).toBe('inTime')
            expect(classify({ dueAt: next, doneAt: addWorkingMinutes(cal, resumedAt, left), now: resumedAt })).not.toBe(
              'late',
            )
            pausedMinutes += paused
            if (left === 0 && paused > 0) alwaysTimeLeft = false
          } else {
            expect(next).toEqual(dueAt) // already overdue: a late pause does not rescue it
            allBeforeDue = false
          }
          dueAt = next
          cursor = resumedAt.getTime()
        }
        expect(dueAt.getTime()).toBeGreaterThanOrEqual(original.getTime())
        if (allBeforeDue) {
          const shifted = pausedMinutes === 0 ? original : addWorkingMinutes(cal, original, pausedMinutes)
          expect(workingMinutesBetween(cal, original, dueAt)).toBe(pausedMinutes)
          expect(nextOpening(cal, dueAt)).toEqual(nextOpening(cal, shifted))
          if (alwaysTimeLeft) expect(dueAt).toEqual(shifted)
        }
      }),
      opts,
    )
  })

  it('the statutory calendar: 3wd with a supplement request is due 3wd of clock time after receipt', () => {
    fc.assert(
      fc.property(instantArb, fc.nat(3 * 480), fc.nat(10 * 24 * 60), (received, before, length) => {
        const start = computeDue(vn, received, { kind: 'workingHours', hours: 0 }) as Date
        const pausedAt = addWorkingMinutes(vn, start, before)
        const resumedAt = new Date(pausedAt.getTime() + length * MINUTE)
        const dueAt = dueAfterResume(
          vn,
          computeDue(vn, received, { kind: 'workingDays', days: 3 }) as Date,
          pausedAt,
          resumedAt,
        )
        expect(workingMinutesBetween(vn, start, dueAt) - workingMinutesBetween(vn, pausedAt, resumedAt)).toBe(3 * 480)
      }),
      opts,
    )
  })
})
