import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCalendar } from './calendar'
import { classify } from './classify'
import { computeDue, dueAfterResume, remainingWorkingMinutes } from './due'
import { DAY, formatDate, localDay, weekday } from './local-time'
import { calendarYear } from './official-calendar'
import { calendarArb, durationArb, instantArb, official, vn } from './test-support'
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

describe('the official calendar 2019–2026: properties', () => {
  const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]
  const daysOff = new Set(years.flatMap((year) => calendarYear(year).holidays.map((d) => d.date)))
  const makeUp = new Set(years.flatMap((year) => calendarYear(year).makeUpDays.map((d) => d.date)))
  const FROM = Date.parse('2019-01-01T00:00:00+07:00')
  // Any minute of 2019–2026, or an office-hours boundary on a day next to a day off or a make-up day.
  const receivedArb = fc.oneof(
    fc.integer({ min: 0, max: (8 * 365 * DAY) / MINUTE }).map((m) => new Date(FROM + m * MINUTE)),
    fc
      .tuple(fc.constantFrom(...daysOff, ...makeUp), fc.integer({ min: -2, max: 1 }), fc.constantFrom(420, 960, 1020))
      .map(([date, shift, minute]) => new Date(Date.parse(`${date}T00:00:00+07:00`) + shift * DAY + minute * MINUTE)),
  )

  it('a deadline never falls on a day off, and falls on a weekend only on a make-up day', () => {
    fc.assert(
      fc.property(receivedArb, durationArb, (received, duration) => {
        const due = computeDue(official, received, duration) as Date
        const day = localDay(due.getTime())
        const date = formatDate(day)
        expect(daysOff.has(date)).toBe(false)
        if (weekday(day) === 0 || weekday(day) === 6) expect(makeUp.has(date)).toBe(true)
      }),
      opts,
    )
  })

  it('a later receipt is never due earlier', () => {
    fc.assert(
      fc.property(receivedArb, receivedArb, durationArb, (x, y, duration) => {
        const [a, b] = x.getTime() <= y.getTime() ? [x, y] : [y, x]
        const dueA = computeDue(official, a, duration) as Date
        const dueB = computeDue(official, b, duration) as Date
        expect(dueA.getTime()).toBeLessThanOrEqual(dueB.getTime())
      }),
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
