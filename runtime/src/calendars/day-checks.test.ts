import { defaultOfficeHours } from '@motcua/core'
import { describe, expect, it } from 'vitest'
import { type DayContext, type DayEntry, dayIssues } from './day-checks'

const province: DayContext = { officeHours: defaultOfficeHours, counterHours: defaultOfficeHours, days: new Map() }
const saturdayCounter: DayContext = {
  ...province,
  counterHours: defaultOfficeHours.map((d, i) => (i === 6 ? [{ start: '07:30', end: '11:30' }] : d)),
}
const day = (date: string, name = 'Ngày nghỉ'): DayEntry => ({ date, name })
const holidays = (...dates: string[]) => ({
  holidays: dates.map((d, i) => ({ entry: day(d), path: `/holidays/${i}` })),
  makeUpDays: [],
})
const codes = (issues: ReturnType<typeof dayIssues>) => issues.map((i) => [i.code, i.path])

describe('the days an administrator enters', () => {
  it('accepts the 2025 swap of the Ministry’s notice: Friday 2/5 off, Saturday 26/4 worked', () => {
    const entered = {
      holidays: [
        { entry: day('2025-04-30'), path: '/holidays/0' },
        { entry: day('2025-05-01'), path: '/holidays/1' },
        { entry: day('2025-05-02'), path: '/holidays/2' },
      ],
      makeUpDays: [{ entry: day('2025-04-26', 'Làm bù cho thứ Sáu 2/5'), path: '/makeUpDays/0' }],
    }
    expect(dayIssues(entered, { ...province, year: 2025 })).toEqual([])
  })

  it('keeps a weekend day that belongs to a break, as notices word Tết (Saturday 1/2/2025, mùng 4)', () => {
    expect(dayIssues(holidays('2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01'), province)).toEqual(
      [],
    )
  })

  it('refuses a date given twice, naming both places', () => {
    const entered = {
      holidays: [{ entry: day('2025-09-01'), path: '/holidays/0' }],
      makeUpDays: [{ entry: day('2025-09-01'), path: '/makeUpDays/0' }],
    }
    const issues = dayIssues(entered, province)
    expect(codes(issues)).toContainEqual(['calendar.dateTwice', '/makeUpDays/0/date'])
    expect(issues.find((i) => i.code === 'calendar.dateTwice')!.message.vi).toContain('/holidays/0')
  })

  it('refuses a make-up day on a working day, saying the day', () => {
    const entered = { holidays: [], makeUpDays: [{ entry: day('2025-04-28'), path: '/makeUpDays/0' }] }
    const [issue] = dayIssues(entered, province)
    expect(issue).toMatchObject({ code: 'calendar.makeUpOnWorkingDay', path: '/makeUpDays/0/date' })
    expect(issue!.message.vi).toContain('thứ Hai 28/04/2025')
  })

  it('accepts a make-up day on a weekday that an inherited day off closes', () => {
    const context = { ...province, days: new Map([['2025-05-02', 'holiday' as const]]) }
    expect(
      dayIssues({ holidays: [], makeUpDays: [{ entry: day('2025-05-02'), path: '/makeUpDays/0' }] }, context),
    ).toEqual([])
  })

  it('refuses a lone Sunday off, which means nothing, but not a Saturday off where the counter opens', () => {
    expect(codes(dayIssues(holidays('2025-05-11'), province))).toEqual([
      ['calendar.dayOffWhenClosed', '/holidays/0/date'],
    ])
    expect(codes(dayIssues(holidays('2025-05-10'), province))).toEqual([
      ['calendar.dayOffWhenClosed', '/holidays/0/date'],
    ])
    expect(dayIssues(holidays('2025-05-10'), saturdayCounter)).toEqual([])
  })

  it('refuses a date outside the year being recorded', () => {
    expect(codes(dayIssues(holidays('2026-01-01'), { ...province, year: 2025 }))).toEqual([
      ['calendar.outsideYear', '/holidays/0/date'],
    ])
  })
})
