import { type ResolvedCalendar, createCalendar } from '@motcua/core'
import { type Db, calendarDays, calendars } from '@motcua/db'
import { eq } from 'drizzle-orm'

/** Loads a working calendar (office hours, holidays, make-up days) from the database and resolves it once. */
export async function loadCalendar(db: Db, code = 'default'): Promise<ResolvedCalendar | undefined> {
  const [calendar] = await db.select().from(calendars).where(eq(calendars.code, code))
  if (!calendar) return undefined
  const days = await db.select().from(calendarDays).where(eq(calendarDays.calendarCode, code))
  return createCalendar({
    officeHours: calendar.officeHours,
    workingDayMinutes: calendar.workingDayMinutes,
    holidays: days.filter((d) => d.kind === 'holiday').map(({ date, name }) => ({ date, name })),
    makeUpDays: days.filter((d) => d.kind === 'makeUp').map(({ date, name }) => ({ date, name })),
  })
}
