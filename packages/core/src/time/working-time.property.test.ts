import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { calendarArb, instantArb } from './test-support'
import { addWorkingMinutes, isInClosedOpening, isWorkingTime, nextOpening, workingMinutesBetween } from './working-time'

const opts = { numRuns: 200 }

describe('working time: properties', () => {
  it('nextOpening is the first instant ≥ at inside office hours', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, (cal, a) => {
        const open = nextOpening(cal, a)
        expect(open.getTime()).toBeGreaterThanOrEqual(a.getTime())
        expect(isWorkingTime(cal, open)).toBe(true)
        expect(workingMinutesBetween(cal, a, open)).toBe(0)
        expect(nextOpening(cal, open)).toEqual(open)
      }),
      opts,
    )
  })

  it('addWorkingMinutes lands in office hours or exactly at an opening’s end, after exactly that much working time', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 0, max: 5000 }), (cal, a, minutes) => {
        const b = addWorkingMinutes(cal, a, minutes)
        expect(isInClosedOpening(cal, b.getTime())).toBe(true)
        expect(workingMinutesBetween(cal, a, b)).toBe(minutes)
        // …and at the earliest such instant: one working minute less is strictly earlier.
        if (minutes > 0) expect(addWorkingMinutes(cal, a, minutes - 1).getTime()).toBeLessThan(b.getTime())
      }),
      opts,
    )
  })

  it('addWorkingMinutes(a, workingMinutesBetween(a, b)) lands at b for a, b in office hours', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, (cal, x, y) => {
        const [a, b] = [nextOpening(cal, x), nextOpening(cal, y)].sort((p, q) => p.getTime() - q.getTime()) as [
          Date,
          Date,
        ]
        const landed = addWorkingMinutes(cal, a, workingMinutesBetween(cal, a, b))
        if (landed.getTime() !== b.getTime()) {
          // Only when b opens an interval: the same working time already ends at the previous interval's end.
          expect(isWorkingTime(cal, new Date(b.getTime() - 1))).toBe(false)
          expect(landed.getTime()).toBeLessThan(b.getTime())
          expect(nextOpening(cal, landed)).toEqual(b)
        }
      }),
      opts,
    )
  })

  it('workingMinutesBetween is antisymmetric and additive', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, instantArb, (cal, a, b, c) => {
        expect(workingMinutesBetween(cal, b, a) + workingMinutesBetween(cal, a, b)).toBe(0)
        expect(workingMinutesBetween(cal, a, c)).toBe(
          workingMinutesBetween(cal, a, b) + workingMinutesBetween(cal, b, c),
        )
      }),
      opts,
    )
  })

  it('adding in two parts equals adding at once', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.nat(2000), fc.nat(2000), (cal, a, m, n) => {
        expect(addWorkingMinutes(cal, addWorkingMinutes(cal, a, m), n)).toEqual(addWorkingMinutes(cal, a, m + n))
      }),
      opts,
    )
  })

  it('adding working time is monotonic: a later start or a longer budget never ends earlier', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, fc.nat(3000), fc.nat(3000), (cal, x, y, m, n) => {
        const [a, b] = x.getTime() <= y.getTime() ? [x, y] : [y, x]
        const [less, more] = m <= n ? [m, n] : [n, m]
        expect(addWorkingMinutes(cal, a, less).getTime()).toBeLessThanOrEqual(addWorkingMinutes(cal, b, less).getTime())
        expect(addWorkingMinutes(cal, a, less).getTime()).toBeLessThanOrEqual(addWorkingMinutes(cal, a, more).getTime())
      }),
      opts,
    )
  })
})
