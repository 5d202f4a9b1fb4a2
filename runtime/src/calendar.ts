import { createCalendar, type ResolvedCalendar } from '@motcua/core'
import { calendarDays, calendars, type Db } from '@motcua/db'
import { eq } from 'drizzle-orm'

type CalendarRow = typeof calendars.$inferSelect
type CalendarDayRow = typeof calendarDays.$inferSelect

const resolve = (calendar: CalendarRow, days: CalendarDayRow[]): ResolvedCalendar =>
  createCalendar({
    officeHours: calendar.officeHours,
    workingDayMinutes: calendar.workingDayMinutes,
    holidays: days.filter((d) => d.kind === 'holiday').map(({ date, name }) => ({ date, name })),
    makeUpDays: days.filter((d) => d.kind === 'makeUp').map(({ date, name }) => ({ date, name })),
  })

/** Loads a working calendar (office hours, holidays, make-up days) from the database and resolves it once. */
export async function loadCalendar(db: Db, code = 'default'): Promise<ResolvedCalendar | undefined> {
  const [calendar] = await db.select().from(calendars).where(eq(calendars.code, code))
  if (!calendar) return undefined
  return resolve(calendar, await db.select().from(calendarDays).where(eq(calendarDays.calendarCode, code)))
}

/** Every working calendar by code, resolved (two queries, for a cache: a province has one or a few). */
export async function loadCalendars(db: Db): Promise<Map<string, ResolvedCalendar>> {
  const [all, days] = [await db.select().from(calendars), await db.select().from(calendarDays)]
  return new Map(
    all.map((calendar) => [
      calendar.code,
      resolve(
        calendar,
        days.filter((d) => d.calendarCode === calendar.code),
      ),
    ]),
  )
}
