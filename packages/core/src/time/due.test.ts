import { describe, expect, it } from 'vitest'
import { createCalendar } from './calendar'
import { computeDue, dueAfterResume, remainingWorkingMinutes, stepDueDates } from './due'
import { parseDuration } from './duration'
import { statutoryCalendar } from './holidays'
import { at, local, vn } from './test-support'
import type { Duration } from './types'

const due = (received: string, budget: string) => local(computeDue(vn, at(received), parseDuration(budget)))

describe('computeDue: working days and hours', () => {
  it.each([
    ['over a weekend', '2025-04-25T10:00:00+07:00', '1wd', '2025-04-28T10:00:00+07:00'],
    ['over 30/4–1/5 2025 (Wed–Thu)', '2025-04-29T09:00:00+07:00', '2wd', '2025-05-05T09:00:00+07:00'],
    ['over Tết Dương lịch', '2025-12-31T14:00:00+07:00', '1wd', '2026-01-02T14:00:00+07:00'],
    [
      'over Giỗ Tổ Hùng Vương (Mon 7/4/2025), received after hours',
      '2025-04-04T17:30:00+07:00',
      '1wd',
      '2025-04-08T17:00:00+07:00',
    ],
    ['3wd across Tết Bính Ngọ 2026 (16–20/2)', '2026-02-13T10:00:00+07:00', '3wd', '2026-02-25T10:00:00+07:00'],
    [
      'a full day from the opening ends at closing time',
      '2025-04-28T07:00:00+07:00',
      '1wd',
      '2025-04-28T17:00:00+07:00',
    ],
    ['half a working day (4 h)', '2025-04-28T07:00:00+07:00', '0.5wd', '2025-04-28T11:00:00+07:00'],
    ['lunch break: 11:00 + 1 wh', '2025-04-28T11:00:00+07:00', '1wh', '2025-04-28T14:00:00+07:00'],
    ['received Saturday counts from Monday 07:00', '2025-04-26T09:00:00+07:00', '2wh', '2025-04-28T09:00:00+07:00'],
    ['received in the lunch break counts from 13:30', '2025-04-28T12:15:00+07:00', '1wh', '2025-04-28T14:30:00+07:00'],
  ])('%s', (_, received, budget, expected) => {
    expect(due(received, budget)).toBe(expected)
  })
})

describe('computeDue: same day, 15:00 rule', () => {
  it.each([
    ['14:59 → today', '2025-04-28T14:59:00+07:00', '2025-04-28T17:00:00+07:00'],
    ['15:00 → next working day', '2025-04-28T15:00:00+07:00', '2025-04-29T17:00:00+07:00'],
    ['16:00 → next working day', '2025-04-28T16:00:00+07:00', '2025-04-29T17:00:00+07:00'],
    ['Friday 16:00 → Monday', '2025-04-25T16:00:00+07:00', '2025-04-28T17:00:00+07:00'],
    ['Tuesday 15:30 before 30/4–1/5 → Friday', '2025-04-29T15:30:00+07:00', '2025-05-02T17:00:00+07:00'],
    ['Saturday → Monday', '2025-04-26T16:00:00+07:00', '2025-04-28T17:00:00+07:00'],
    ['after closing → next day, counted from its opening', '2025-04-28T18:00:00+07:00', '2025-04-29T17:00:00+07:00'],
    ['lunch break → today', '2025-04-28T12:00:00+07:00', '2025-04-28T17:00:00+07:00'],
  ])('%s', (_, received, expected) => {
    expect(due(received, 'sameday@15:00')).toBe(expected)
  })
})

describe('computeDue: calendar days and none', () => {
  it('lands on a holiday → closing time of the next working day', () => {
    expect(due('2025-04-21T10:00:00+07:00', '10cd')).toBe('2025-05-02T17:00:00+07:00') // 1/5 → Fri 2/5
  })
  it('lands on a weekend → Monday', () => {
    expect(due('2025-04-28T10:00:00+07:00', '5cd')).toBe('2025-05-05T17:00:00+07:00')
  })
  it('lands on a working day → its closing time', () => {
    expect(due('2025-05-05T16:30:00+07:00', '15cd')).toBe('2025-05-20T17:00:00+07:00')
  })
  it('none → null', () => {
    expect(computeDue(vn, at('2025-04-28T10:00:00+07:00'), { kind: 'none' })).toBeNull()
  })
  it('rejects impossible budgets', () => {
    const from = at('2025-04-28T10:00:00+07:00')
    expect(() => computeDue(vn, from, { kind: 'workingDays', days: -1 })).toThrow(RangeError)
    expect(() => computeDue(vn, from, { kind: 'calendarDays', days: 1.5 })).toThrow(RangeError)
    expect(() => computeDue(vn, from, { kind: 'sameDay', cutoff: '3pm' })).toThrow(RangeError)
    expect(() => computeDue(vn, from, { kind: 'weeks' } as unknown as Duration)).toThrow(RangeError)
  })
})

