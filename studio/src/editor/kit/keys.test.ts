import { describe, expect, it } from 'vitest'
import { move, newKey, numberFrom } from './keys'

describe('newKey', () => {
  it('makes a snake-case key from a Vietnamese name, numbered when taken', () => {
    expect(newKey('Tờ khai đăng ký (bản chính)', [], 'x')).toBe('to_khai_dang_ky_ban_chinh')
    expect(newKey('Tờ khai', ['to_khai', 'to_khai_2'], 'x')).toBe('to_khai_3')
    expect(newKey('2 bản sao', [], 'x')).toBe('ban_sao')
    expect(newKey('', ['buoc'], 'buoc')).toBe('buoc_2')
  })
})

describe('move and numberFrom', () => {
  it('moves items within the list only', () => {
    const list = ['a', 'b', 'c']
    move(list, 0, 1)
    expect(list).toEqual(['b', 'a', 'c'])
    move(list, 2, 1)
    expect(list).toEqual(['b', 'a', 'c'])
  })
  it('reads typed numbers, with a decimal comma', () => {
    expect([numberFrom('0,5'), numberFrom(''), numberFrom('abc'), numberFrom('12')]).toEqual([
      0.5,
      undefined,
      undefined,
      12,
    ])
  })
})
