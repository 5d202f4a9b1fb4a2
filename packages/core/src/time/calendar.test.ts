import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors'
import { createCalendar, defaultOfficeHours } from './calendar'
import type { WorkCalendar } from './types'

function issuesOf(input: Partial<WorkCalendar>): { code: string; path: string }[] {
  try {
    createCalendar(input)
  } catch (error) {
    if (!DomainError.is(error)) throw error
    expect(error.code).toBe('INVALID_DATA')
    return error.issues.map(({ code, path }) => ({ code, path }))
  }
  throw new Error('expected createCalendar to throw')
}

const week = (monday: WorkCalendar['officeHours'][number]) => defaultOfficeHours.map((d, i) => (i === 1 ? monday : d))

describe('createCalendar', () => {
  it('applies the defaults', () => {
    const cal = createCalendar({})
    expect(cal.source.officeHours).toEqual(defaultOfficeHours)
    expect(cal.officeHours[1]).toEqual([
      { start: 420, end: 690 },
      { start: 810, end: 1020 },
    ])
    expect(cal.officeHours[0]).toEqual([])
    expect(cal.makeUpHours).toEqual(cal.officeHours[1])
    expect(cal.workingDayMinutes).toBe(480)
  })

  it('sorts intervals and days, merges touching intervals, drops duplicate dates', () => {
    const cal = createCalendar({
      officeHours: week([
        { start: '13:30', end: '17:00' },
        { start: '07:30', end: '11:30' },
        { start: '11:30', end: '12:00' },
      ]),
      holidays: [
        { date: '2025-09-02', name: 'Quốc khánh' },
        { date: '2025-01-01', name: 'Tết Dương lịch' },
        { date: '2025-09-02', name: 'again' },
      ],
    })
    expect(cal.source.officeHours[1]).toEqual([
      { start: '07:30', end: '12:00' },
      { start: '13:30', end: '17:00' },
    ])
    expect(cal.source.holidays).toEqual([
      { date: '2025-01-01', name: 'Tết Dương lịch' },
      { date: '2025-09-02', name: 'Quốc khánh' },
    ])
  })

  it.each([
    [
      'an hour without leading zero',
      { officeHours: week([{ start: '7:00', end: '11:30' }]) },
      [{ code: 'calendar.clock', path: '/officeHours/1/0/start' }],
    ],
    [
      '24:00',
      { officeHours: week([{ start: '13:00', end: '24:00' }]) },
      [{ code: 'calendar.clock', path: '/officeHours/1/0/end' }],
    ],
    [
      'minute 60',
      { makeUpHours: [{ start: '07:60', end: '11:00' }] },
      [{ code: 'calendar.clock', path: '/makeUpHours/0/start' }],
    ],
    [
      'start after end',
      { officeHours: week([{ start: '17:00', end: '13:30' }]) },
      [{ code: 'calendar.interval', path: '/officeHours/1/0' }],
    ],
    [
      'overlap',
      {
        officeHours: week([
          { start: '07:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ]),
      },
      [{ code: 'calendar.overlap', path: '/officeHours/1' }],
    ],
    ['six weekdays', { officeHours: defaultOfficeHours.slice(1) }, [{ code: 'calendar.shape', path: '/officeHours' }]],
    [
      'closed all week',
      { officeHours: defaultOfficeHours.map(() => []) },
      [{ code: 'calendar.closed', path: '/officeHours' }],
    ],
    [
      '29 February 2025',
      { holidays: [{ date: '2025-02-29', name: 'x' }] },
      [{ code: 'calendar.date', path: '/holidays/0/date' }],
    ],
    [
      'a date without padding',
      { makeUpDays: [{ date: '2025-4-26', name: 'x' }] },
      [{ code: 'calendar.date', path: '/makeUpDays/0/date' }],
    ],
    [
      'a holiday that is also a make-up day',
      { holidays: [{ date: '2025-04-26', name: 'x' }], makeUpDays: [{ date: '2025-04-26', name: 'y' }] },
      [{ code: 'calendar.conflict', path: '/makeUpDays' }],
    ],
    [
      'a zero working day',
      { workingDayMinutes: 0 },
      [{ code: 'calendar.workingDayMinutes', path: '/workingDayMinutes' }],
    ],
  ])('rejects %s', (_, input, expected) => {
    expect(issuesOf(input as Partial<WorkCalendar>)).toEqual(expected)
  })

  it('lists every problem at once, with a readable message', () => {
    const input = { holidays: [{ date: 'tomorrow', name: 'x' }], workingDayMinutes: -5 }
    expect(issuesOf(input)).toHaveLength(2)
    expect(() => createCalendar(input)).toThrow(
      'Invalid work calendar: /holidays/0/date: "tomorrow" is not a date YYYY-MM-DD; /workingDayMinutes: must be a positive number of minutes',
    )
  })

  it('needs hours for make-up days when Monday is closed', () => {
    const officeHours = defaultOfficeHours.map((d, i) => (i === 1 ? [] : d))
    expect(issuesOf({ officeHours, makeUpDays: [{ date: '2025-04-26', name: 'x' }] })).toEqual([
      { code: 'calendar.makeUpHours', path: '/makeUpHours' },
    ])
  })
})
