import { describe, expect, it } from 'vitest'
import { createCalendar, defaultOfficeHours } from './calendar'
import { statutoryCalendar, statutoryHolidays } from './holidays'
import { parseDate, weekday } from './local-time'

const dates = (year: number) => statutoryHolidays(year).map((h) => h.date)

describe('statutoryHolidays', () => {
  it('2025: the statutory list, Tết as Thông báo 6150/TB-BLĐTBXH fixed it (27–31/1)', () => {
    expect(statutoryHolidays(2025)).toEqual([
      { date: '2025-01-01', name: 'Tết Dương lịch' },
      { date: '2025-01-27', name: 'Tết Nguyên đán (28 tháng Chạp)' },
      { date: '2025-01-28', name: 'Tết Nguyên đán (29 tháng Chạp)' },
      { date: '2025-01-29', name: 'Tết Nguyên đán (mùng 1)' },
      { date: '2025-01-30', name: 'Tết Nguyên đán (mùng 2)' },
      { date: '2025-01-31', name: 'Tết Nguyên đán (mùng 3)' },
      { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương' },
      { date: '2025-04-30', name: 'Ngày Chiến thắng' },
      { date: '2025-05-01', name: 'Quốc tế Lao động' },
      { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)' },
      { date: '2025-09-02', name: 'Quốc khánh' },
    ])
  })

  const tet = (year: number) =>
    statutoryHolidays(year).filter((h) => h.name.includes('Tết Nguyên đán') && h.date.slice(5, 7) < '03')

  it('Tết: two days before mùng 1 and mùng 1–3, as the notices of 2020, 2021, 2023, 2024 and 2025 fix it', () => {
    // Thông báo 4875/TB-LĐTBXH: "nghỉ 2 ngày trước tết, 3 ngày sau tết"; mùng 2 and 3 on the weekend → mùng 4, 5
    expect(tet(2021)).toEqual([
      { date: '2021-02-10', name: 'Tết Nguyên đán (29 tháng Chạp)' },
      { date: '2021-02-11', name: 'Tết Nguyên đán (30 tháng Chạp)' },
      { date: '2021-02-12', name: 'Tết Nguyên đán (mùng 1)' },
      { date: '2021-02-13', name: 'Tết Nguyên đán (mùng 2)' },
      { date: '2021-02-14', name: 'Tết Nguyên đán (mùng 3)' },
      { date: '2021-02-15', name: 'Nghỉ bù Tết Nguyên đán (mùng 2)' },
      { date: '2021-02-16', name: 'Nghỉ bù Tết Nguyên đán (mùng 3)' },
    ])
  })

  it('Tết on a Tuesday: one day before and mùng 1–4, as the notices of 2019, 2022 and 2026 fix it', () => {
    // Thông báo 9441/TB-BNV: "1 ngày trước Tết và 4 ngày sau Tết", 16–20/2/2026
    expect(tet(2026).map((h) => h.date)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'])
    expect(tet(2022).map((h) => h.date)).toEqual(['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'])
    expect(tet(2019)[0]).toEqual({ date: '2019-02-04', name: 'Tết Nguyên đán (30 tháng Chạp)' })
  })

  it('Tết on a weekend: the extra day off comes before Tết, as in 2020, 2023 and 2024', () => {
    // Saturday 25/1/2020: 23–29/1 (Thông báo 4544/TB-LĐTBXH), not 24–30/1 by "the next working day"
    const weekdays = (year: number) =>
      tet(year)
        .map((h) => h.date)
        .filter((date) => ![0, 6].includes(weekday(parseDate(date) as number)))
    expect(weekdays(2020)).toEqual(['2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29'])
    // Sunday 22/1/2023: 20–26/1 (Công văn 8056/VPCP-KGVX)
    expect(weekdays(2023)).toEqual(['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'])
    // Saturday 6/2/2027, as Saturday 10/2/2024 (8–14/2): Thursday 4/2 to Wednesday 10/2
    expect(weekdays(2027)).toEqual(['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'])
    expect(tet(2027)[0]).toEqual({ date: '2027-02-04', name: 'Tết Nguyên đán (28 tháng Chạp)' })
  })

  it('Ngày Văn hóa Việt Nam (24/11) is a holiday from 2026, not before', () => {
    const november = (year: number) => dates(year).filter((d) => d.slice(5, 7) === '11')
    expect(november(2024)).toEqual([])
    expect(november(2025)).toEqual([])
    expect(november(2026)).toEqual(['2026-11-24'])
    expect(statutoryHolidays(2027)).toContainEqual({ date: '2027-11-24', name: 'Ngày Văn hóa Việt Nam' })
    // Saturday 24/11/2029 → nghỉ bù Monday 26/11
    expect(statutoryHolidays(2029).filter((h) => h.date.slice(5, 7) === '11')).toEqual([
      { date: '2029-11-24', name: 'Ngày Văn hóa Việt Nam' },
      { date: '2029-11-26', name: 'Nghỉ bù Ngày Văn hóa Việt Nam' },
    ])
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
