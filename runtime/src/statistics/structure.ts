import { type StatStructure, type StatUnit, vietnamDate } from '@motcua/core'
import type { UnitDirectory, UnitRow } from '../units/unit-directory'

/** Whether a unit is in force on a day (YYYY-MM-DD). */
export const inForce = (u: UnitRow, day: string): boolean =>
  u.effectiveFrom <= day && (!u.effectiveTo || day < u.effectiveTo)

/** The units as statistics see them: every period's, and which unit each one's dossiers count under. */
export interface StatUnits {
  all: readonly UnitRow[]
  byId: ReadonlyMap<string, UnitRow>
  /** The unit a filed unit's dossiers count under: itself (`then`), or the unit in force today that took its work over (`now`). */
  reportingOf(unitId: string): string
  /** The filed units whose dossiers count under a unit. */
  filedUnitsOf(unitId: string): string[]
  view(u: UnitRow): StatUnit
}

/**
 * Maps filed units to reporting units for a structure: with `now`, a unit that has ended counts under the unit in
 * force today at the end of its chain of primary successors (a ward merged in 2025 under the new ward); a unit
 * abolished without a successor keeps its own figures.
 */
export async function statUnits(directory: UnitDirectory, structure: StatStructure, now: Date): Promise<StatUnits> {
  const all = await directory.all()
  const byId = new Map(all.map((u) => [u.id, u]))
  const today = vietnamDate(now)
  const reporting = new Map<string, string>()
  const filed = new Map<string, string[]>()
  for (const u of all) {
    let to = u.id
    if (structure === 'now' && !inForce(u, today)) {
      const chain = await directory.successors(u.id)
      to =
        chain.find((id) => {
          const s = byId.get(id)
          return s !== undefined && inForce(s, today)
        }) ?? u.id
    }
    reporting.set(u.id, to)
    filed.set(to, [...(filed.get(to) ?? []), u.id])
  }
  return {
    all,
    byId,
    reportingOf: (id) => reporting.get(id) ?? id,
    filedUnitsOf: (id) => filed.get(id) ?? [id],
    view: (u) => ({
      code: u.code,
      name: u.name,
      level: u.level,
      parentCode: (u.parentId && byId.get(u.parentId)?.code) || null,
      from: u.effectiveFrom,
      to: u.effectiveTo,
    }),
  }
}
