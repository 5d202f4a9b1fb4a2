import type { Issue } from '@motcua/core'
import type { WeekHours } from '@motcua/db'

/** A day off or make-up day as an administrator enters it. */
export interface DayEntry {
  date: string
  name: string
  source?: string
}

/** The days an edit brings, by kind, each with the JSON pointer of its entry in the request. */
export interface EnteredDays {
  holidays: { entry: DayEntry; path: string }[]
  makeUpDays: { entry: DayEntry; path: string }[]
}

/** The calendar the days go into: its hours and the days that stay (inherited, or its own outside the edit). */
export interface DayContext {
  officeHours: WeekHours
  counterHours: WeekHours
  days: ReadonlyMap<string, 'holiday' | 'makeUp'>
  /** When the edit is a year's decision: every date must fall in it. */
  year?: number
}

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy']
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const DAY_MS = 86_400_000

const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()
const shift = (date: string, days: number) =>
  new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10)
/** '2025-05-02' → 'thứ Sáu 02/05/2025'. */
export const dayInWords = (date: string) =>
  `${WEEKDAYS[weekdayOf(date)]} ${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`

const issue = (code: string, path: string, vi: string, en: string): Issue => ({ code, path, message: { vi, en } })

/**
 * What is wrong with days an administrator enters, judged against the calendar they go into: a date given twice,
 * a date outside the year being recorded, a make-up day (ngày làm bù) on a day that is a working day anyway, and a
 * day off on a day the calendar is closed anyway (a Sunday) that is not part of a break with a working day off in
 * it. The last one means nothing; a weekend day that belongs to a break (Tết from Saturday to Wednesday) records
 * the break as the notice words it and is kept.
 * @example dayIssues({ holidays: [], makeUpDays: [{ entry: { date: '2025-04-28', name: 'x' }, path: '/makeUpDays/0' }] }, context)
 */
export function dayIssues(entered: EnteredDays, context: DayContext): Issue[] {
  const issues: Issue[] = []
  const hoursOn = (date: string) =>
    (context.officeHours[weekdayOf(date)]?.length ?? 0) + (context.counterHours[weekdayOf(date)]?.length ?? 0) > 0
  const seen = new Map<string, string>()
  for (const { entry, path } of [...entered.holidays, ...entered.makeUpDays]) {
    const first = seen.get(entry.date)
    if (first !== undefined)
      issues.push(
        issue(
          'calendar.dateTwice',
          `${path}/date`,
          `Ngày ${dayInWords(entry.date)} đã có ở ${first}. Mỗi ngày chỉ ghi một lần, là ngày nghỉ hoặc ngày làm bù.`,
          `${entry.date} is already given at ${first}: enter each date once, as a day off or a make-up day.`,
        ),
      )
    else seen.set(entry.date, path)
    if (context.year !== undefined && Number(entry.date.slice(0, 4)) !== context.year)
      issues.push(
        issue(
          'calendar.outsideYear',
          `${path}/date`,
          `Ngày ${dayInWords(entry.date)} không thuộc năm ${context.year}. Hãy ghi ngày này vào năm của nó.`,
          `${entry.date} is not in ${context.year}.`,
        ),
      )
  }
  const off = new Set([...context.days].filter(([, kind]) => kind === 'holiday').map(([date]) => date))
  for (const { entry } of entered.holidays) off.add(entry.date)
  const makeUp = new Set([...context.days].filter(([, kind]) => kind === 'makeUp').map(([date]) => date))
  for (const { entry } of entered.makeUpDays) makeUp.add(entry.date)
  for (const { entry, path } of entered.makeUpDays) {
    if (context.officeHours[weekdayOf(entry.date)]?.length && !off.has(entry.date))
      issues.push(
        issue(
          'calendar.makeUpOnWorkingDay',
          `${path}/date`,
          `${dayInWords(entry.date)} vốn là ngày làm việc. Ngày làm bù chỉ đặt vào ngày nghỉ (thường là thứ Bảy); hãy kiểm tra lại ngày trong thông báo.`,
          `${WEEKDAYS_EN[weekdayOf(entry.date)]} ${entry.date} is a working day already: a make-up day must be a day the office is closed.`,
        ),
      )
  }
  // a run of days without work (closed weekdays and days off) around the date: it matters if some day of the run
  // would have been a working day
  const restful = (date: string) => !makeUp.has(date) && (off.has(date) || !hoursOn(date))
  const inBreak = (date: string) => {
    for (const step of [-1, 1])
      for (let d = shift(date, step), n = 0; n < 14 && restful(d); d = shift(d, step), n++)
        if (off.has(d) && hoursOn(d)) return true
    return false
  }
  for (const { entry, path } of entered.holidays) {
    if (hoursOn(entry.date) || makeUp.has(entry.date) || inBreak(entry.date)) continue
    issues.push(
      issue(
        'calendar.dayOffWhenClosed',
        `${path}/date`,
        `${dayInWords(entry.date)} lịch này vốn không làm việc, nên ngày nghỉ này không có tác dụng. Nếu ngày lễ rơi vào ngày nghỉ hằng tuần, hãy ghi ngày nghỉ bù (ngày làm việc được nghỉ).`,
        `${WEEKDAYS_EN[weekdayOf(entry.date)]} ${entry.date} is not a working day of this calendar, so a day off on it means nothing: enter the substitute working day instead.`,
      ),
    )
  }
  return issues
}
