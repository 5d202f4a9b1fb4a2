export { lastApologyDay } from './apology-deadline'
export { createCalendar, defaultOfficeHours, type Interval, type ResolvedCalendar } from './calendar'
export { type CalendarEntry, calendarEntriesBetween } from './calendar-entries'
export { classify } from './classify'
export { computeDue, dueAfterResume, remainingWorkingMinutes, stepDueDates } from './due'
export { formatDuration, parseDuration } from './duration'
export { statutoryCalendar, statutoryHolidays } from './holidays'
export { isCalendarDay, vietnamDate, vietnameseDay } from './local-time'
export { type LunarDate, lunarToSolar, type SolarDate, solarToLunar } from './lunar'
export {
  type CalendarYear,
  calendarYear,
  type OfficialCalendar,
  officialCalendar,
  type SourcedDay,
} from './official-calendar'
export type { CalendarDay, Duration, OfficeInterval, Timeliness, WorkCalendar } from './types'
export { addWorkingMinutes, isWorkingTime, nextOpening, workingMinutesBetween } from './working-time'