describe('computeDue: an administrator’s yearly schedule', () => {
  // 2025: Friday 2/5 swapped for Saturday 26/4 (ngày làm bù).
  const seed = statutoryCalendar(2025, 2025)
  const swapped = createCalendar({
    ...seed,
    holidays: [...seed.holidays, { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)' }],
    makeUpDays: [{ date: '2025-04-26', name: 'Làm bù cho thứ Sáu 2/5' }],
  })

  it('a make-up Saturday counts as a working day', () => {
    expect(local(computeDue(swapped, at('2025-04-25T16:00:00+07:00'), parseDuration('1wd')))).toBe(
      '2025-04-26T16:00:00+07:00',
    )
    expect(local(computeDue(swapped, at('2025-04-25T16:00:00+07:00'), parseDuration('sameday@15:00')))).toBe(
      '2025-04-26T17:00:00+07:00',
    )
  })
  it('the swapped Friday does not', () => {
    expect(local(computeDue(swapped, at('2025-04-29T09:00:00+07:00'), parseDuration('2wd')))).toBe(
      '2025-05-06T09:00:00+07:00',
    )
  })
  it('make-up days use makeUpHours when given', () => {
    const morning = createCalendar({ ...swapped.source, makeUpHours: [{ start: '07:30', end: '11:30' }] })
    expect(local(computeDue(morning, at('2025-04-25T16:00:00+07:00'), parseDuration('5wh')))).toBe(
      '2025-04-26T11:30:00+07:00',
    )
  })
})

describe('stepDueDates', () => {
  it('chains each step from the previous due; a none step takes no time', () => {
    const steps = stepDueDates(vn, at('2025-04-28T07:00:00+07:00'), ['1wd', '2wh', 'none', '1wd'].map(parseDuration))
    expect(steps.map(local)).toEqual([
      '2025-04-28T17:00:00+07:00',
      '2025-04-29T09:00:00+07:00',
      null,
      '2025-05-02T09:00:00+07:00',
    ])
  })
  it('a step in calendar days ends at the close of its last day, or of the next working day', () => {
    // 1 working day to Monday's close; the next step counts from the next opening, Tuesday 6 May: 3 days later is
    // Friday 9 May, at its close; then 2 working hours from the next opening, Monday 12 May
    const steps = stepDueDates(vn, at('2025-05-05T07:00:00+07:00'), ['1wd', '3cd', '2wh'].map(parseDuration))
    expect(steps.map(local)).toEqual([
      '2025-05-05T17:00:00+07:00',
      '2025-05-09T17:00:00+07:00',
      '2025-05-12T09:00:00+07:00',
    ])
    // 3 days from Thursday 8 May is Sunday 11 May: Monday's close
    expect(local(stepDueDates(vn, at('2025-05-08T10:00:00+07:00'), [parseDuration('3cd')])[0] ?? null)).toBe(
      '2025-05-12T17:00:00+07:00',
    )
  })
  it('working-day steps add up to the total', () => {
    const start = at('2025-04-24T10:15:00+07:00')
    const steps = stepDueDates(vn, start, ['1wd', '0.5wd', '1.5wd'].map(parseDuration))
    expect(local(steps.at(-1) ?? null)).toBe(local(computeDue(vn, start, parseDuration('3wd'))))
  })
})

describe('pause and resume (supplement requests)', () => {
  const dueAt = at('2025-05-14T10:00:00+07:00') // Wednesday

  it('remaining working minutes at the pause are signed', () => {
    expect(remainingWorkingMinutes(vn, dueAt, at('2025-05-09T16:00:00+07:00'))).toBe(20 * 60)
    expect(remainingWorkingMinutes(vn, dueAt, at('2025-05-14T11:00:00+07:00'))).toBe(-60)
  })
  it('across a weekend the due time moves by the working time paused', () => {
    // Friday 16:00 → Monday 09:00 is 1 h + 2 h of working time.
    expect(local(dueAfterResume(vn, dueAt, at('2025-05-09T16:00:00+07:00'), at('2025-05-12T09:00:00+07:00')))).toBe(
      '2025-05-14T15:00:00+07:00',
    )
  })
  it('a pause wholly inside a weekend changes nothing', () => {
    expect(local(dueAfterResume(vn, dueAt, at('2025-05-10T08:00:00+07:00'), at('2025-05-11T16:00:00+07:00')))).toBe(
      '2025-05-14T10:00:00+07:00',
    )
  })
  it('a zero-length pause changes nothing, even for a due time outside office hours', () => {
    const evening = at('2025-05-14T18:00:00+07:00')
    expect(dueAfterResume(vn, evening, at('2025-05-12T09:00:00+07:00'), at('2025-05-12T09:00:00+07:00'))).toEqual(
      evening,
    )
  })
  it('a pause taken after the due time leaves the dossier overdue', () => {
    expect(dueAfterResume(vn, dueAt, at('2025-05-14T11:00:00+07:00'), at('2025-05-20T11:00:00+07:00'))).toEqual(dueAt)
  })
  it('repeated pauses add up', () => {
    let d = dueAt
    d = dueAfterResume(vn, d, at('2025-05-12T08:00:00+07:00'), at('2025-05-12T10:00:00+07:00')) // 2 h
    d = dueAfterResume(vn, d, at('2025-05-13T16:00:00+07:00'), at('2025-05-14T08:00:00+07:00')) // 2 h
    expect(local(d)).toBe('2025-05-14T16:00:00+07:00') // 10:00 + 4 h over lunch
  })
  it('a dossier with no working time left is not overdue the moment it resumes', () => {
    // Paused at the due time Friday 17:00, complete again Saturday: due at Monday's opening, still 0 min left.
    const friday = at('2025-05-16T17:00:00+07:00')
    expect(local(dueAfterResume(vn, friday, friday, at('2025-05-17T10:00:00+07:00')))).toBe('2025-05-19T07:00:00+07:00')
    // Due at Monday's opening, paused over the weekend, back at Monday noon: due at 13:30, not 11:30.
    const monday = at('2025-05-19T07:00:00+07:00')
    expect(local(dueAfterResume(vn, monday, at('2025-05-17T10:00:00+07:00'), at('2025-05-19T12:00:00+07:00')))).toBe(
      '2025-05-19T13:30:00+07:00',
    )
  })
  it('rejects a resume before the pause', () => {
    expect(() => dueAfterResume(vn, dueAt, at('2025-05-12T10:00:00+07:00'), at('2025-05-12T09:00:00+07:00'))).toThrow(
      RangeError,
    )
  })
})
