import { vietnamDate } from '@motcua/core'
import { type Db, units } from '@motcua/db'
import { loadCalendarData, resolveCalendars, type UnitCalendar } from '../calendar'
import { inForceOn } from '../units/in-force'
import type { EditOutcome } from './change-calendar'

/** How many dossiers an edit's answer lists by name (the count is always whole). */
const LISTED = 200

/** A calendar as administrators see it: hours after inheritance, who owns it, who follows it, each year's status. */
export interface CalendarSummary {
  code: string
  name: string
  parentCode: string | null
  ownerUnit: { code: string; name: string } | null
  officeHours: UnitCalendar['officeHours']
  counterHours: UnitCalendar['counterHours']
  /** Whether the calendar sets them itself (else it inherits them). */
  ownHours: { office: boolean; counter: boolean }
  workingDayMinutes: number
  /** The units whose deadlines it counts. */
  unitCodes: string[]
  years: { year: number; provisional: boolean; source: string | null }[]
}

/** Every calendar resolved and summarised, read afresh (not from a process's cache). */
export async function calendarSummaries(db: Db): Promise<Map<string, CalendarSummary>> {
  const data = await loadCalendarData(db)
  const resolved = resolveCalendars(data)
  const unitRows = await db
    .select({ id: units.id, code: units.code, name: units.name, calendarCode: units.calendarCode })
    .from(units)
    .where(inForceOn(vietnamDate(new Date())))
  const byId = new Map(unitRows.map((u) => [u.id, u]))
  return new Map(
    data.calendars.map((row) => {
      const calendar = resolved.get(row.code)!
      const years = [...new Set(data.years.filter((y) => calendar.chain.includes(y.calendarCode)).map((y) => y.year))]
      const owner = row.ownerUnitId ? byId.get(row.ownerUnitId) : undefined
      return [
        row.code,
        {
          code: row.code,
          name: row.name,
          parentCode: row.parentCode,
          ownerUnit: owner ? { code: owner.code, name: owner.name } : null,
          officeHours: calendar.officeHours,
          counterHours: calendar.counterHours,
          ownHours: { office: row.officeHours !== null, counter: row.counterHours !== null },
          workingDayMinutes: row.workingDayMinutes,
          unitCodes: unitRows.filter((u) => u.calendarCode === row.code).map((u) => u.code),
          years: years
            .sort((a, b) => a - b)
            .map((year) => ({ year, provisional: calendar.isProvisional(year), source: calendar.yearSource(year) })),
        },
      ]
    }),
  )
}

/** A year of a calendar: its status and every day off and make-up day, with its source and the calendar that set it. */
export function yearView(calendar: UnitCalendar, year: number) {
  return {
    calendarCode: calendar.code,
    year,
    provisional: calendar.isProvisional(year),
    source: calendar.yearSource(year),
    days: [...calendar.days.values()]
      .filter((d) => d.date.startsWith(`${year}-`))
      .sort((a, b) => a.date.localeCompare(b.date)),
  }
}

/** What an edit did, as its answer says it: the dossiers whose due date moved (the first 200 by name). */
export function changeView(outcome: EditOutcome) {
  return {
    changeId: outcome.changeId,
    movedCount: outcome.moved.length,
    moved: outcome.moved.slice(0, LISTED),
    unexplained: outcome.unexplained.slice(0, LISTED),
  }
}
