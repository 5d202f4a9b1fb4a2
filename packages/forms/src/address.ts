/** An administrative unit as `GET /api/units` lists it. */
export interface AdministrativeUnit {
  code: string
  name: string
  type: string
  level: string
  parentCode: string | null
  electronicId?: string | null
}

/** The province named at the end of a composed address. */
export const DEFAULT_PROVINCE = 'Tỉnh Quảng Ninh'

/**
 * An address line: the detail (house, street, hamlet), then the commune, the district (none in a two-tier
 * province, from 1/7/2025) and the province.
 * @example composeAddress('Số 12, tổ 5', 'Phường Hà Khánh', 'Thành phố Hạ Long') // 'Số 12, tổ 5, Phường Hà Khánh, Thành phố Hạ Long, Tỉnh Quảng Ninh'
 */
export function composeAddress(
  detail: string,
  commune?: string,
  district?: string,
  province = DEFAULT_PROVINCE,
): string {
  return [detail.trim(), commune, district, district || commune ? province : undefined]
    .filter((part) => part?.length)
    .join(', ')
}

/**
 * Splits a composed address back into its detail, commune and district, given the known district and commune names
 * (with no districts, `communesOf` lists every commune); an address that does not end with them is all detail.
 */
export function parseAddress(
  value: string,
  districts: { name: string }[],
  communesOf: (district: string) => { name: string }[] = () => [],
  province = DEFAULT_PROVINCE,
): { detail: string; district?: string; commune?: string } {
  const suffix = `, ${province}`
  if (!value.endsWith(suffix)) return { detail: value }
  const head = value.slice(0, -suffix.length)
  const endsWith = (name: string) => head === name || head.endsWith(`, ${name}`)
  const district = districts.find((d) => endsWith(d.name))
  if (!district) {
    // two tiers: no districts, the commune comes right before the province
    const commune = districts.length === 0 ? communesOf('').find((c) => endsWith(c.name)) : undefined
    if (!commune) return { detail: value }
    return { detail: head.slice(0, head.length - commune.name.length).replace(/,\s*$/, ''), commune: commune.name }
  }
  const beforeDistrict = head.slice(0, head.length - district.name.length).replace(/,\s*$/, '')
  const commune = communesOf(district.name).find(
    (c) => beforeDistrict === c.name || beforeDistrict.endsWith(`, ${c.name}`),
  )
  if (!commune) return { detail: beforeDistrict, district: district.name }
  const detail = beforeDistrict.slice(0, beforeDistrict.length - commune.name.length).replace(/,\s*$/, '')
  return { detail, district: district.name, commune: commune.name }
}
