import { type Db, unitSettings, units } from '@motcua/db'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { UnitDirectory } from '../units/unit-directory'

/** A unit's four-eyes setting as it applies: its own, else the nearest unit's above it that sets one, else off. */
export interface FourEyesSetting {
  fourEyes: boolean
  /** The unit whose setting applies when it is not the unit's own; null for its own setting or the default. */
  inheritedFrom: string | null
  /** The unit's own value; null = inherited. */
  own: boolean | null
}

/** The province's unit: province-wide procedures (no owner) follow its settings. */
export async function provinceUnitId(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.level, 'province'), isNull(units.parentId)))
    .limit(1)
  return row?.id ?? null
}

/** Whether a unit's procedures are published under four eyes, and where that comes from. */
export async function fourEyesOf(db: Db, directory: UnitDirectory, unitId: string): Promise<FourEyesSetting> {
  const lineage = await directory.lineage(unitId)
  const rows = await db
    .select({ unitId: unitSettings.unitId, fourEyes: unitSettings.fourEyes })
    .from(unitSettings)
    .where(inArray(unitSettings.unitId, lineage))
  const byUnit = new Map(rows.map((r) => [r.unitId, r.fourEyes]))
  const own = byUnit.get(unitId) ?? null
  if (own !== null) return { fourEyes: own, inheritedFrom: null, own }
  for (const id of lineage.slice(1)) {
    const value = byUnit.get(id)
    if (value !== null && value !== undefined)
      return { fourEyes: value, inheritedFrom: (await directory.byId(id))?.code ?? null, own: null }
  }
  return { fourEyes: false, inheritedFrom: null, own: null }
}

/** Whether publishing a procedure owned by `ownerUnitId` (null = province-wide) needs another administrator's approval. */
export async function needsFourEyes(db: Db, directory: UnitDirectory, ownerUnitId: string | null): Promise<boolean> {
  const unitId = ownerUnitId ?? (await provinceUnitId(db))
  return unitId ? (await fourEyesOf(db, directory, unitId)).fourEyes : false
}
