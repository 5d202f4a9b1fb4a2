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

  it('reads and writes an address of a two-tier province (no districts since 1/7/2025)', () => {
    const wards = () => [{ name: 'Phường Cao Xanh' }, { name: 'Đặc khu Vân Đồn' }]
    expect(composeAddress('Số 3, tổ 7', 'Phường Cao Xanh')).toBe('Số 3, tổ 7, Phường Cao Xanh, Tỉnh Quảng Ninh')
    expect(parseAddress('Số 3, tổ 7, Phường Cao Xanh, Tỉnh Quảng Ninh', [], wards)).toEqual({
      detail: 'Số 3, tổ 7',
      commune: 'Phường Cao Xanh',
    })
    expect(parseAddress('Đặc khu Vân Đồn, Tỉnh Quảng Ninh', [], wards)).toEqual({
      detail: '',
      commune: 'Đặc khu Vân Đồn',
    })
    // a 2019 address names a district that is no more: it stays as written
    expect(parseAddress('Số 12, Phường Hà Khánh, Thành phố Hạ Long, Tỉnh Quảng Ninh', [], wards)).toEqual({
      detail: 'Số 12, Phường Hà Khánh, Thành phố Hạ Long, Tỉnh Quảng Ninh',
    })
  })
})
