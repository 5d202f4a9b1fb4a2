import { defaultOfficeHours } from './calendar'
import { formatDate, parseDate, weekday } from './local-time'
import { lunarToSolar, type SolarDate, solarToLunar } from './lunar'
import type { CalendarDay, OfficeInterval, SourcedDay, WorkCalendar } from './types'

// The rules for a year without a Government decision (2027 onwards, or any year whose data is missing).
//
// Ngày nghỉ lễ, Tết: Bộ luật Lao động 2019 art. 112 (from 2021); Bộ luật Lao động 2012 art. 115 before (same
// list, but Quốc khánh was one day). From 2026 also Ngày Văn hóa Việt Nam, 24/11 (see `VAN_HOA`). A holiday on the
// weekly rest day (Saturday, Sunday for cán bộ, công chức) gives the next working day off (nghỉ bù: art. 111.3,
// 2012 art. 115.3).
//
// Tết: the law gives five days and lets the Prime Minister fix them (art. 112.3). Every public-sector notice of
// 2019–2026 fixed them the same way: the two days before mùng 1 and mùng 1–3 ("2 ngày trước Tết, 3 ngày sau Tết"),
// or, when the first of those is a weekend day (Tết on a Monday or a Tuesday), one day before and mùng 1–4; a Tết
// day on a Saturday or Sunday then gives nghỉ bù on the next working days. So with Tết on a weekend the extra day
// off comes before Tết, not after:
//   2019 (Tết Tue): 4–8/2, Thông báo 3238/TB-LĐTBXH;  2020 (Sat): 23–29/1, Thông báo 4544/TB-LĐTBXH;
//   2021 (Fri): 10–16/2, Thông báo 4875/TB-LĐTBXH;    2022 (Tue): 31/1–4/2, Công văn 245/VPCP-KGVX;
//   2023 (Sun): 20–26/1, Công văn 8056/VPCP-KGVX;     2024 (Sat): 8–14/2, Thông báo 5015/TB-LĐTBXH;
//   2025 (Wed): 27–31/1, Thông báo 6150/TB-BLĐTBXH;   2026 (Tue): 16–20/2, Thông báo 9441/TB-BNV.
// (The old rule, the last day of the year and mùng 1–4 with nghỉ bù after, put 2020's break on 24–30/1.)
// Swaps (hoán đổi) and make-up days (ngày làm bù) are never predictable: they come only from a decision, as data.

