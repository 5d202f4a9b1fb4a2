import { DomainError, type Issue } from '@motcua/core'
import { calendarDays, calendarYears, type Db } from '@motcua/db'
import { and, between, eq } from 'drizzle-orm'
import type { UnitCalendar } from '../calendar'
import { type CalendarState, changeCalendar, type EditOutcome, type EditServices } from './change-calendar'
import { type DayEntry, dayInWords, dayIssues } from './day-checks'
import { calendarIn, type Editor, invalid } from './edit-basics'

/** The days that stay around an edit: the calendar's, its own entries on `replaced` dates falling back to the parent's. */
function daysAround(state: CalendarState, calendar: UnitCalendar, replaced: (date: string) => boolean) {
  const parent = calendar.chain[1] ? state.calendars.get(calendar.chain[1]) : undefined
  const days = new Map<string, 'holiday' | 'makeUp'>()
  for (const [date, day] of calendar.days) {
    const own = day.calendarCode === calendar.code && replaced(date)
    const kept = own ? parent?.days.get(date) : day
    if (kept) days.set(date, kept.kind)
  }
  return { officeHours: calendar.officeHours, counterHours: calendar.counterHours, days }
}

// an administrator's edit of a year no later seed overwrites; the province's calendar gets a (provisional) record
async function markYearEdited(tx: Db, calendar: UnitCalendar, year: number, editor: Editor) {
  const updated = await tx
    .update(calendarYears)
    .set({ updatedBy: editor.actor.userId, updatedAt: editor.now })
    .where(and(eq(calendarYears.calendarCode, calendar.code), eq(calendarYears.year, year)))
    .returning({ year: calendarYears.year })
  if (updated.length === 0 && calendar.chain.length === 1)
    await tx.insert(calendarYears).values({
      calendarCode: calendar.code,
      year,
      provisional: true,
      source: null,
      updatedBy: editor.actor.userId,
      updatedAt: editor.now,
    })
}

/** A year's decision: its days off and make-up days, with where they come from. */
export interface YearDecision {
  year: number
  /** False once the Government's decision is published; true for days set by the law's rules alone. */
  provisional: boolean
  /** The decision's number and date (required unless provisional); each day's own source defaults to it. */
  source: string | null
  holidays: DayEntry[]
  makeUpDays: DayEntry[]
}

/**
 * Records a year of a calendar: its own days of that year replaced by the decision's, the year's status and source.
 * @example await recordYear(db, 'default', { year: 2027, provisional: false, source: 'Thông báo …', holidays, makeUpDays: [] }, editor)
 */
export function recordYear(
  db: Db,
  calendarCode: string,
  decision: YearDecision,
  editor: Editor,
  services?: EditServices,
): Promise<EditOutcome> {
  const { year } = decision
  const first = `${year}-01-01`
  const last = `${year}-12-31`
  return changeCalendar(
    db,
    {
      calendarCode,
      kind: 'year',
      // a provisional year follows no decision: its days' own sources (the law's article) are what it rests on
      source:
        decision.source ??
        ([...new Set([...decision.holidays, ...decision.makeUpDays].map((d) => d.source).filter(Boolean))].join('; ') ||
          null),
      detail: {
        year,
        provisional: decision.provisional,
        holidays: decision.holidays.map((d) => d.date),
        makeUpDays: decision.makeUpDays.map((d) => d.date),
      },
      dates: { from: first, to: last },
      ...editor,
      async write(tx, before) {
        const calendar = calendarIn(before, calendarCode)
        const issues: Issue[] = []
        if (!decision.provisional && !decision.source?.trim())
          issues.push({
            code: 'calendar.sourceRequired',
            path: '/source',
            message: {
              vi: 'Vui lòng ghi số và ngày của văn bản quyết định lịch nghỉ năm này.',
              en: 'Give the number and date of the decision.',
            },
          })
        const entered = (list: DayEntry[], key: string) => list.map((entry, i) => ({ entry, path: `/${key}/${i}` }))
        issues.push(
          ...dayIssues(
            {
              holidays: entered(decision.holidays, 'holidays'),
              makeUpDays: entered(decision.makeUpDays, 'makeUpDays'),
            },
            { ...daysAround(before, calendar, (date) => date.startsWith(`${year}-`)), year },
          ),
        )
        if (issues.length) throw invalid(issues)
        await tx
          .delete(calendarDays)
          .where(and(eq(calendarDays.calendarCode, calendarCode), between(calendarDays.date, first, last)))
        const row = (kind: 'holiday' | 'makeUp') => (d: DayEntry) => ({
          calendarCode,
          date: d.date,
          kind,
          name: d.name,
          source: d.source ?? decision.source,
        })
        const rows = [...decision.holidays.map(row('holiday')), ...decision.makeUpDays.map(row('makeUp'))]
        if (rows.length) await tx.insert(calendarDays).values(rows)
        const status = {
          provisional: decision.provisional,
          source: decision.source,
          updatedBy: editor.actor.userId,
          updatedAt: editor.now,
        }
        await tx
          .insert(calendarYears)
          .values({ calendarCode, year, ...status })
          .onConflictDoUpdate({ target: [calendarYears.calendarCode, calendarYears.year], set: status })
      },
    },
    services,
  )
}

