import { createHash } from 'node:crypto'
import { type CalendarYear, calendarYear, defaultOfficeHours } from '@motcua/core'
import { calendars, type Db } from '@motcua/db'
import { loadCalendarData } from '../calendar'
import { recordYear } from '../calendars/day-edits'

/** The years the province's calendar is seeded with. */
export const SEEDED_YEARS = { from: 2019, to: 2035 } as const

// A notice may reach across New Year (the 2019 one gave 31/12/2018 off): each day is recorded under its own year,
// and a day before the first seeded year is left out.
const officialYears = (): CalendarYear[] => {
  const years = Array.from({ length: SEEDED_YEARS.to - SEEDED_YEARS.from + 1 }, (_, i) =>
    calendarYear(SEEDED_YEARS.from + i),
  )
  const inYear = (year: number, pick: (y: CalendarYear) => CalendarYear['holidays']) => {
    const days = new Map<string, CalendarYear['holidays'][number]>()
    for (const y of years)
      for (const d of pick(y)) if (d.date.startsWith(`${year}-`) && !days.has(d.date)) days.set(d.date, d)
    return [...days.values()].sort((a, b) => a.date.localeCompare(b.date))
  }
  return years.map((y) => ({
    ...y,
    holidays: inYear(y.year, (o) => o.holidays),
    makeUpDays: inYear(y.year, (o) => o.makeUpDays),
  }))
}

/**
 * The name of the step that brings the province's calendar to core's `calendarYear`: it carries a hash of those
 * years, so a release with a newly published decision brings every install up to date once.
 */
export const officialYearsStep = (): string =>
  `calendar:official-years@${createHash('sha256').update(JSON.stringify(officialYears())).digest('hex').slice(0, 12)}`

/** The province's calendar: office hours 07:00–11:30 and 13:30–17:00 Monday to Friday (its days come after). */
export async function seedDefaultCalendar(db: Db): Promise<void> {
  await db
    .insert(calendars)
    .values({ code: 'default', name: 'Lịch làm việc tỉnh Quảng Ninh', officeHours: defaultOfficeHours })
    .onConflictDoNothing()
}

/**
 * Brings each seeded year of the province's calendar to core's `calendarYear` (the Government's decisions where
 * published, the law's rules otherwise), each day with its source, through the same edit as an administrator's:
 * open dossiers whose deadline moves are recomputed, with an event. A year an administrator edited is left alone.
 */
export async function syncOfficialYears(db: Db, now = new Date()): Promise<void> {
  const stored = await loadCalendarData(db)
  for (const official of officialYears()) {
    const { year } = official
    const record = stored.years.find((y) => y.calendarCode === 'default' && y.year === year)
    if (record?.updatedBy) continue
    const days = stored.days
      .filter((d) => d.calendarCode === 'default' && d.date.startsWith(`${year}-`))
      .map((d) => `${d.date} ${d.kind} ${d.name} ${d.source}`)
      .sort()
    const wanted = [
      ...official.holidays.map((d) => `${d.date} holiday ${d.name} ${d.source}`),
      ...official.makeUpDays.map((d) => `${d.date} makeUp ${d.name} ${d.source}`),
    ].sort()
    const same =
      record?.provisional === official.provisional &&
      record.source === official.source &&
      JSON.stringify(days) === JSON.stringify(wanted)
    if (same) continue
    await recordYear(
      db,
      'default',
      {
        year,
        provisional: official.provisional,
        source: official.source,
        holidays: official.holidays,
        makeUpDays: official.makeUpDays,
      },
      { actor: { userId: null, role: 'system' }, now },
    )
  }
}
