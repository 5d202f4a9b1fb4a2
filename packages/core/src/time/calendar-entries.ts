import type { ResolvedCalendar } from './calendar'
import { formatDate, instant, localDay, weekday } from './local-time'

/** A dated calendar entry that changed working time: a day off on an office day, or a make-up working day. */
export interface CalendarEntry {
  /** 'YYYY-MM-DD', a local date. */
  date: string
  kind: 'holiday' | 'makeUp'
  name: string
}

/**
 * The holidays and make-up days between two instants (their local dates included) that changed the working time:
 * a holiday on a weekday the office opens, every make-up day. What explains a due date.
 * @example calendarEntriesBetween(cal, received, due) // [{ date: '2025-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' }, …]
 */
export function calendarEntriesBetween(cal: ResolvedCalendar, from: Date, to: Date): CalendarEntry[] {
  const [a, b] = [localDay(instant(from, 'from')), localDay(instant(to, 'to'))].sort((x, y) => x - y) as [
    number,
    number,
  ]
  const entries: CalendarEntry[] = []
  for (const [day, name] of cal.holidays) {
    const weekdayOpen = (cal.officeHours[weekday(day)]?.length ?? 0) > 0
    if (day >= a && day <= b && weekdayOpen) entries.push({ date: formatDate(day), kind: 'holiday', name })
  }
  for (const [day, name] of cal.makeUpDays) {
    if (day >= a && day <= b) entries.push({ date: formatDate(day), kind: 'makeUp', name })
  }
  return entries.sort((x, y) => x.date.localeCompare(y.date))
}
