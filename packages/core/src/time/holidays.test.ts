import { describe, expect, it } from 'vitest'
import { createCalendar, defaultOfficeHours } from './calendar'
import { statutoryCalendar, statutoryHolidays } from './holidays'
import { parseDate, weekday } from './local-time'

const dates = (year: number) => statutoryHolidays(year).map((h) => h.date)

describe('statutoryHolidays', () => {
  it('2025: the statutory list with its one substitute day', () => {
    expect(statutoryHolidays(2025)).toEqual([
      { date: '2025-01-01', name: 'Tết Dương lịch' },
      { date: '2025-01-28', name: 'Tết Nguyên đán (29 tháng Chạp)' },
      { date: '2025-01-29', name: 'Tết Nguyên đán (mùng 1)' },
      { date: '2025-01-30', name: 'Tết Nguyên đán (mùng 2)' },
      { date: '2025-01-31', name: 'Tết Nguyên đán (mùng 3)' },
      { date: '2025-02-01', name: 'Tết Nguyên đán (mùng 4)' },
      { date: '2025-02-03', name: 'Nghỉ bù Tết Nguyên đán (mùng 4)' },
      { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương' },
      { date: '2025-04-30', name: 'Ngày Chiến thắng' },
      { date: '2025-05-01', name: 'Quốc tế Lao động' },
      { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)' },
      { date: '2025-09-02', name: 'Quốc khánh' },
    ])
  })

  it('Tết is the last day of the lunar year (29 or 30 tháng Chạp) and mùng 1–4', () => {
    expect(dates(2021).slice(1, 6)).toEqual(['2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', '2021-02-15'])
    expect(statutoryHolidays(2021)[1]?.name).toBe('Tết Nguyên đán (30 tháng Chạp)')
    expect(dates(2026)).toEqual(
      expect.arrayContaining(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']),
    )
  })

  it('a holiday on a weekend gives the next free working day off (nghỉ bù)', () => {
    expect(statutoryHolidays(2021)).toContainEqual({ date: '2021-05-03', name: 'Nghỉ bù Quốc tế Lao động' })
    // 2022: 30/4 Sat and 1/5 Sun → Mon 2/5 and Tue 3/5.
    expect(dates(2022).filter((d) => d >= '2022-04-30' && d <= '2022-05-31')).toEqual([
      '2022-04-30',
      '2022-05-01',
      '2022-05-02',
      '2022-05-03',
    ])
    // 2023: 10/3 lunar Sat 29/4, 30/4 Sun, 1/5 Mon → Tue 2/5 and Wed 3/5.
    expect(dates(2023).filter((d) => d >= '2023-04-01' && d <= '2023-05-31')).toEqual([
      '2023-04-29',
      '2023-04-30',
      '2023-05-01',
      '2023-05-02',
      '2023-05-03',
    ])
  })

  it.each([
    [2019, ['2019-09-02']],
    [2020, ['2020-09-02']],
    [2021, ['2021-09-02', '2021-09-03']],
    [2022, ['2022-09-01', '2022-09-02']],
    [2023, ['2023-09-01', '2023-09-02', '2023-09-04']], // 2/9 Saturday → nghỉ bù Monday 4/9
    [2024, ['2024-09-02', '2024-09-03']],
    [2025, ['2025-09-01', '2025-09-02']],
  ])('Quốc khánh %i', (year, expected) => {
    expect(dates(year).filter((d) => d.slice(5, 7) === '09')).toEqual(expected)
  })

  it('never puts a substitute on a weekend or on another holiday', () => {
    for (let year = 2013; year <= 2060; year++) {
      const list = statutoryHolidays(year)
      expect(new Set(list.map((h) => h.date)).size).toBe(list.length)
      for (const h of list.filter((h) => h.name.startsWith('Nghỉ bù'))) {
        expect([0, 6]).not.toContain(weekday(parseDate(h.date) as number))
      }
    }
  })

  it('rejects years outside the Labour Code it implements', () => {
    expect(() => statutoryHolidays(2012)).toThrow(RangeError)
    expect(() => statutoryHolidays(2025.5)).toThrow(RangeError)
  })
})

describe('statutoryCalendar', () => {
  it('seeds a calendar an administrator then edits: no make-up days, default hours', () => {
    const seed = statutoryCalendar(2024, 2025)
    expect(seed.makeUpDays).toEqual([])
    expect(seed.officeHours).toEqual(defaultOfficeHours)
    expect(seed.officeHours).not.toBe(defaultOfficeHours)
    expect(seed.holidays).toEqual([...statutoryHolidays(2024), ...statutoryHolidays(2025)])
    expect(() => createCalendar(statutoryCalendar())).not.toThrow()
  })

  it('takes other office hours', () => {
    const hours = defaultOfficeHours.map((d) =>
      d.map((iv) => ({ ...iv, start: iv.start === '07:00' ? '07:30' : iv.start })),
    )
    expect(statutoryCalendar(2025, 2025, hours).officeHours[1]?.[0]).toEqual({ start: '07:30', end: '11:30' })
    expect(() => statutoryCalendar(2026, 2025)).toThrow(RangeError)
  })
})
