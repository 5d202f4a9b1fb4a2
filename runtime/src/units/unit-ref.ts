import { DomainError, type UnitRef } from '@motcua/core'
import type { UnitDirectory, UnitRow } from './unit-directory'

const unresolved = (vi: string, en: string) =>
  new DomainError('CONFLICT', {
    vi: `${vi} Vui lòng báo quản trị viên kiểm tra cấu hình thủ tục và danh mục đơn vị.`,
    en: `${en} Ask an administrator to check the procedure and the units.`,
  })

/**
 * The unit a definition's `UnitRef` names for one dossier: absent = the resolving unit (`unitId`), `"receiving"` =
 * where it was received (the resolving unit when it was not received elsewhere), `{ up }` = the nearest unit of that
 * level above the resolving unit, `{ code }` = that unit.
 * @example await resolveUnitRef(units, { up: 'district' }, dossier) // the commune's district
 */
export async function resolveUnitRef(
  units: UnitDirectory,
  ref: UnitRef | undefined,
  dossier: { unitId: string; receivingUnitId?: string | null },
): Promise<UnitRow> {
  const id = ref === 'receiving' ? (dossier.receivingUnitId ?? dossier.unitId) : dossier.unitId
  if (ref === undefined || ref === 'receiving') {
    const unit = await units.byId(id)
    if (!unit) throw unresolved('Không tìm thấy đơn vị của hồ sơ.', `Unit ${id} does not exist.`)
    return unit
  }
  if ('code' in ref) {
    const unit = await units.byCode(ref.code)
    if (!unit) throw unresolved(`Không có đơn vị mã ${ref.code}.`, `No unit with code ${ref.code}.`)
    return unit
  }
  for (const above of (await units.lineage(id)).slice(1)) {
    const unit = await units.byId(above)
    if (unit?.level === ref.up) return unit
  }
  throw unresolved(
    `Không có đơn vị cấp "${ref.up}" phía trên đơn vị giải quyết hồ sơ.`,
    `No unit of level "${ref.up}" above the dossier's unit.`,
  )
}
