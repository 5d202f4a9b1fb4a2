import { createCalendar, DomainError, type Issue } from '@motcua/core'
import { calendars, type Db, units, type WeekHours } from '@motcua/db'
import { eq } from 'drizzle-orm'
import { changeCalendar, type EditOutcome, type EditServices } from './change-calendar'
import { calendarIn, type Editor, invalid } from './edit-basics'

/** Problems with a week of hours, at `path` (core's checks: HH:MM, start before end, no overlap, open some day). */
export function hoursIssues(hours: unknown, path: string): Issue[] {
  try {
    createCalendar({ officeHours: hours as WeekHours })
    return []
  } catch (error) {
    if (!DomainError.is(error)) throw error
    return error.issues.map((i) => ({ ...i, path: i.path.replace(/^\/officeHours/, path) }))
  }
}

/** The hours of a calendar as an administrator sets them; `null` inherits the parent's (or, for counter hours, the office hours). */
export interface HoursChange {
  name?: string
  officeHours?: WeekHours | null
  counterHours?: WeekHours | null
}

/**
 * Changes a calendar's name, office hours (which deadlines count) or counter hours (when dossiers are received).
 * @example await changeHours(db, 'co-to', { counterHours }, 'Quyết định …', editor)
 */
export function changeHours(
  db: Db,
  calendarCode: string,
  change: HoursChange,
  source: string,
  editor: Editor,
  services?: EditServices,
): Promise<EditOutcome> {
  return changeCalendar(
    db,
    {
      calendarCode,
      kind: 'hours',
      source,
      detail: { ...change },
      ...editor,
      async write(tx, before) {
        const calendar = calendarIn(before, calendarCode)
        const issues = [
          ...(change.officeHours ? hoursIssues(change.officeHours, '/officeHours') : []),
          ...(change.counterHours ? hoursIssues(change.counterHours, '/counterHours') : []),
        ]
        if (change.officeHours === null && calendar.chain.length === 1)
          issues.push({
            code: 'calendar.rootHours',
            path: '/officeHours',
            message: {
              vi: 'Lịch của tỉnh không kế thừa lịch nào nên phải có giờ làm việc.',
              en: 'The province’s calendar inherits nothing: it needs office hours.',
            },
          })
        if (issues.length) throw invalid(issues)
        const values = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined))
        if (Object.keys(values).length) await tx.update(calendars).set(values).where(eq(calendars.code, calendarCode))
      },
    },
    services,
  )
}

/** A unit's own calendar: it inherits its parent's days and hours, and may set its own. */
export interface NewCalendar {
  code: string
  name: string
  ownerUnitId: string
  parentCode: string
  officeHours: WeekHours | null
  counterHours: WeekHours | null
}

/**
 * Creates a unit's calendar inheriting another (the province's by default); no unit follows it until assigned.
 * @example await createUnitCalendar(db, { code: 'co-to', name: 'Lịch Cô Tô', ownerUnitId, parentCode: 'default', officeHours: null, counterHours }, source, editor)
 */
export function createUnitCalendar(
  db: Db,
  calendar: NewCalendar,
  source: string | null,
  editor: Editor,
  services?: EditServices,
): Promise<EditOutcome> {
  return changeCalendar(
    db,
    {
      calendarCode: calendar.code,
      kind: 'create',
      source,
      detail: { ...calendar },
      ...editor,
      async write(tx, before) {
        if (before.calendars.has(calendar.code))
          throw new DomainError('CONFLICT', {
            vi: `Đã có lịch làm việc mã "${calendar.code}". Vui lòng chọn mã khác.`,
            en: `A calendar "${calendar.code}" exists already.`,
          })
        calendarIn(before, calendar.parentCode)
        const issues = [
          ...(calendar.officeHours ? hoursIssues(calendar.officeHours, '/officeHours') : []),
          ...(calendar.counterHours ? hoursIssues(calendar.counterHours, '/counterHours') : []),
        ]
        if (issues.length) throw invalid(issues)
        await tx.insert(calendars).values(calendar)
      },
    },
    services,
  )
}

/**
 * Makes a unit follow a calendar; its open dossiers' due dates are recomputed by the new one.
 * @example await assignCalendar(db, unitId, 'co-to', 'Quyết định …', editor)
 */
export function assignCalendar(
  db: Db,
  unitId: string,
  calendarCode: string,
  source: string | null,
  editor: Editor,
  services?: EditServices,
): Promise<EditOutcome> {
  return changeCalendar(
    db,
    {
      calendarCode,
      kind: 'assign',
      source,
      detail: { unitId },
      ...editor,
      async write(tx, before) {
        calendarIn(before, calendarCode)
        await tx.update(units).set({ calendarCode }).where(eq(units.id, unitId))
      },
    },
    services,
  )
}
