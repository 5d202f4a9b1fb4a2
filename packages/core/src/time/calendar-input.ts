// Validation of the pieces of a WorkCalendar as an administrator writes it (possibly hand-edited JSON), so
// every check is defensive about shapes and every problem is reported with its JSON pointer.
import type { Issue } from '../errors'
import type { Interval } from './calendar'
import { formatDate, parseClock, parseDate } from './local-time'
import type { CalendarDay, OfficeInterval } from './types'

export const issue = (code: string, path: string, en: string, vi: string): Issue => ({
  code,
  path,
  message: { en, vi },
})

export function resolveDay(value: unknown, path: string, issues: Issue[]): Interval[] {
  if (!Array.isArray(value)) {
    issues.push(issue('calendar.shape', path, 'must be a list of {start, end}', 'phải là danh sách {start, end}'))
    return []
  }
  const out: Interval[] = []
  value.forEach((raw: Partial<OfficeInterval> | null, i) => {
    const start = parseClock(raw?.start)
    const end = parseClock(raw?.end)
    for (const [key, v] of [
      ['start', start],
      ['end', end],
    ] as const) {
      if (v === undefined) {
        const got = JSON.stringify(raw?.[key])
        issues.push(
          issue(
            'calendar.clock',
            `${path}/${i}/${key}`,
            `${got} is not a time HH:MM (00:00–23:59)`,
            `${got} không phải giờ dạng HH:MM`,
          ),
        )
      }
    }
    if (start === undefined || end === undefined) return
    if (start >= end) {
      issues.push(
        issue(
          'calendar.interval',
          `${path}/${i}`,
          `start ${raw?.start} must be before end ${raw?.end}`,
          `giờ bắt đầu ${raw?.start} phải trước giờ kết thúc ${raw?.end}`,
        ),
      )
      return
    }
    out.push({ start, end })
  })
  out.sort((a, b) => a.start - b.start)
  const merged: Interval[] = []
  for (const iv of out) {
    const last = merged.at(-1)
    if (last && iv.start < last.end) {
      issues.push(issue('calendar.overlap', path, 'office intervals overlap', 'các khoảng giờ làm việc chồng lên nhau'))
    } else if (last && iv.start === last.end) merged[merged.length - 1] = { start: last.start, end: iv.end }
    else merged.push(iv)
  }
  return merged
}

export function resolveDays(value: unknown, path: string, issues: Issue[]): Map<number, CalendarDay> {
  const out = new Map<number, CalendarDay>()
  if (!Array.isArray(value)) {
    issues.push(issue('calendar.shape', path, 'must be a list of {date, name}', 'phải là danh sách {date, name}'))
    return out
  }
  value.forEach((raw: Partial<CalendarDay> | null, i) => {
    const day = parseDate(raw?.date)
    if (day === undefined) {
      const got = JSON.stringify(raw?.date)
      issues.push(
        issue(
          'calendar.date',
          `${path}/${i}/date`,
          `${got} is not a date YYYY-MM-DD`,
          `${got} không phải ngày dạng YYYY-MM-DD`,
        ),
      )
    } else if (typeof raw?.name !== 'string') {
      issues.push(issue('calendar.shape', `${path}/${i}/name`, 'name must be a string', 'tên phải là chuỗi'))
    } else if (!out.has(day)) out.set(day, { date: formatDate(day), name: raw.name })
  })
  return out
}
