import type { Text } from '@motcua/plugin-sdk'
import type { Config } from './config'

/** The construction permit's procedure code (procedures/cap-giay-phep-xay-dung-nha-o-rieng-le). */
export const PERMIT = 'QN-GPXD-01'

/** The parts of the permit's form this plugin reads (`reads`), as that procedure's form schema has them. */
export interface PermitForm {
  dia_diem: { so_thua?: string; so_to_ban_do?: string; dien_tich_lo_dat?: number; dia_chi?: string }
  cong_trinh: { chieu_cao?: number; so_tang?: number; co_tang_ham?: boolean }
}

type Zone = Config['zones'][number]

// Vietnamese without diacritics or case: "Phường Hồng Gai" and "phuong hong gai" compare alike
const fold = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase()
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Whether an address names the ward as a whole word ("Hà Tu" is not "Hà Tung"). */
export const namesWard = (address: string, ward: string): boolean =>
  new RegExp(`(^|[^a-z0-9])${literal(fold(ward).trim())}($|[^a-z0-9])`).test(fold(address))

/** The zones a plot is in: its address names one of a zone's wards and, if the zone lists sheets, its sheet is one. */
export function zonesOf(zones: Config['zones'], plot: PermitForm['dia_diem']): Zone[] {
  const address = plot.dia_chi ?? ''
  const sheet = plot.so_to_ban_do?.trim().replace(/^0+(?=\d)/, '')
  return zones.filter(
    (zone) =>
      zone.wards.some((ward) => namesWard(address, ward)) &&
      (!zone.mapSheets || (sheet !== undefined && zone.mapSheets.some((s) => s.replace(/^0+(?=\d)/, '') === sheet))),
  )
}

const metres = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 })

/**
 * Why a building may not be permitted where it is: the first zone whose height or floor limit it exceeds, with the
 * limit's basis; undefined when it fits every zone its plot is in (or is in none).
 */
export function exceeded(zones: Config['zones'], form: Partial<PermitForm>): Text | undefined {
  const building = form.cong_trinh ?? {}
  for (const zone of zonesOf(zones, form.dia_diem ?? {})) {
    const tooHigh = building.chieu_cao !== undefined && building.chieu_cao > zone.maxHeightM
    const tooMany = building.so_tang !== undefined && building.so_tang > zone.maxFloors
    if (!tooHigh && !tooMany) continue
    const basis = zone.basis ? { vi: ` (căn cứ: ${zone.basis})`, en: ` (basis: ${zone.basis})` } : { vi: '', en: '' }
    const what = {
      vi: [
        tooHigh ? `chiều cao ${metres(building.chieu_cao!)} m` : '',
        tooMany ? `${building.so_tang} tầng` : '',
      ].filter(Boolean),
      en: [tooHigh ? `${building.chieu_cao} m high` : '', tooMany ? `${building.so_tang} floors` : ''].filter(Boolean),
    }
    return {
      vi: `Công trình ${what.vi.join(', ')} vượt giới hạn của khu vực "${zone.name}": tối đa ${metres(zone.maxHeightM)} m, ${zone.maxFloors} tầng${basis.vi}. Đề nghị yêu cầu chủ đầu tư điều chỉnh thiết kế hoặc dừng giải quyết hồ sơ.`,
      en: `The building (${what.en.join(', ')}) exceeds the limit of the zone "${zone.name}": at most ${zone.maxHeightM} m and ${zone.maxFloors} floors${basis.en}. Ask the owner to revise the design, or stop processing the dossier.`,
    }
  }
  return undefined
}
