/**
 * A time budget as a procedure definition writes it (text form: see `parseDuration`).
 * - `workingDays`: N × the calendar's working day (480 working minutes by default).
 * - `workingHours`: N working hours.
 * - `sameDay`: trả kết quả trong ngày; received before `cutoff` → that working day's closing time,
 *   at/after it → the next working day's closing time.
 * - `calendarDays`: closing time of (receipt date + N days), pushed to the next working day if closed.
 * - `none`: no due date.
 */
export type Duration =
  | { kind: 'workingDays'; days: number }
  | { kind: 'workingHours'; hours: number }
  | { kind: 'sameDay'; cutoff: string }
  | { kind: 'calendarDays'; days: number }
  | { kind: 'none' }

/** One opening of the office, local Vietnam time 'HH:MM' (UTC+07:00), `start` < `end`. */
export interface OfficeInterval {
  start: string
  end: string
}

/** A dated entry of the calendar: a holiday (ngày nghỉ lễ) or a make-up working day (ngày làm bù). */
export interface CalendarDay {
  /** 'YYYY-MM-DD', a local date. */
  date: string
  name: string
}

/** A calendar entry with where it comes from: the notice's number, date and issuer, or the law's article. */
export interface SourcedDay extends CalendarDay {
  /** e.g. 'Thông báo số 5015/TB-LĐTBXH ngày 22/11/2023 (Bộ Lao động – Thương binh và Xã hội)'; '(verify)' marks what is unconfirmed. */
  source: string
}

/** A working calendar as an administrator writes it; `createCalendar` resolves it once. */
export interface WorkCalendar {
  /** Index 0 = Sunday … 6 = Saturday; `[]` = closed that weekday. */
  officeHours: OfficeInterval[][]
  /** Days off: ngày nghỉ lễ, Tết and nghỉ bù (substitute days). */
  holidays: CalendarDay[]
  /** Ngày làm bù: working days even on a weekend; they open with `makeUpHours`. */
  makeUpDays: CalendarDay[]
  /** Default: Monday's hours. */
  makeUpHours?: OfficeInterval[]
  /** Working minutes in one working day. Default 480 (8 h). */
  workingDayMinutes?: number
}

/** Sớm / đúng / trễ hạn and trong / quá hạn: see TIMELINESS.md and `classify`, the one definition. */
export type Timeliness = 'early' | 'onTime' | 'late' | 'inTime' | 'overdue' | 'noDeadline'
