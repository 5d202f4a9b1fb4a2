import { describe, expect, it } from 'vitest'
import { composeAddress, parseAddress } from './address'

const districts = [{ name: 'Thành phố Hạ Long' }, { name: 'Huyện Ba Chẽ' }]
const communes = (district: string) =>
  district === 'Thành phố Hạ Long' ? [{ name: 'Phường Hà Khánh' }, { name: 'Phường Hà Phong' }] : []

describe('addresses over the real units', () => {
  it('composes detail, commune, district and province', () => {
    expect(composeAddress(' Số 12, tổ 5 ', 'Phường Hà Khánh', 'Thành phố Hạ Long')).toBe(
      'Số 12, tổ 5, Phường Hà Khánh, Thành phố Hạ Long, Tỉnh Quảng Ninh',
    )
    expect(composeAddress('Thôn 1')).toBe('Thôn 1')
    expect(composeAddress('', 'Phường Hà Khánh', 'Thành phố Hạ Long')).toBe(
      'Phường Hà Khánh, Thành phố Hạ Long, Tỉnh Quảng Ninh',
    )
  })

  it('reads a composed address back, and keeps anything else as detail', () => {
    expect(
      parseAddress('Số 12, tổ 5, Phường Hà Khánh, Thành phố Hạ Long, Tỉnh Quảng Ninh', districts, communes),
    ).toEqual({
      detail: 'Số 12, tổ 5',
      district: 'Thành phố Hạ Long',
      commune: 'Phường Hà Khánh',
    })
    expect(parseAddress('Phường Hà Khánh, Thành phố Hạ Long, Tỉnh Quảng Ninh', districts, communes)).toEqual({
      detail: '',
      district: 'Thành phố Hạ Long',
      commune: 'Phường Hà Khánh',
    })
    expect(parseAddress('Thôn 2, Huyện Ba Chẽ, Tỉnh Quảng Ninh', districts, communes)).toEqual({
      detail: 'Thôn 2',
      district: 'Huyện Ba Chẽ',
    })
    expect(parseAddress('12 Hàng Bài, Hà Nội', districts, communes)).toEqual({ detail: '12 Hàng Bài, Hà Nội' })
  })
})
