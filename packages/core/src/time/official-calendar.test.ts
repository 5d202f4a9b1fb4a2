import { describe, expect, it } from 'vitest'
import { createCalendar } from './calendar'
import { ruleHolidays } from './holidays'
import { formatDate, parseDate, weekday } from './local-time'
import { calendarYear, officialCalendar } from './official-calendar'
import { at, local } from './test-support'
import { addWorkingMinutes, isWorkingTime } from './working-time'

// Every expectation below is written by hand from the published decisions for cán bộ, công chức, viên chức, not
// from this code's output. A break is "from … to …" as the notice words it (weekends included); a make-up day is
// the Saturday it names.
const breaks: Record<number, [from: string, to: string][]> = {
  // Thông báo 3238/TB-LĐTBXH (2018); Giỗ Tổ Sunday 14/4 → nghỉ bù Monday 15/4 (Bộ luật Lao động 2012)
  2019: [
    ['2018-12-29', '2019-01-01'],
    ['2019-02-02', '2019-02-10'],
    ['2019-04-13', '2019-04-15'],
    ['2019-04-27', '2019-05-01'],
    ['2019-08-31', '2019-09-02'],
  ],
  // Thông báo 4544/TB-LĐTBXH ngày 25/10/2019 (Tết 23–29/1); the other days by the Code
  2020: [
    ['2020-01-01', '2020-01-01'],
    ['2020-01-23', '2020-01-29'],
    ['2020-04-02', '2020-04-02'],
    ['2020-04-30', '2020-05-03'],
    ['2020-09-02', '2020-09-02'],
  ],
  // Thông báo 4875/TB-LĐTBXH (Tết 10–16/2, Quốc khánh 2–5/9); 1/5 Saturday → Monday 3/5
  2021: [
    ['2021-01-01', '2021-01-03'],
    ['2021-02-10', '2021-02-16'],
    ['2021-04-21', '2021-04-21'],
    ['2021-04-30', '2021-05-03'],
    ['2021-09-02', '2021-09-05'],
  ],
  // Công văn 245/VPCP-KGVX (Tết 31/1–4/2 with both weekends, Quốc khánh 1–2/9); weekend holidays → nghỉ bù
  2022: [
    ['2022-01-01', '2022-01-03'],
    ['2022-01-29', '2022-02-06'],
    ['2022-04-09', '2022-04-11'],
    ['2022-04-30', '2022-05-03'],
    ['2022-09-01', '2022-09-04'],
  ],
  // Công văn 8056/VPCP-KGVX (Tết 20–26/1, Quốc khánh 1–4/9); Giỗ Tổ Sat 29/4, 30/4 Sun → 2/5, 3/5
  2023: [
    ['2022-12-31', '2023-01-02'],
    ['2023-01-20', '2023-01-26'],
    ['2023-04-29', '2023-05-03'],
    ['2023-09-01', '2023-09-04'],
  ],
  // Thông báo 5015/TB-LĐTBXH (Tết 8–14/2, Quốc khánh 31/8–3/9); Thông báo 1570/TB-BLĐTBXH (27/4–1/5)
  2024: [
    ['2023-12-30', '2024-01-01'],
    ['2024-02-08', '2024-02-14'],
    ['2024-04-18', '2024-04-18'],
    ['2024-04-27', '2024-05-01'],
    ['2024-08-31', '2024-09-03'],
  ],
  // Thông báo 6150/TB-BLĐTBXH (Tết 25/1–2/2, 30/4–4/5, Quốc khánh 30/8–2/9)
  2025: [
    ['2025-01-01', '2025-01-01'],
    ['2025-01-25', '2025-02-02'],
    ['2025-04-05', '2025-04-07'],
    ['2025-04-30', '2025-05-04'],
    ['2025-08-30', '2025-09-02'],
  ],
  // Công văn 12729/VPCP-KGVX (1–4/1); Thông báo 9441/TB-BNV (Tết 14–22/2, Quốc khánh 29/8–2/9); Giỗ Tổ Sunday
  // 26/4 → Monday 27/4; Ngày Văn hóa Việt Nam Tuesday 24/11
  2026: [
    ['2026-01-01', '2026-01-04'],
    ['2026-02-14', '2026-02-22'],
    ['2026-04-25', '2026-04-27'],
    ['2026-04-30', '2026-05-03'],
    ['2026-08-29', '2026-09-02'],
    ['2026-11-24', '2026-11-24'],
  ],
}

