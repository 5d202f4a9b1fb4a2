import { defaultOfficeHours } from './calendar'
import { formatDate, parseDate, weekday } from './local-time'
import { lunarToSolar, type SolarDate, solarToLunar } from './lunar'
import type { CalendarDay, OfficeInterval, WorkCalendar } from './types'

// Ngày nghỉ lễ, Tết: Bộ luật Lao động 2019 art. 112 (from 2021), Bộ luật Lao động 2012 art. 115 before (same
// list, but Quốc khánh was one day). Art. 111 / 2012 art. 115.3: a holiday on the weekly rest day (Saturday,
// Sunday for cán bộ, công chức) gives the next working day off (nghỉ bù). The Prime Minister's yearly notice may
// swap days and set ngày làm bù; that is data an administrator edits on top of this seed.

const isWeekend = (day: number): boolean => weekday(day) === 0 || weekday(day) === 6
const dayOf = (year: number, month: number, day: number): number =>
  parseDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`) as number
const solarDay = ({ year, month, day }: SolarDate): number => dayOf(year, month, day)
const lunarOf = (day: number): number => {
  const [y, m, d] = formatDate(day).split('-').map(Number) as [number, number, number]
  return solarToLunar(d, m, y).day
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

// No swaps or make-up days here: those come from the Prime Minister's yearly notice, entered as data.
/**
 * The statutory days off of a year (ngày nghỉ lễ, Tết) plus nghỉ bù for those falling on a Saturday or Sunday.
 * @example statutoryHolidays(2025).find((h) => h.date === '2025-04-07') // { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương' }
 */
export function statutoryHolidays(year: number): CalendarDay[] {
  if (!Number.isInteger(year) || year < 2013 || year > 2199)
    throw new RangeError(`year must be an integer in 2013..2199 (Bộ luật Lao động 2012 onwards), got ${year}`)
  const days = new Map<number, string>()
  days.set(dayOf(year, 1, 1), 'Tết Dương lịch')
  const tet = solarDay(lunarToSolar(1, 1, year))
  days.set(tet - 1, `Tết Nguyên đán (${lunarOf(tet - 1)} tháng Chạp)`)
  for (let i = 0; i < 4; i++) days.set(tet + i, `Tết Nguyên đán (mùng ${i + 1})`)
  days.set(solarDay(lunarToSolar(10, 3, year)), 'Giỗ Tổ Hùng Vương')
  days.set(dayOf(year, 4, 30), 'Ngày Chiến thắng')
  days.set(dayOf(year, 5, 1), 'Quốc tế Lao động')
  days.set(dayOf(year, 9, 2), 'Quốc khánh')
  if (year >= 2021) days.set(nationalDayPartner(year), 'Quốc khánh (ngày liền kề)')
  const statutory = [...days.keys()].sort((a, b) => a - b)
  for (const day of statutory) {
    if (!isWeekend(day)) continue
    let substitute = day + 1
    while (isWeekend(substitute) || days.has(substitute)) substitute++
    days.set(substitute, `Nghỉ bù ${days.get(day)}`)
  }
  return [...days].sort(([a], [b]) => a - b).map(([day, name]) => ({ date: formatDate(day), name }))
}

/**
 * A seed calendar for `createCalendar`: each year's statutory holidays, no make-up days, the given office hours.
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
