// What every kind of calendar edit shares: who edits, its 400 and its 404.
import { DomainError, type Issue } from '@motcua/core'
import type { UnitCalendar } from '../calendar'
import type { CalendarEdit, CalendarState } from './change-calendar'

/** Who edits, and when. */
export interface Editor {
  actor: CalendarEdit['actor']
  now: Date
}

/** A 400 listing every problem of an edit at its path. */
export const invalid = (issues: Issue[]) =>
  new DomainError(
    'INVALID_DATA',
    {
      vi: 'Lịch làm việc chưa được lưu: có ngày hoặc giờ chưa hợp lệ. Vui lòng sửa các chỗ được chỉ ra.',
      en: 'The calendar was not saved: some days or hours are not valid.',
    },
    issues,
  )
/** A 404 naming the calendar (cut short: the code may come from a URL). */
export const noCalendar = (code: string) =>
  new DomainError('NOT_FOUND', {
    vi: `Không có lịch làm việc "${code.slice(0, 40)}".`,
    en: `No calendar "${code.slice(0, 40)}".`,
  })

/** A calendar of the state, or a 404. */
export function calendarIn(state: CalendarState, code: string): UnitCalendar {
  const calendar = state.calendars.get(code)
  if (!calendar) throw noCalendar(code)
  return calendar
}
