import type { UnitDirectory, UnitRow } from '../units/unit-directory'
import type { PublishedVersion } from './registry'

/**
 * Whether a unit takes dossiers of this version: one of its `units` (an empty list: none, the procedure is
 * withdrawn), or without a list every unit of its `level`; and, for a unit's own procedure, only units
 * within that owner unit.
 */
export async function offeredBy(version: PublishedVersion, unit: UnitRow, units: UnitDirectory): Promise<boolean> {
  const { definition: d, ownerUnitId } = version
  if (d.units ? !d.units.includes(unit.code) : d.level !== unit.level) return false
  return ownerUnitId === null || (await units.lineage(unit.id)).includes(ownerUnitId)
}
