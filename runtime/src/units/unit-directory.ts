import { type ResolvedCalendar, vietnamDate } from '@motcua/core'
import { type Database, type Db, unitLinks, units } from '@motcua/db'
import { desc, eq } from 'drizzle-orm'
import { loadCalendars, type UnitCalendar } from '../calendar'

export type UnitRow = typeof units.$inferSelect

/** Notified when units or their working calendars change: every runtime process reloads its directory. */
export const UNITS_CHANNEL = 'motcua_units_changed'

export interface UnitDirectory {
  /**
   * The unit bearing `code` on `day` (YYYY-MM-DD, Vietnam time; default today): codes are reused from one period to
   * the next. When the unit that bore it has ended, the unit that took over its work (a definition naming a merged
   * department reaches the one it went into); failing that, the last unit that bore it.
   */
  byCode(code: string, day?: string): Promise<UnitRow | undefined>
  byId(id: string): Promise<UnitRow | undefined>
  /** Every unit of every period, the newest period first. */
  all(): Promise<readonly UnitRow[]>
  /** The unit, then every unit above it (commune → district → province). */
  lineage(id: string): Promise<string[]>
  /** The units that took over the unit's work, one after another (a ward merged in 2025, then its successor …). */
  successors(id: string): Promise<string[]>
  /** The unit, every unit below it, and the units whose work it took over in a reorganisation (not their units below). */
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
  interface Loaded {
    byCode: Map<string, UnitRow[]>
    byId: Map<string, UnitRow>
    /** predecessor → the successor that took over its work */
    takenOverBy: Map<string, string>
    /** successor → the units whose work it took over */
    tookOver: Map<string, string[]>
  }
  let cached: Promise<Loaded> | undefined
  const load = (db: Db) =>
    (cached ??= Promise.all([
      db.select().from(units).orderBy(desc(units.effectiveFrom)),
      db
        .select({ from: unitLinks.predecessorId, to: unitLinks.successorId })
        .from(unitLinks)
        .where(eq(unitLinks.primary, true)),
    ])
      .then(([rows, links]) => {
        const byCode = new Map<string, UnitRow[]>()
        for (const u of rows) byCode.set(u.code, [...(byCode.get(u.code) ?? []), u])
        const tookOver = new Map<string, string[]>()
        for (const { from, to } of links) tookOver.set(to, [...(tookOver.get(to) ?? []), from])
        return {
          byCode,
          byId: new Map(rows.map((u) => [u.id, u])),
          takenOverBy: new Map(links.map((l) => [l.from, l.to])),
          tookOver,
        }
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
      const { byCode, byId, takenOverBy } = await load(database.db)
      const bearers = byCode.get(code) ?? []
      const inForce = (u: UnitRow) => u.effectiveFrom <= day && (!u.effectiveTo || day < u.effectiveTo)
      const bearer = bearers.find(inForce)
      if (bearer) return bearer
      const ended = bearers.find((u) => u.effectiveTo && u.effectiveTo <= day)
      let successor = ended && byId.get(takenOverBy.get(ended.id) ?? '')
      for (let hops = 0; successor && !inForce(successor) && hops < 20; hops++)
        successor = byId.get(takenOverBy.get(successor.id) ?? '')
      return (successor && inForce(successor) ? successor : undefined) ?? bearers[0]
    },
    byId: async (id) => (await load(database.db)).byId.get(id),
    all: async () => [...(await load(database.db)).byId.values()],
    async lineage(id) {
      const { byId } = await load(database.db)
      const lineage: string[] = []
      for (let at: string | null | undefined = id; at && !lineage.includes(at); at = byId.get(at)?.parentId)
        lineage.push(at)
      return lineage
    },
    async successors(id) {
      const { takenOverBy } = await load(database.db)
      const chain: string[] = []
      for (let at = takenOverBy.get(id); at && !chain.includes(at); at = takenOverBy.get(at)) chain.push(at)
      return chain
    },
    async subtree(id) {
      const { byId, tookOver } = await load(database.db)
      // a predecessor's own units below are not taken over with it (a district's communes went elsewhere)
      const below = [id]
      const viaLink = new Set<string>()
      for (let i = 0; i < below.length; i++) {
        const at = below[i]!
        if (!viaLink.has(at))
          for (const u of byId.values()) if (u.parentId === at && !below.includes(u.id)) below.push(u.id)
        for (const predecessor of tookOver.get(at) ?? [])
          if (!below.includes(predecessor)) {
            below.push(predecessor)
            viaLink.add(predecessor)
          }
      }
      return below
    },
    calendarOf: async (id) => (await unitCalendarOf(id)).working,
    unitCalendarOf,
    invalidate,
    close: unlisten,
  }
}
