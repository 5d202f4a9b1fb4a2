import { describe, expect, it } from 'vitest'
import type { Config } from './config'
import { exceeded, namesWard, zonesOf } from './height-check'

const zones: Config['zones'] = [
  {
    name: 'Vùng đệm Vịnh Hạ Long – phường Hồng Gai',
    wards: ['Hồng Gai'],
    maxHeightM: 12,
    maxFloors: 3,
    basis: 'Quyết định số 01/QĐ-UBND (ví dụ)',
  },
  { name: 'Phường Hà Tu, tờ 32–33', wards: ['Hà Tu'], mapSheets: ['32', '33'], maxHeightM: 20, maxFloors: 5 },
]
const plot = (dia_chi: string, so_to_ban_do = '32') => ({ dia_chi, so_to_ban_do, so_thua: '245' })

describe('which zone a plot is in', () => {
  it('finds the ward in the address whatever its accents or case, as a whole name', () => {
    expect(namesWard('Tổ 7, khu 5, phường Hồng Gai, thành phố Hạ Long', 'Hồng Gai')).toBe(true)
    expect(namesWard('to 7, PHUONG HONG GAI, ha long', 'Hồng Gai')).toBe(true)
    expect(namesWard('Tổ 7, phường Hà Tung', 'Hà Tu')).toBe(false)
  })

  it('keeps to a zone’s map sheets when it lists them (leading zeros aside)', () => {
    expect(zonesOf(zones, plot('phường Hà Tu', '032')).map((z) => z.wards[0])).toEqual(['Hà Tu'])
    expect(zonesOf(zones, plot('phường Hà Tu', '40'))).toEqual([])
    expect(zonesOf(zones, plot('phường Bãi Cháy'))).toEqual([])
  })
})

describe('the height check', () => {
  const building = (chieu_cao: number, so_tang: number) => ({ chieu_cao, so_tang, co_tang_ham: false })

  it('says which limit a building exceeds, with the zone’s basis, in Vietnamese first', () => {
    const why = exceeded(zones, { dia_diem: plot('phường Hồng Gai'), cong_trinh: building(15.6, 4) })
    expect(why?.vi).toBe(
      'Công trình chiều cao 15,6 m, 4 tầng vượt giới hạn của khu vực "Vùng đệm Vịnh Hạ Long – phường Hồng Gai": tối đa 12 m, 3 tầng (căn cứ: Quyết định số 01/QĐ-UBND (ví dụ)). Đề nghị yêu cầu chủ đầu tư điều chỉnh thiết kế hoặc dừng giải quyết hồ sơ.',
    )
    expect(why?.en).toContain('15.6 m high, 4 floors')
    expect(exceeded(zones, { dia_diem: plot('phường Hồng Gai'), cong_trinh: building(11, 4) })?.vi).toMatch(
      /^Công trình 4 tầng vượt/,
    )
  })

  it('lets through a building within its zone’s limits, and a plot in no zone', () => {
    expect(exceeded(zones, { dia_diem: plot('phường Hồng Gai'), cong_trinh: building(12, 3) })).toBeUndefined()
    expect(exceeded(zones, { dia_diem: plot('phường Hà Tu'), cong_trinh: building(15.6, 4) })).toBeUndefined()
    expect(exceeded(zones, { dia_diem: plot('phường Bãi Cháy'), cong_trinh: building(40, 10) })).toBeUndefined()
    expect(exceeded(zones, {})).toBeUndefined()
  })
})
