import { describe, expect, it } from 'vitest'
import { classify } from './classify'
import { at } from './test-support'

const dueAt = at('2025-04-29T10:00:00+07:00')
const now = at('2025-05-05T08:00:00+07:00')

describe('classify', () => {
  it.each([
    ['the day before → early (trước hạn)', '2025-04-28T16:59:00+07:00', 'early'],
    ['same local day, earlier → onTime (đúng hạn)', '2025-04-29T07:30:00+07:00', 'onTime'],
    ['exactly at the due time → onTime', '2025-04-29T10:00:00+07:00', 'onTime'],
    ['one second late → late (trễ hạn)', '2025-04-29T10:00:01+07:00', 'late'],
    ['a week late → late', '2025-05-06T08:00:00+07:00', 'late'],
  ])('finished %s', (_, doneAt, expected) => {
    expect(classify({ dueAt, doneAt: at(doneAt), now })).toBe(expected)
  })

  it('compares local (UTC+07:00) dates, not UTC dates', () => {
    // Same local day 29/4 although the UTC dates differ (28/4 23:30Z vs 29/4 00:00Z).
    expect(classify({ dueAt: at('2025-04-29T07:00:00+07:00'), doneAt: at('2025-04-29T06:30:00+07:00'), now })).toBe(
      'onTime',
    )
    // Different local days although both are 28/4 in UTC.
    expect(classify({ dueAt: at('2025-04-29T06:00:00+07:00'), doneAt: at('2025-04-28T23:30:00+07:00'), now })).toBe(
      'early',
    )
  })

  it('not finished → inTime (trong hạn) until the due time, then overdue (quá hạn)', () => {
    expect(classify({ dueAt, now: at('2025-04-29T09:59:00+07:00') })).toBe('inTime')
    expect(classify({ dueAt, doneAt: null, now: dueAt })).toBe('inTime')
    expect(classify({ dueAt, doneAt: null, now: at('2025-04-29T10:00:01+07:00') })).toBe('overdue')
  })

  it('judges a dossier whose clock is stopped at the pause, not now: waiting for the applicant is never overdue', () => {
    const pausedAt = at('2025-04-28T10:00:00+07:00')
    expect(classify({ dueAt, pausedAt, now })).toBe('inTime') // now is a week after the deadline
    expect(classify({ dueAt, pausedAt: at('2025-04-29T10:00:01+07:00'), now })).toBe('overdue') // paused too late
    expect(classify({ dueAt, pausedAt: null, now })).toBe('overdue')
  })

  it('no due date → noDeadline, finished or not', () => {
    expect(classify({ dueAt: null, now })).toBe('noDeadline')
    expect(classify({ dueAt: null, doneAt: now, now })).toBe('noDeadline')
  })
})
