import { intervalsOn, type ResolvedCalendar } from './calendar'
import { DAY, dayStart, formatDate, instant, localDay } from './local-time'

/**
 * The last day an apology with a new date (Mẫu 04) may be issued: the working day before the deadline's day
 * ("chậm nhất 01 ngày trước ngày hết hạn", see TIMELINESS.md), as 'YYYY-MM-DD' and as the instant it ends.
 * @example lastApologyDay(cal, new Date('2025-05-08T09:00:00+07:00')) // { date: '2025-05-07', endsAt: 2025-05-08T00:00+07:00 }
 */
export function lastApologyDay(cal: ResolvedCalendar, dueAt: Date): { date: string; endsAt: Date } {
  const dueDay = localDay(instant(dueAt, 'dueAt'))
  for (let day = dueDay - 1; day > dueDay - 3660; day--) {
    if (intervalsOn(cal, day).length) return { date: formatDate(day), endsAt: new Date(dayStart(day) + DAY) }
  }
  throw new Error('No working day within 3660 days before the deadline')
}
