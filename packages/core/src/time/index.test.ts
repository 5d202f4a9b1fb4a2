import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Duration, ResolvedCalendar, Timeliness, WorkCalendar } from './index'
import * as time from './index'

describe('public API', () => {
  it('exports the contract', () => {
    expect(Object.keys(time).sort()).toEqual(
      [
        'addWorkingMinutes',
        'calendarEntriesBetween',
        'calendarYear',
        'classify',
        'computeDue',
        'createCalendar',
        'defaultOfficeHours',
        'dueAfterResume',
        'formatDuration',
        'isCalendarDay',
        'isWorkingTime',
        'lastApologyDay',
        'lunarToSolar',
        'nextOpening',
        'officialCalendar',
        'parseDuration',
        'remainingWorkingMinutes',
        'solarToLunar',
        'statutoryCalendar',
        'statutoryHolidays',
        'stepDueDates',
        'vietnamDate',
        'vietnameseDay',
        'workingMinutesBetween',
      ].sort(),
    )
  })

  it('tells a real day from a date the calendar does not have', () => {
    expect(['2024-02-29', '2025-07-01'].map(time.isCalendarDay)).toEqual([true, true])
    expect(['2025-02-29', '2026-13-01', '2025-7-1', '01/07/2025', ''].map(time.isCalendarDay)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ])
  })

  it('types: resolve once, then compute', () => {
    expectTypeOf(time.createCalendar).parameter(0).toEqualTypeOf<Partial<WorkCalendar>>()
    expectTypeOf(time.computeDue).returns.toEqualTypeOf<Date | null>()
    expectTypeOf(time.stepDueDates).returns.toEqualTypeOf<(Date | null)[]>()
    expectTypeOf(time.classify).returns.toEqualTypeOf<Timeliness>()
    expectTypeOf(time.parseDuration).returns.toEqualTypeOf<Duration>()
    expectTypeOf(time.statutoryCalendar).returns.toEqualTypeOf<WorkCalendar>()
    expectTypeOf<WorkCalendar>().not.toExtend<ResolvedCalendar>()
    const seed = time.statutoryCalendar(2025, 2025)
    // @ts-expect-error an unresolved calendar must go through createCalendar first
    expect(() => time.computeDue(seed, new Date(), { kind: 'none' })).toThrow()
  })
})
