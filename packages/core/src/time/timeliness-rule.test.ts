import { describe, expect, it } from 'vitest'
import { lastApologyDay } from './apology-deadline'
import { classify } from './classify'
import { computeDue, dueAfterResume } from './due'
import { parseDuration } from './duration'
import { local, vn } from './test-support'

// The examples of TIMELINESS.md, one by one, in the week of Monday 5/5/2025 (no holiday; 07:00–11:30, 13:30–17:00).
const at = (localTime: string) => new Date(`${localTime}+07:00`)
const due = (received: string, time: string) => local(computeDue(vn, at(received), parseDuration(time)))

describe('TIMELINESS.md: which instant a deadline is', () => {
  it.each([
    ['working days: the exact working minute', '2025-05-05T10:00:00', '3wd', '2025-05-08T10:00:00+07:00'],
    ['working hours', '2025-05-05T16:00:00', '4wh', '2025-05-06T10:00:00+07:00'],
    ['same day before the cutoff: today’s close', '2025-05-05T14:59:00', 'sameday@15:00', '2025-05-05T17:00:00+07:00'],
    [
      'same day at the cutoff on a Friday: Monday’s close',
      '2025-05-09T15:00:00',
      'sameday@15:00',
      '2025-05-12T17:00:00+07:00',
    ],
    [
      'calendar days ending on a Sunday: the Monday’s close',
      '2025-05-08T10:00:00',
      '10cd',
      '2025-05-19T17:00:00+07:00',
    ],
    ['received on a Saturday: from Monday’s opening', '2025-05-10T09:00:00', '1wd', '2025-05-12T17:00:00+07:00'],
  ])('%s', (_, received, time, expected) => {
    expect(due(received, time)).toBe(expected)
  })

  it('none: no deadline, never late', () => {
    expect(computeDue(vn, at('2025-05-05T10:00:00'), { kind: 'none' })).toBeNull()
    expect(classify({ dueAt: null, doneAt: at('2030-01-01T00:00:00'), now: at('2030-01-01T00:00:00') })).toBe(
      'noDeadline',
    )
  })
})

describe('TIMELINESS.md: pauses', () => {
  it('gives back exactly the working time left, and a pause after the deadline changes nothing', () => {
    const dueAt = at('2025-05-08T10:00:00')
    // stopped Tuesday 10:00 (2 working days left), resumed Friday 14:00 → due Tuesday 13/5 14:00
    expect(local(dueAfterResume(vn, dueAt, at('2025-05-06T10:00:00'), at('2025-05-09T14:00:00')))).toBe(
      '2025-05-13T14:00:00+07:00',
    )
    expect(dueAfterResume(vn, dueAt, at('2025-05-08T11:00:00'), at('2025-05-12T09:00:00'))).toEqual(dueAt)
  })
})

describe('TIMELINESS.md: early, on time, late', () => {
  const dueAt = at('2025-05-08T10:00:00')
  const now = at('2025-05-30T00:00:00')
  it.each([
    ['late after the deadline, even by a second', '2025-05-08T10:00:01', 'late'],
    ['on time on the deadline’s day, up to the deadline', '2025-05-08T10:00:00', 'onTime'],
    ['on time earlier that day', '2025-05-08T07:05:00', 'onTime'],
    ['early on an earlier day', '2025-05-07T16:59:00', 'early'],
  ] as const)('%s', (_, doneAt, expected) => {
    expect(classify({ dueAt, doneAt: at(doneAt), now })).toBe(expected)
  })

  it('same day received after the cutoff and done that afternoon is early', () => {
    const sameDayDue = computeDue(vn, at('2025-05-09T15:30:00'), parseDuration('sameday@15:00'))
    expect(classify({ dueAt: sameDayDue, doneAt: at('2025-05-09T16:30:00'), now })).toBe('early')
  })

  it('not finished: overdue after the deadline, judged at the pause while the clock is stopped', () => {
    expect(classify({ dueAt, now: at('2025-05-08T10:00:00') })).toBe('inTime')
    expect(classify({ dueAt, now: at('2025-05-08T10:01:00') })).toBe('overdue')
    expect(classify({ dueAt, pausedAt: at('2025-05-07T09:00:00'), now })).toBe('inTime')
  })
})

describe('TIMELINESS.md: the apology', () => {
  it('until the end of the working day before the deadline’s day; the Friday before a Monday', () => {
    expect(lastApologyDay(vn, at('2025-05-08T10:00:00')).endsAt).toEqual(at('2025-05-08T00:00:00'))
    expect(lastApologyDay(vn, at('2025-05-12T10:00:00')).date).toBe('2025-05-09')
  })
})
