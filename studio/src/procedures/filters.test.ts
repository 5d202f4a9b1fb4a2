import { describe, expect, it } from 'vitest'
import type { AdminProcedure, AdminUnit } from './api'
import { filterOf, filterProcedures, listAddress, PROVINCE_WIDE, type ProcedureFilter } from './filters'

const procedure = (p: Partial<AdminProcedure> & { code: string; name: string }): AdminProcedure => ({
  level: 'commune',
  field: 'Hộ tịch',
  ownerUnitCode: null,
  ownerUnitName: null,
  state: 'published',
  version: 1,
  scheduled: null,
  draft: null,
  unpublishedChanges: false,
  ...p,
})
const units: AdminUnit[] = [
  { code: '193', name: 'Thành phố Hạ Long', level: 'district', parentCode: '22' },
  { code: '06649', name: 'Phường Hà Khánh', level: 'commune', parentCode: '193' },
  { code: '06652', name: 'Phường Hà Phong', level: 'commune', parentCode: '193' },
]
const items = [
  procedure({ code: '1.001193', name: 'Đăng ký khai sinh' }),
  procedure({ code: '1.000656', name: 'Đăng ký khai tử', ownerUnitCode: '06649', state: 'draft', version: null }),
  procedure({ code: '2.000884', name: 'Chứng thực chữ ký', field: 'Chứng thực', ownerUnitCode: '06652' }),
  procedure({
    code: '1.004227',
    name: 'Cấp giấy phép xây dựng',
    level: 'district',
    scheduled: { version: 2, from: '2027-01-01' },
  }),
]
const none: ProcedureFilter = { q: '', level: '', unit: '', field: '', state: '' }
const codes = (filter: Partial<ProcedureFilter>) =>
  filterProcedures(items, { ...none, ...filter }, units).map((p) => p.code)

describe('the procedures list filters', () => {
  it('searches names and codes without diacritics', () => {
    expect(codes({ q: 'khai sinh' })).toEqual(['1.001193'])
    expect(codes({ q: 'DANG KY' })).toEqual(['1.001193', '1.000656'])
    expect(codes({ q: '2.000884' })).toEqual(['2.000884'])
  })

  it('narrows by level, field, state, and by owner unit with the units below it', () => {
    expect(codes({ level: 'district' })).toEqual(['1.004227'])
    expect(codes({ field: 'Chứng thực' })).toEqual(['2.000884'])
    expect(codes({ state: 'draft' })).toEqual(['1.000656'])
    expect(codes({ state: 'scheduled' })).toEqual(['1.004227'])
    expect(codes({ unit: '193' })).toEqual(['1.000656', '2.000884'])
    expect(codes({ unit: '06649' })).toEqual(['1.000656'])
    expect(codes({ unit: PROVINCE_WIDE })).toEqual(['1.001193', '1.004227'])
  })

  it('keeps the filters in the address, and reads them back', () => {
    const filter = { ...none, q: 'khai sinh', state: 'changes' }
    const address = listAddress(filter)
    expect(address).toBe('/studio?tim=khai+sinh&trang-thai=changes')
    expect(filterOf(new URL(address, 'http://x').searchParams)).toEqual(filter)
    expect(listAddress(none)).toBe('/studio')
  })
})