const makeUpDays: Record<number, string[]> = {
  2019: ['2019-01-05', '2019-05-04'],
  2024: ['2024-05-04'],
  2025: ['2025-04-26'],
  2026: ['2026-01-10', '2026-08-22'],
}

// The days a notice swapped off (hoán đổi): the only working days off the law's rules cannot foresee.
const swapped: Record<number, string[]> = {
  2019: ['2018-12-31', '2019-04-29'],
  2024: ['2024-04-29'],
  2025: ['2025-05-02'],
  2026: ['2026-01-02', '2026-08-31'],
}

const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]
const cal = createCalendar(officialCalendar(2018, 2027).calendar)
const day = (date: string) => parseDate(date) as number
const datesFrom = (from: string, to: string) =>
  Array.from({ length: day(to) - day(from) + 1 }, (_, i) => formatDate(day(from) + i))
const open = (date: string, clock: string) => isWorkingTime(cal, at(`${date}T${clock}:00+07:00`))

describe('the official calendars 2019–2026, as the notices publish them', () => {
  it.each(years)('%i: every day of every break is off, the days around it are worked', (year) => {
    for (const [from, to] of breaks[year] ?? []) {
      for (const date of datesFrom(from, to)) {
        expect([date, open(date, '09:00'), open(date, '14:00')]).toEqual([date, false, false])
      }
      for (const date of [formatDate(day(from) - 1), formatDate(day(to) + 1)]) {
        expect([date, open(date, '09:00'), open(date, '14:00')]).toEqual([date, true, true])
      }
    }
  })

  it.each(years)('%i: each make-up Saturday is a working day with Monday’s hours', (year) => {
    for (const date of makeUpDays[year] ?? []) {
      expect(weekday(day(date))).toBe(6)
      expect([date, open(date, '07:00'), open(date, '16:59'), open(date, '12:00')]).toEqual([date, true, true, false])
    }
    expect(calendarYear(year).makeUpDays.map((d) => d.date)).toEqual(makeUpDays[year] ?? [])
  })

  const due = (received: string, days: number) =>
    local(addWorkingMinutes(cal, at(`${received}T10:00:00+07:00`), days * 480))

  it.each([
    // received 10:00 on the working day before a break; N working days later, at 10:00
    ['Tết Dương lịch 2019 (31/12/2018 swapped)', '2018-12-28', 1, '2019-01-02'],
    ['the make-up Saturday 5/1/2019', '2019-01-04', 1, '2019-01-05'],
    ['Tết 2019', '2019-02-01', 3, '2019-02-13'],
    ['Giỗ Tổ 2019 (Sunday, nghỉ bù Monday)', '2019-04-12', 1, '2019-04-16'],
    ['30/4–1/5/2019 and the make-up Saturday 4/5', '2019-04-26', 3, '2019-05-04'],
    ['Tết 2020: off from 29 tháng Chạp', '2020-01-22', 1, '2020-01-30'],
    ['Tết 2021', '2021-02-09', 1, '2021-02-17'],
    ['30/4–1/5/2021 (1/5 Saturday → Monday 3/5)', '2021-04-29', 1, '2021-05-04'],
    ['Quốc khánh 2021 (2–3/9)', '2021-09-01', 1, '2021-09-06'],
    ['Tết Dương lịch 2022 (Saturday → Monday 3/1)', '2021-12-31', 1, '2022-01-04'],
    ['Tết 2022', '2022-01-28', 1, '2022-02-07'],
    ['30/4–1/5/2022 (weekend → 2/5, 3/5)', '2022-04-29', 1, '2022-05-04'],
    ['Tết 2023', '2023-01-19', 1, '2023-01-27'],
    ['Giỗ Tổ, 30/4, 1/5/2023', '2023-04-28', 1, '2023-05-04'],
    ['Quốc khánh 2023 (1–4/9)', '2023-08-31', 1, '2023-09-05'],
    ['Tết 2024', '2024-02-07', 1, '2024-02-15'],
    ['30/4–1/5/2024 (29/4 swapped)', '2024-04-26', 1, '2024-05-02'],
    ['30/4–1/5/2024 and the make-up Saturday 4/5', '2024-04-26', 3, '2024-05-04'],
    ['Quốc khánh 2024 (2–3/9)', '2024-08-30', 1, '2024-09-04'],
    ['Tết 2025', '2025-01-24', 3, '2025-02-05'],
    ['the make-up Saturday 26/4/2025', '2025-04-25', 1, '2025-04-26'],
    ['30/4–1/5/2025 (2/5 swapped)', '2025-04-29', 2, '2025-05-06'],
    ['Quốc khánh 2025 (1–2/9)', '2025-08-29', 1, '2025-09-03'],
    ['Tết Dương lịch 2026 (2/1 swapped)', '2025-12-31', 1, '2026-01-05'],
    ['the make-up Saturday 10/1/2026', '2026-01-09', 1, '2026-01-10'],
    ['Tết 2026', '2026-02-13', 3, '2026-02-25'],
    ['Giỗ Tổ 2026 (Sunday, nghỉ bù Monday 27/4)', '2026-04-24', 1, '2026-04-28'],
    ['the make-up Saturday 22/8/2026', '2026-08-21', 1, '2026-08-22'],
    ['Quốc khánh 2026 (31/8 swapped)', '2026-08-28', 1, '2026-09-03'],
    ['Ngày Văn hóa Việt Nam 2026', '2026-11-23', 1, '2026-11-25'],
  ])('due date around %s', (_, received, days, expected) => {
    expect(due(received, days)).toBe(`${expected}T10:00:00+07:00`)
  })
})