/**
 * Adds or changes one day off or make-up day of a calendar.
 * @example await setDay(db, 'default', { date: '2025-04-26', kind: 'makeUp', name: 'Làm bù cho thứ Sáu 2/5', source }, editor)
 */
export function setDay(
  db: Db,
  calendarCode: string,
  day: DayEntry & { kind: 'holiday' | 'makeUp'; source: string },
  editor: Editor,
  services?: EditServices,
): Promise<EditOutcome> {
  return changeCalendar(
    db,
    {
      calendarCode,
      kind: 'day',
      source: day.source,
      detail: { date: day.date, kind: day.kind, name: day.name },
      dates: { from: day.date, to: day.date },
      ...editor,
      async write(tx, before) {
        const calendar = calendarIn(before, calendarCode)
        const entry = [{ entry: day, path: '/path' }]
        const issues = dayIssues(
          { holidays: day.kind === 'holiday' ? entry : [], makeUpDays: day.kind === 'makeUp' ? entry : [] },
          daysAround(before, calendar, (date) => date === day.date),
        )
        if (issues.length) throw invalid(issues)
        const values = { kind: day.kind, name: day.name, source: day.source }
        await tx
          .insert(calendarDays)
          .values({ calendarCode, date: day.date, ...values })
          .onConflictDoUpdate({ target: [calendarDays.calendarCode, calendarDays.date], set: values })
        await markYearEdited(tx, calendar, Number(day.date.slice(0, 4)), editor)
      },
    },
    services,
  )
}

/**
 * Removes one of a calendar's own days (an inherited one is overridden in the unit's calendar instead).
 * @example await removeDay(db, 'default', '2025-04-26', 'Thông báo … thay thế', editor)
 */
export function removeDay(
  db: Db,
  calendarCode: string,
  date: string,
  source: string,
  editor: Editor,
  services?: EditServices,
): Promise<EditOutcome> {
  return changeCalendar(
    db,
    {
      calendarCode,
      kind: 'removeDay',
      source,
      detail: { date },
      dates: { from: date, to: date },
      ...editor,
      async write(tx, before) {
        const calendar = calendarIn(before, calendarCode)
        const removed = await tx
          .delete(calendarDays)
          .where(and(eq(calendarDays.calendarCode, calendarCode), eq(calendarDays.date, date)))
          .returning({ date: calendarDays.date })
        if (removed.length === 0) {
          const inherited = calendar.days.get(date)
          throw new DomainError('NOT_FOUND', {
            vi: inherited
              ? `${dayInWords(date)} thuộc lịch "${inherited.calendarCode}" mà lịch này kế thừa; hãy sửa lịch đó, hoặc ghi ngày này vào lịch này để thay thế.`
              : `Lịch "${calendarCode}" không có ngày nghỉ hay ngày làm bù nào vào ${dayInWords(date)}.`,
            en: inherited
              ? `${date} is inherited from the calendar "${inherited.calendarCode}": edit that one, or set the day here to override it.`
              : `The calendar "${calendarCode}" has no day off or make-up day on ${date}.`,
          })
        }
        await markYearEdited(tx, calendar, Number(date.slice(0, 4)), editor)
      },
    },
    services,
  )
}
