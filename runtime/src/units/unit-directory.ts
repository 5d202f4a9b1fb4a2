import { type ResolvedCalendar, vietnamDate } from '@motcua/core'
import { type Database, type Db, units } from '@motcua/db'
import { desc } from 'drizzle-orm'
import { loadCalendars, type UnitCalendar } from '../calendar'

export type UnitRow = typeof units.$inferSelect

/** Notified when units or their working calendars change: every runtime process reloads its directory. */
export const UNITS_CHANNEL = 'motcua_units_changed'

export interface UnitDirectory {
  /**
   * The unit bearing `code` on `day` (YYYY-MM-DD, Vietnam time; default today): codes are reused from one period to
   * the next. With no unit bearing it that day, the last one that did (an ended unit keeps answering to its code).
   */
  byCode(code: string, day?: string): Promise<UnitRow | undefined>
  byId(id: string): Promise<UnitRow | undefined>
  /** The unit, then every unit above it (commune → district → province). */
  lineage(id: string): Promise<string[]>
  /** The unit and every unit below it. */
  subtree(id: string): Promise<string[]>
  /** The working calendar of a unit (its `calendar_code`, else the default one), resolved once: what deadlines count. */
  calendarOf(id: string): Promise<ResolvedCalendar>
  /** The unit's calendar with its counter hours and the status of its years. */
  unitCalendarOf(id: string): Promise<UnitCalendar>
  invalidate(): void
  close(): Promise<void>
}

/**
 * The administrative units and the working calendars, read once and kept in memory (a province has a few hundred
 * units and one or a few calendars): every submission, plugin hook and desk queue needs them, and they change only
 * with a reorganisation or a new year's schedule, which must `pg_notify` UNITS_CHANNEL so that every process reloads.
 */
export async function createUnitDirectory(database: Database): Promise<UnitDirectory> {
  let cached: Promise<{ byCode: Map<string, UnitRow[]>; byId: Map<string, UnitRow> }> | undefined
  const load = (db: Db) =>
    (cached ??= db
      .select()
      .from(units)
      .orderBy(desc(units.effectiveFrom))
      .then((rows) => {
        const byCode = new Map<string, UnitRow[]>()
        for (const u of rows) byCode.set(u.code, [...(byCode.get(u.code) ?? []), u])
        return { byCode, byId: new Map(rows.map((u) => [u.id, u])) }
      })
      .catch((error: unknown) => {
        cached = undefined
        throw error
      }))
  let calendars: Promise<Map<string, UnitCalendar>> | undefined
  const loadCalendarsOnce = () =>
    (calendars ??= loadCalendars(database.db).catch((error: unknown) => {
      calendars = undefined
      throw error
    }))
  const invalidate = () => {
    cached = undefined
    calendars = undefined
  }
  const unlisten = await database.listen(UNITS_CHANNEL, invalidate)
  const unitCalendarOf = async (id: string) => {
    const code = (await load(database.db)).byId.get(id)?.calendarCode ?? 'default'
    const all = await loadCalendarsOnce()
    const calendar = all.get(code) ?? all.get('default')
    if (!calendar) throw new Error('No working calendar: the seed did not run')
    return calendar
  }
  return {
    async byCode(code, day = vietnamDate(new Date())) {
      const bearers = (await load(database.db)).byCode.get(code) ?? []
      return bearers.find((u) => u.effectiveFrom <= day && (!u.effectiveTo || day < u.effectiveTo)) ?? bearers[0]
    },
    byId: async (id) => (await load(database.db)).byId.get(id),
    async lineage(id) {
      const { byId } = await load(database.db)
      const lineage: string[] = []
      for (let at: string | null | undefined = id; at && !lineage.includes(at); at = byId.get(at)?.parentId)
        lineage.push(at)
      return lineage
    },
    async subtree(id) {
      const { byId } = await load(database.db)
      const below = [id]
      for (let i = 0; i < below.length; i++)
        for (const u of byId.values()) if (u.parentId === below[i] && !below.includes(u.id)) below.push(u.id)
      return below
    },
    calendarOf: async (id) => (await unitCalendarOf(id)).working,
    unitCalendarOf,
    invalidate,
    close: unlisten,
  }
}