describe('calendarYear', () => {
  it('2019–2026 follow a decision, each day with its source; other years are provisional', () => {
    for (const year of years) {
      const entry = calendarYear(year)
      expect(entry.provisional).toBe(false)
      expect(entry.source).toMatch(/(Thông báo|Công văn) số/)
      for (const d of [...entry.holidays, ...entry.makeUpDays]) {
        expect(d.source).toMatch(/^(Thông báo|Công văn|Bộ luật Lao động|Nghị quyết) /)
        expect(d.name).not.toMatch(/verify|\?/i)
      }
    }
    for (const year of [2018, 2027, 2035]) {
      expect(calendarYear(year)).toMatchObject({ year, provisional: true, source: null, makeUpDays: [] })
    }
    expect(calendarYear(2027).holidays).toContainEqual(
      expect.objectContaining({
        date: '2027-01-01',
        name: 'Tết Dương lịch',
        source: 'Bộ luật Lao động 2019, Điều 112',
      }),
    )
  })

  it('names the notice of a swap and its make-up day', () => {
    const year = calendarYear(2025)
    expect(year.holidays.find((d) => d.date === '2025-05-02')?.source).toMatch(/^Thông báo số 6150\/TB-BLĐTBXH/)
    expect(year.makeUpDays).toEqual([
      { date: '2025-04-26', name: 'Làm bù cho thứ Sáu 02/05/2025', source: expect.stringMatching(/6150\/TB-BLĐTBXH/) },
    ])
  })

  it.each(years)('%i: the rules give the notice’s working days off, all but its swaps', (year) => {
    const weekdaysOff = (list: { date: string }[]) =>
      list.map((d) => d.date).filter((date) => weekday(day(date)) !== 0 && weekday(day(date)) !== 6)
    const official = weekdaysOff(calendarYear(year).holidays)
    const rules = weekdaysOff(ruleHolidays(year))
    expect(official.filter((date) => !rules.includes(date))).toEqual(swapped[year] ?? [])
    expect(rules.filter((date) => !official.includes(date))).toEqual([])
  })
})

describe('officialCalendar', () => {
  it('joins the years into one calendar and lists the provisional ones', () => {
    const { calendar, provisionalYears } = officialCalendar(2025, 2028)
    expect(provisionalYears).toEqual([2027, 2028])
    expect(calendar.makeUpDays.map((d) => d.date)).toEqual(['2025-04-26', '2026-01-10', '2026-08-22'])
    expect(calendar.holidays).toContainEqual({ date: '2027-11-24', name: 'Ngày Văn hóa Việt Nam' })
    expect(officialCalendar(2019, 2026).provisionalYears).toEqual([])
    expect(() => createCalendar(officialCalendar(2013, 2060).calendar)).not.toThrow()
    expect(() => officialCalendar(2026, 2025)).toThrow(RangeError)
  })

  it('takes other office hours and gives make-up days Monday’s', () => {
    const hours = [0, 1, 2, 3, 4, 5, 6].map((d) => (d === 0 || d === 6 ? [] : [{ start: '07:30', end: '17:00' }]))
    const calendar = createCalendar(officialCalendar(2025, 2025, hours).calendar)
    expect(isWorkingTime(calendar, at('2025-04-26T07:15:00+07:00'))).toBe(false)
    expect(isWorkingTime(calendar, at('2025-04-26T12:00:00+07:00'))).toBe(true)
  })
})
