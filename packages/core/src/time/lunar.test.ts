import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DAY, formatDate, parseDate } from './local-time'
import { lunarToSolar, solarToLunar } from './lunar'

const iso = ({ year, month, day }: { year: number; month: number; day: number }) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`

describe('lunarToSolar', () => {
  it.each([
    [2019, '2019-02-05'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    // New moon 2030-02-02 16:08 UTC = 23:08 in Hà Nội but 00:08 on 3/2 in Beijing: Vietnam 2/2, China 3/2.
    [2030, '2030-02-02'],
    [1985, '1985-01-21'], // Vietnam; China (UTC+8) had 1985-02-20
  ])('Tết %i is %s', (year, expected) => {
    expect(iso(lunarToSolar(1, 1, year))).toBe(expected)
  })

  it.each([
    [2019, '2019-04-14'],
    [2020, '2020-04-02'],
    [2021, '2021-04-21'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Giỗ Tổ Hùng Vương %i is %s', (year, expected) => {
    expect(iso(lunarToSolar(10, 3, year))).toBe(expected)
  })

  it('handles leap months (tháng nhuận)', () => {
    expect(iso(lunarToSolar(1, 4, 2020, true))).toBe('2020-05-23')
    expect(iso(lunarToSolar(1, 2, 2023, true))).toBe('2023-03-22')
    expect(iso(lunarToSolar(1, 6, 2025, true))).toBe('2025-07-25')
    expect(iso(lunarToSolar(1, 7, 2025))).toBe('2025-08-23')
  })

  it('rejects dates that do not exist', () => {
    expect(() => lunarToSolar(1, 5, 2025, true)).toThrow(/no leap month 5/)
    expect(() => lunarToSolar(1, 1, 2024, true)).toThrow(/no leap month/)
    expect(() => lunarToSolar(30, 12, 2025)).toThrow(/has no day 30/) // tháng Chạp Ất Tỵ has 29 days
    expect(() => lunarToSolar(0, 1, 2025)).toThrow(RangeError)
    expect(() => lunarToSolar(1, 13, 2025)).toThrow(RangeError)
  })
})

describe('solarToLunar', () => {
  it.each([
    ['2026-02-16', { year: 2025, month: 12, day: 29, leap: false }],
    ['2021-02-11', { year: 2020, month: 12, day: 30, leap: false }],
    ['2026-02-17', { year: 2026, month: 1, day: 1, leap: false }],
    ['2023-04-10', { year: 2023, month: 2, day: 20, leap: true }],
    ['2025-01-01', { year: 2024, month: 12, day: 2, leap: false }],
  ])('%s', (date, expected) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number]
    expect(solarToLunar(d, m, y)).toEqual(expected)
  })

  it('rejects impossible solar dates', () => {
    expect(() => solarToLunar(30, 2, 2025)).toThrow(/not a date/)
  })

  it('round-trips and advances one lunar day per solar day (1900–2100)', () => {
    const first = parseDate('1900-01-01') as number
    const last = parseDate('2100-12-31') as number
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (day) => {
        const [y, m, d] = formatDate(day).split('-').map(Number) as [number, number, number]
        const lunar = solarToLunar(d, m, y)
        expect(iso(lunarToSolar(lunar.day, lunar.month, lunar.year, lunar.leap))).toBe(formatDate(day))
        const next = new Date((day + 1) * DAY)
        const after = solarToLunar(next.getUTCDate(), next.getUTCMonth() + 1, next.getUTCFullYear())
        if (after.day !== 1) expect(after).toEqual({ ...lunar, day: lunar.day + 1 })
        else expect(lunar.day === 29 || lunar.day === 30).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})
