import { DomainError, type ProcedureDefinition, receiptDay } from '@motcua/core'
import type { UnitDirectory, UnitRow } from '../units/unit-directory'
import { resolveUnitRef } from '../units/unit-ref'

const notReceiving = (unit: UnitRow, resolving: UnitRow, usual: UnitRow) => {
  const message = {
    vi: `${unit.name} không tiếp nhận hồ sơ thủ tục này cho ${resolving.name}. Hồ sơ được tiếp nhận tại ${usual.name}.`,
    en: `${unit.name} does not receive this procedure's dossiers for ${resolving.name}; they are received at ${usual.name}.`,
  }
  return new DomainError('INVALID_DATA', message, [{ code: 'unit.notReceiving', path: '/receivingUnitCode', message }])
}

/**
 * Whether `unit` may receive a dossier for `resolving` on `at` regardless of administrative boundary (the
 * definition's `reception.anyUnit`, Nghị định 118/2025/NĐ-CP): a unit of one of its levels or one of its units,
 * from its `from` day (Vietnam time).
 */
async function receivesAnywhere(
  units: UnitDirectory,
  definition: ProcedureDefinition,
  unit: UnitRow,
  resolving: UnitRow,
  at: Date,
): Promise<boolean> {
  const any = definition.reception?.anyUnit
  if (!any || (any.from && receiptDay(at) < any.from)) return false
  if (any.levels?.includes(unit.level)) return true
  for (const ref of any.units ?? []) {
    const named = await resolveUnitRef(units, ref, { unitId: resolving.id }).catch(() => undefined)
    if (named?.id === unit.id) return true
  }
  return false
}

/**
 * The unit that receives a dossier resolved by `resolving`: the one where it was filed (`filedAt`, a counter
 * officer's unit) when the definition lets it receive, else the definition's `reception.unit` (the provincial
 * centre for a department's dossiers), else the resolving unit itself. A counter elsewhere gets `unit.notReceiving`.
 * @example await receivingUnit(units, def, stp, { at }) // TTPVHCC for a department's procedure
 */
export async function receivingUnit(
  units: UnitDirectory,
  definition: ProcedureDefinition,
  resolving: UnitRow,
  { filedAt, at }: { filedAt?: UnitRow | undefined; at: Date },
): Promise<UnitRow> {
  const usual = await resolveUnitRef(units, definition.reception?.unit, { unitId: resolving.id })
  if (!filedAt || filedAt.id === usual.id) return usual
  if (await receivesAnywhere(units, definition, filedAt, resolving, at)) return filedAt
  throw notReceiving(filedAt, resolving, usual)
}
