import { createCalendar, type ResolvedCalendar } from '@motcua/core'
import { calendarDays, calendars, calendarYears, type Db, type WeekHours } from '@motcua/db'

type CalendarRow = typeof calendars.$inferSelect
type CalendarDayRow = typeof calendarDays.$inferSelect
type CalendarYearRow = typeof calendarYears.$inferSelect

/** A day off or make-up day as a calendar has it after inheritance, with the calendar that set it. */
export interface MergedDay {
  date: string
  kind: 'holiday' | 'makeUp'
  name: string
  source: string | null
  calendarCode: string
}

/** A working calendar resolved with everything it inherits: what a unit's deadlines and counter follow. */
export interface UnitCalendar {
  code: string
  /** This calendar, then its parent, up to the province's. */
  chain: readonly string[]
  /** Office hours, days off and make-up days: the time deadlines count. */
  working: ResolvedCalendar
  /** The counter's opening hours on the same days: when a dossier may be received at the counter. */
  counter: ResolvedCalendar
  officeHours: WeekHours
  counterHours: WeekHours
  /** Every day off and make-up day by date, the nearest calendar's entry winning. */
  days: ReadonlyMap<string, MergedDay>
  /**
   * Whether a year's days follow no published decision: the province's calendar has no decision recorded for it,
   * or a calendar of the chain says the year is provisional.
   */
  isProvisional(year: number): boolean
  /** The decision a year follows (the nearest calendar's that records one), or null. */
  yearSource(year: number): string | null
}

/** Everything the calendars are made of, as stored. */
export interface CalendarData {
  calendars: CalendarRow[]
  days: CalendarDayRow[]
  years: CalendarYearRow[]
}

/** Reads every calendar, day and year record (a province has one or a few calendars, a few hundred days). */
export async function loadCalendarData(db: Db): Promise<CalendarData> {
  return {
    calendars: await db.select().from(calendars),
    days: await db.select().from(calendarDays),
    years: await db.select().from(calendarYears),
  }
}

function chainOf(code: string, byCode: Map<string, CalendarRow>): CalendarRow[] {
  const chain: CalendarRow[] = []
  for (let at = byCode.get(code); at && !chain.includes(at); at = at.parentCode ? byCode.get(at.parentCode) : undefined)
    chain.push(at)
  return chain
}

function resolveOne(chain: CalendarRow[], data: CalendarData): UnitCalendar {
  const codes = chain.map((c) => c.code)
  const officeHours = chain.find((c) => c.officeHours)?.officeHours ?? []
  const counterHours = chain.find((c) => c.counterHours)?.counterHours ?? officeHours
  const days = new Map<string, MergedDay>()
  // from the province's down: a unit's own entry replaces the inherited one of the same date
  for (const code of [...codes].reverse())
    for (const d of data.days)
      if (d.calendarCode === code)
        days.set(d.date, { date: d.date, kind: d.kind, name: d.name, source: d.source, calendarCode: code })
  const listed = [...days.values()].sort((a, b) => a.date.localeCompare(b.date))
  const holidays = listed.filter((d) => d.kind === 'holiday').map(({ date, name }) => ({ date, name }))
  const makeUpDays = listed.filter((d) => d.kind === 'makeUp').map(({ date, name }) => ({ date, name }))
  const workingDayMinutes = chain[0]!.workingDayMinutes
  const years = new Map<string, Map<number, CalendarYearRow>>()
  for (const y of data.years) {
    if (!years.has(y.calendarCode)) years.set(y.calendarCode, new Map())
    years.get(y.calendarCode)!.set(y.year, y)
  }
  const root = codes.at(-1)!
  return {
    code: codes[0]!,
    chain: codes,
    working: createCalendar({ officeHours, holidays, makeUpDays, workingDayMinutes }),
    counter: createCalendar({
      officeHours: counterHours,
      holidays,
      makeUpDays,
      makeUpHours: officeHours[1] ?? [],
      workingDayMinutes,
    }),
    officeHours,
    counterHours,
    days,
    isProvisional: (year) =>
      (years.get(root)?.get(year)?.provisional ?? true) ||
      codes.some((code) => years.get(code)?.get(year)?.provisional === true),
    yearSource: (year) => codes.map((code) => years.get(code)?.get(year)?.source).find((s) => s) ?? null,
  }
}

/** Every calendar by code, resolved with what it inherits; an invalid one throws core's INVALID_DATA. */
export function resolveCalendars(data: CalendarData): Map<string, UnitCalendar> {
  const byCode = new Map(data.calendars.map((c) => [c.code, c]))
  return new Map(data.calendars.map((c) => [c.code, resolveOne(chainOf(c.code, byCode), data)]))
}

/** Every working calendar by code, resolved (three queries, for a cache). */
export async function loadCalendars(db: Db): Promise<Map<string, UnitCalendar>> {
  return resolveCalendars(await loadCalendarData(db))
}

/** Loads one working calendar (office hours, days off, make-up days, with what it inherits) and resolves it. */
export async function loadCalendar(db: Db, code = 'default'): Promise<ResolvedCalendar | undefined> {
  return (await loadCalendars(db)).get(code)?.working
}