const isWeekend = (day: number): boolean => weekday(day) === 0 || weekday(day) === 6
const dayOf = (year: number, month: number, day: number): number =>
  parseDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`) as number
const solarDay = ({ year, month, day }: SolarDate): number => dayOf(year, month, day)
const lunarOf = (day: number): number => {
  const [y, m, d] = formatDate(day).split('-').map(Number) as [number, number, number]
  return solarToLunar(d, m, y).day
}

/** Ngày Văn hóa Việt Nam, a public holiday from 2026. */
export const VAN_HOA = {
  from: 2026,
  source:
    'Nghị quyết số 28/2026/QH16 (Quốc hội) (verify); chủ trương: Nghị quyết số 80-NQ/TW ngày 07/01/2026 (Bộ Chính trị)',
}

/** Length of the run of days off (weekend or `off`) through `day`. */
function breakLength(day: number, off: Set<number>): number {
  const rest = (d: number) => isWeekend(d) || off.has(d)
  let from = day
  let to = day
  while (rest(from - 1)) from--
  while (rest(to + 1)) to++
  return to - from + 1
}

/** Quốc khánh's second day (from 2021): 1/9 or 3/9, whichever makes the longer break with the weekend; 1/9 on a tie. */
function nationalDayPartner(year: number): number {
  const second = dayOf(year, 9, 2)
  const [before, after] = [second - 1, second + 1]
  return breakLength(second, new Set([second, after])) > breakLength(second, new Set([second, before])) ? after : before
}

/** The five Tết days as the public-sector notices fix them (see the comment above). */
function tetDays(year: number): [number, string][] {
  const tet = solarDay(lunarToSolar(1, 1, year))
  const first = isWeekend(tet - 2) ? tet - 1 : tet - 2
  return [0, 1, 2, 3, 4].map((i) => {
    const day = first + i
    return [day, day < tet ? `Tết Nguyên đán (${lunarOf(day)} tháng Chạp)` : `Tết Nguyên đán (mùng ${day - tet + 1})`]
  })
}

/**
 * The days off of a year by the law's rules alone, each with its legal source: no swaps, no make-up days.
 * @example ruleHolidays(2027).find((h) => h.date === '2027-11-24')?.name // 'Ngày Văn hóa Việt Nam'
 */
export function ruleHolidays(year: number): SourcedDay[] {
  if (!Number.isInteger(year) || year < 2013 || year > 2199)
    throw new RangeError(`year must be an integer in 2013..2199 (Bộ luật Lao động 2012 onwards), got ${year}`)
  const code = year >= 2021 ? 'Bộ luật Lao động 2019' : 'Bộ luật Lao động 2012'
  const law = `${code}, ${year >= 2021 ? 'Điều 112' : 'Điều 115'}`
  const days = new Map<number, { name: string; source: string }>()
  const add = (day: number, name: string, source = law) => days.set(day, { name, source })
  add(dayOf(year, 1, 1), 'Tết Dương lịch')
  for (const [day, name] of tetDays(year))
    add(day, name, `${law}; ngày Tết bố trí như các thông báo 2019–2026 (chờ quyết định của Thủ tướng)`)
  add(solarDay(lunarToSolar(10, 3, year)), 'Giỗ Tổ Hùng Vương')
  add(dayOf(year, 4, 30), 'Ngày Chiến thắng')
  add(dayOf(year, 5, 1), 'Quốc tế Lao động')
  add(dayOf(year, 9, 2), 'Quốc khánh')
  if (year >= 2021) add(nationalDayPartner(year), 'Quốc khánh (ngày liền kề)', `${law} (ngày liền kề: dự kiến)`)
  if (year >= VAN_HOA.from) add(dayOf(year, 11, 24), 'Ngày Văn hóa Việt Nam', VAN_HOA.source)
  const substitute = `${code}, ${year >= 2021 ? 'khoản 3 Điều 111' : 'khoản 3 Điều 115'}`
  for (const day of [...days.keys()].sort((a, b) => a - b)) {
    if (!isWeekend(day)) continue
    let off = day + 1
    while (isWeekend(off) || days.has(off)) off++
    add(off, `Nghỉ bù ${days.get(day)?.name}`, substitute)
  }
  return [...days].sort(([a], [b]) => a - b).map(([day, { name, source }]) => ({ date: formatDate(day), name, source }))
}

/**
 * The statutory days off of a year (ngày nghỉ lễ, Tết) plus nghỉ bù, by the rules of `ruleHolidays`, unsourced.
 * @example statutoryHolidays(2025).find((h) => h.date === '2025-04-07') // { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương' }
 */
export function statutoryHolidays(year: number): CalendarDay[] {
  return ruleHolidays(year).map(({ date, name }) => ({ date, name }))
}

/**
 * A calendar of the law's rules alone for `createCalendar`: each year's statutory holidays, no swaps, no make-up
 * days, the given office hours. `officialCalendar` adds the Government's decisions; prefer it.
 * @example const cal = createCalendar(statutoryCalendar(2024, 2026))
 */
export function statutoryCalendar(
  fromYear = 2019,
  toYear = 2035,
  officeHours: OfficeInterval[][] = defaultOfficeHours,
): WorkCalendar {
  if (toYear < fromYear) throw new RangeError(`toYear ${toYear} is before fromYear ${fromYear}`)
  const holidays: CalendarDay[] = []
  for (let year = fromYear; year <= toYear; year++) holidays.push(...statutoryHolidays(year))
  return { officeHours: officeHours.map((day) => day.map((iv) => ({ ...iv }))), holidays, makeUpDays: [] }
}
