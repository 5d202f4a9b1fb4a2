import { type Database, type Db, units } from '@motcua/db'

export type UnitRow = typeof units.$inferSelect

/** Notified when units change (a reorganisation): every runtime process reloads its directory. */
export const UNITS_CHANNEL = 'motcua_units_changed'

export interface UnitDirectory {
  byCode(code: string): Promise<UnitRow | undefined>
  byId(id: string): Promise<UnitRow | undefined>
  /** The unit, then every unit above it (commune → district → province). */
  lineage(id: string): Promise<string[]>
  /** The unit and every unit below it. */
  subtree(id: string): Promise<string[]>
  invalidate(): void
  close(): Promise<void>
}

/**
 * The administrative units, read once and kept in memory (a province has a few hundred): every submission
 * and every plugin hook needs its unit, and units change only with a reorganisation, which must
 * `pg_notify` UNITS_CHANNEL so that every process reloads.
 */
export async function createUnitDirectory(database: Database): Promise<UnitDirectory> {
  let cached: Promise<{ byCode: Map<string, UnitRow>; byId: Map<string, UnitRow> }> | undefined
  const load = (db: Db) =>
    (cached ??= db
      .select()
      .from(units)
      .then((rows) => ({ byCode: new Map(rows.map((u) => [u.code, u])), byId: new Map(rows.map((u) => [u.id, u])) }))
      .catch((error: unknown) => {
        cached = undefined
        throw error
      }))
  const unlisten = await database.listen(UNITS_CHANNEL, () => {
    cached = undefined
  })
  return {
    byCode: async (code) => (await load(database.db)).byCode.get(code),
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
    invalidate: () => {
      cached = undefined
    },
    close: unlisten,
  }
}
