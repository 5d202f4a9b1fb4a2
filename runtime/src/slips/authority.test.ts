import { describe, expect, it } from 'vitest'
import { agencyName, authorityLines, placeName } from './authority'

describe('issuing authority (left column of the national heading)', () => {
  it('a ward acts through its People’s Committee, under its city’s', () => {
    expect(authorityLines({ name: 'Phường Hà Khánh', parentName: 'Thành phố Hạ Long' })).toEqual({
      parent: 'UBND THÀNH PHỐ HẠ LONG',
      unit: 'UBND PHƯỜNG HÀ KHÁNH',
    })
  })

  it('a department prints its own name under the province’s committee', () => {
    expect(authorityLines({ name: 'Sở Tư pháp', parentName: 'Tỉnh Quảng Ninh' })).toEqual({
      parent: 'UBND TỈNH QUẢNG NINH',
      unit: 'SỞ TƯ PHÁP',
    })
  })

  it('drops a trailing repeat of the parent’s name', () => {
    expect(
      authorityLines({ name: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh', parentName: 'Tỉnh Quảng Ninh' }),
    ).toEqual({
      parent: 'UBND TỈNH QUẢNG NINH',
      unit: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
    })
  })

  it('keeps a committee name as it is and prints one line without a parent', () => {
    expect(authorityLines({ name: 'Ủy ban nhân dân tỉnh Quảng Ninh', parentName: null })).toEqual({
      parent: null,
      unit: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH',
    })
    expect(authorityLines({ name: 'Tỉnh Quảng Ninh', parentName: null })).toEqual({
      parent: null,
      unit: 'UBND TỈNH QUẢNG NINH',
    })
  })
})

describe('place name of the place-date line', () => {
  it('is the unit’s own name for a commune or district, the province’s for a provincial agency', () => {
    expect(placeName({ name: 'Phường Hà Khánh', parentName: 'Thành phố Hạ Long' })).toBe('Hà Khánh')
    expect(placeName({ name: 'Thành phố Hạ Long', parentName: 'Tỉnh Quảng Ninh' })).toBe('Hạ Long')
    expect(placeName({ name: 'Sở Tư pháp', parentName: 'Tỉnh Quảng Ninh' })).toBe('Quảng Ninh')
    expect(placeName({ name: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh', parentName: null })).toBe(
      'Quảng Ninh',
    )
    expect(placeName({ name: 'Sở Tư pháp', parentName: 'UBND tỉnh Quảng Ninh' })).toBe('Quảng Ninh')
  })
})

describe('agency name in body text', () => {
  it('names an administrative unit by its People’s Committee and an agency by itself', () => {
    expect(agencyName('Phường Hà Khánh')).toBe('UBND phường Hà Khánh')
    expect(agencyName('Thành phố Hạ Long')).toBe('UBND thành phố Hạ Long')
    expect(agencyName('Sở Tư pháp')).toBe('Sở Tư pháp')
  })
})
