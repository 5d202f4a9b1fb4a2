import { defaultOfficeHours } from './calendar'
import { ruleHolidays } from './holidays'
import { officialDays } from './official-calendar-data'
import type { CalendarDay, OfficeInterval, SourcedDay, WorkCalendar } from './types'

export type { SourcedDay } from './types'

/** One year of days off and make-up working days for cán bộ, công chức, viên chức. */
export interface CalendarYear {
  year: number
  /** True when no Government decision for the year is known: the days come from the law's rules alone. */
  provisional: boolean
  /** The decision (or decisions) the year follows, joined by '; '; null when provisional. */
  source: string | null
  /** Days off, by date; a decision's swap may fall in the previous December (31/12/2018 for 2019). */
  holidays: SourcedDay[]
  /** Ngày làm bù: weekend days worked instead of a swapped day off. */
  makeUpDays: SourcedDay[]
}

const sourced = ({ date, name, source }: SourcedDay): SourcedDay => ({ date, name, source })

/**
 * The days off and make-up days of a year: the Government's published decisions where known (2019–2026),
 * otherwise the law's rules (provisional): Labour Code holidays, the Tết arrangement every notice followed,
 * Quốc khánh's second day, Ngày Văn hóa Việt Nam from 2026, nghỉ bù for a holiday on a weekend.
 * @example calendarYear(2025).makeUpDays // [{ date: '2025-04-26', name: 'Làm bù cho thứ Sáu 02/05/2025', source: 'Thông báo số 6150/TB-BLĐTBXH …' }]
 */
export function calendarYear(year: number): CalendarYear {
  const days = officialDays.filter((d) => d.year === year)
  if (days.length === 0) return { year, provisional: true, source: null, holidays: ruleHolidays(year), makeUpDays: [] }
  const byDate = (a: SourcedDay, b: SourcedDay) => a.date.localeCompare(b.date)
  const decisions = [...new Set(days.map((d) => d.source))].filter((source) => !source.startsWith('Bộ luật'))
  return {
    year,
    provisional: false,
    source: decisions.join('; '),
    holidays: days
      .filter((d) => d.kind === 'off')
      .map(sourced)
      .sort(byDate),
    makeUpDays: days
      .filter((d) => d.kind === 'work')
      .map(sourced)
      .sort(byDate),
  }
}

/** A work calendar built from `calendarYear`, and which of its years are provisional. */
export interface OfficialCalendar {
  calendar: WorkCalendar
  /** Years with no Government decision known, counted by the law's rules alone. */
  provisionalYears: number[]
}

const unsourced = ({ date, name }: SourcedDay): CalendarDay => ({ date, name })

/**
 * The official calendar of `fromYear`–`toYear` for `createCalendar`: every year's days off and make-up days, with
 * the given office hours, and the list of provisional years.
 * @example const { calendar, provisionalYears } = officialCalendar(2025, 2028) // provisionalYears: [2027, 2028]
 */
export function officialCalendar(
  fromYear: number,
  toYear: number,
  officeHours: OfficeInterval[][] = defaultOfficeHours,
): OfficialCalendar {
  if (toYear < fromYear) throw new RangeError(`toYear ${toYear} is before fromYear ${fromYear}`)
  const holidays: CalendarDay[] = []
  const makeUpDays: CalendarDay[] = []
  const provisionalYears: number[] = []
  for (let year = fromYear; year <= toYear; year++) {
    const entry = calendarYear(year)
    if (entry.provisional) provisionalYears.push(year)
    holidays.push(...entry.holidays.map(unsourced))
    makeUpDays.push(...entry.makeUpDays.map(unsourced))
  }
  return {
    calendar: { officeHours: officeHours.map((day) => day.map((iv) => ({ ...iv }))), holidays, makeUpDays },
    provisionalYears,
  }
}
