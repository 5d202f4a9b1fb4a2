import type { SlipUnit } from './types'

// Administrative units (đơn vị hành chính) act through their People's Committee (Ủy ban nhân dân, UBND);
// everything else (sở, trung tâm, phòng, ban …) is an agency that prints its own name.
const territorial = /^(tỉnh|thành phố|thị xã|thị trấn|huyện|quận|phường|xã|đặc khu)\s+/iu
const committee = /^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/iu

const upper = (text: string) => text.normalize('NFC').toLocaleUpperCase('vi')
const lower = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi')

/** 'Phường Hà Khánh' → 'UBND PHƯỜNG HÀ KHÁNH'; 'Sở Tư pháp' → 'SỞ TƯ PHÁP'. */
function agencyLine(name: string): string {
  const trimmed = name.trim()
  return upper(territorial.test(trimmed) ? `UBND ${trimmed}` : trimmed)
}

/** The proper name of an administrative unit without its type: 'Thành phố Hạ Long' → 'Hạ Long'; null for an agency. */
function properName(name: string): string | null {
  const bare = name.trim().replace(committee, '')
  return territorial.test(bare) ? bare.replace(territorial, '') : null
}

/**
 * The left column of the national heading: the governing body (cơ quan chủ quản) over the issuing one.
 * An agency's name drops a trailing repeat of its parent ('Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh'
 * under 'Tỉnh Quảng Ninh' prints as 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG').
 * @example authorityLines({ name: 'Phường Hà Khánh', parentName: 'Thành phố Hạ Long' }) // { parent: 'UBND THÀNH PHỐ HẠ LONG', unit: 'UBND PHƯỜNG HÀ KHÁNH' }
 */
export function authorityLines(unit: Pick<SlipUnit, 'name' | 'parentName'>): { parent: string | null; unit: string } {
  const parentName = unit.parentName?.trim() || null
  let name = unit.name.trim()
  if (parentName && !territorial.test(name)) {
    const suffix = ` ${lower(parentName.replace(committee, ''))}`
    if (lower(name).endsWith(suffix) && name.length > suffix.length)
      name = name.slice(0, name.length - suffix.length).trim()
  }
  return { parent: parentName ? agencyLine(parentName) : null, unit: agencyLine(name) }
}

/**
 * The place name (địa danh) of the place-date line: the administrative unit where the issuer sits (Decree
 * 30/2020/NĐ-CP): a commune's or district's own name, the province's name for a provincial agency.
 * @example placeName({ name: 'Sở Tư pháp', parentName: 'Tỉnh Quảng Ninh' }) // 'Quảng Ninh'
 */
export function placeName(unit: Pick<SlipUnit, 'name' | 'parentName'>): string {
  const own = properName(unit.name)
  if (own) return own
  const parent = unit.parentName ? properName(unit.parentName) : null
  if (parent) return parent
  // an agency without a territorial parent: the unit its name ends with ('… tỉnh Quảng Ninh'), else its parent or itself
  const inName = /\s(?:tỉnh|thành phố)\s+(.+)$/iu.exec(unit.name.trim())
  return inName?.[1] ?? unit.parentName?.trim() ?? unit.name.trim()
}

/**
 * How body text names the unit: an administrative unit by its People's Committee.
 * @example agencyName('Phường Hà Khánh') // 'UBND phường Hà Khánh'
 */
export function agencyName(name: string): string {
  const trimmed = name.trim()
  return territorial.test(trimmed) ? `UBND ${trimmed.charAt(0).toLocaleLowerCase('vi')}${trimmed.slice(1)}` : trimmed
}
