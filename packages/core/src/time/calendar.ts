import { DomainError, type Issue } from '../errors'
import { issue, resolveDay, resolveDays } from './calendar-input'
import { formatClock, weekday } from './local-time'
import type { CalendarDay, OfficeInterval, WorkCalendar } from './types'

/** An opening in minutes since local midnight, `start` < `end`. */
export interface Interval {
  readonly start: number
  readonly end: number
}

/** A calendar validated and normalised once; every time function takes this shape. */
export interface ResolvedCalendar {
  /** Index 0 = Sunday … 6 = Saturday, sorted, touching intervals merged. */
  readonly officeHours: readonly (readonly Interval[])[]
  readonly makeUpHours: readonly Interval[]
  /** Local day number → name. */
  readonly holidays: ReadonlyMap<number, string>
  readonly makeUpDays: ReadonlyMap<number, string>
  readonly workingDayMinutes: number
  /** The input with defaults applied, lists sorted by date and deduplicated. */
  readonly source: WorkCalendar
}

/** Mon–Fri 07:00–11:30 and 13:30–17:00; Saturday and Sunday closed. */
export const defaultOfficeHours: OfficeInterval[][] = [0, 1, 2, 3, 4, 5, 6].map((d) =>
  d === 0 || d === 6
    ? []
    : [
        { start: '07:00', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
)

const toText = (list: readonly Interval[]): OfficeInterval[] =>
  list.map(({ start, end }) => ({ start: formatClock(start), end: formatClock(end) }))

// Collects every problem before throwing, each placed by JSON pointer, so an editor can show them by the field.
/**
 * Validate and normalise a calendar once; throws DomainError `INVALID_DATA` listing every problem.
 * @example const cal = createCalendar(statutoryCalendar(2024, 2026))
 */
export function createCalendar(input: Partial<WorkCalendar>): ResolvedCalendar {
  const issues: Issue[] = []
  const hoursInput: unknown = input.officeHours ?? defaultOfficeHours
  let officeHours: Interval[][] = []
  if (!Array.isArray(hoursInput) || hoursInput.length !== 7) {
    issues.push(
      issue(
        'calendar.shape',
        '/officeHours',
        'must list 7 weekdays, Sunday first',
        'phải có đủ 7 ngày trong tuần, bắt đầu từ Chủ nhật',
      ),
    )
  } else {
    officeHours = hoursInput.map((day, i) => resolveDay(day, `/officeHours/${i}`, issues))
    if (issues.length === 0 && officeHours.every((d) => d.length === 0)) {
      issues.push(
        issue(
          'calendar.closed',
          '/officeHours',
          'at least one weekday must have office hours',
          'phải có ít nhất một ngày làm việc trong tuần',
        ),
      )
    }
  }
  const makeUpHours =
    input.makeUpHours === undefined ? (officeHours[1] ?? []) : resolveDay(input.makeUpHours, '/makeUpHours', issues)
  const holidays = resolveDays(input.holidays ?? [], '/holidays', issues)
  const makeUpDays = resolveDays(input.makeUpDays ?? [], '/makeUpDays', issues)
  for (const [day, { date }] of makeUpDays) {
    if (holidays.has(day))
      issues.push(
        issue(
          'calendar.conflict',
          '/makeUpDays',
          `${date} is both a holiday and a make-up day`,
          `${date} vừa là ngày nghỉ vừa là ngày làm bù`,
        ),
      )
  }
  if (makeUpDays.size > 0 && makeUpHours.length === 0) {
    issues.push(
      issue(
        'calendar.makeUpHours',
        '/makeUpHours',
        'make-up days need office hours (Monday is closed)',
        'ngày làm bù cần giờ làm việc (thứ Hai đang nghỉ)',
      ),
    )
  }
  const workingDayMinutes = input.workingDayMinutes ?? 480
  if (typeof workingDayMinutes !== 'number' || !Number.isFinite(workingDayMinutes) || workingDayMinutes <= 0) {
    issues.push(
      issue(
        'calendar.workingDayMinutes',
        '/workingDayMinutes',
        'must be a positive number of minutes',
        'phải là số phút dương',
      ),
    )
  }
  if (issues.length > 0) {
    const en = issues.map((i) => `${i.path || '/'}: ${i.message.en}`).join('; ')
    const vi = issues.map((i) => `${i.path || '/'}: ${i.message.vi}`).join('; ')
    throw new DomainError(
      'INVALID_DATA',
      { en: `Invalid work calendar: ${en}`, vi: `Lịch làm việc không hợp lệ: ${vi}` },
      issues,
    )
  }
  const sorted = (m: Map<number, CalendarDay>) => [...m].sort(([a], [b]) => a - b)
  return {
    officeHours,
    makeUpHours,
    holidays: new Map(sorted(holidays).map(([d, v]) => [d, v.name])),
    makeUpDays: new Map(sorted(makeUpDays).map(([d, v]) => [d, v.name])),
    workingDayMinutes,
    source: {
      officeHours: officeHours.map(toText),
      holidays: sorted(holidays).map(([, v]) => v),
      makeUpDays: sorted(makeUpDays).map(([, v]) => v),
      makeUpHours: toText(makeUpHours),
      workingDayMinutes,
    },
  }
}

/** The openings of one local day: none on a holiday, `makeUpHours` on a make-up day, else the weekday's. */
export function intervalsOn(cal: ResolvedCalendar, day: number): readonly Interval[] {
  if (cal.holidays.has(day)) return []
  if (cal.makeUpDays.has(day)) return cal.makeUpHours
  return cal.officeHours[weekday(day)] ?? []
}
