import { describe, expect, it } from 'vitest'
import { isVnMobile, isVnPhone } from './phone-formats'

const mobiles = [
  '0912345678',
  '0912 345 678',
  '0912.345.678',
  '0912-345-678',
  '+84 912345678',
  '+84912345678',
  '84912345678',
  '+84 912 345 678',
  '0321234567',
  '0561234567',
  '0771234567',
  '0861234567',
]
const landlines = ['02033835123', '0203 3835 123', '024 3825 1234', '028.3829.1234', '+84 203 3835 123', '842033835123']

describe('isVnMobile', () => {
  it.each(mobiles)('accepts %j', (value) => {
    expect(isVnMobile(value)).toBe(true)
  })

  it.each([
    ['a landline', '02033835123'],
    ['a prefix 01 (retired in 2018)', '0112345678'],
    ['a prefix 04', '0412345678'],
    ['a prefix 06', '0612345678'],
    ['9 digits', '091234567'],
    ['11 digits', '09123456789'],
    ['+84 followed by 0', '+84 0912345678'],
    ['a foreign country code', '+1 912345678'],
    ['a double separator', '0912  345 678'],
    ['a leading space', ' 0912345678'],
    ['a trailing separator', '0912345678.'],
    ['a + in the middle', '0912+345678'],
    ['letters', '09123a5678'],
    ['parentheses', '(091) 2345678'],
    ['empty', ''],
  ])('rejects %s', (_label, value) => {
    expect(isVnMobile(value)).toBe(false)
  })
})

describe('isVnPhone', () => {
  it.each([...mobiles, ...landlines])('accepts %j', (value) => {
    expect(isVnPhone(value)).toBe(true)
  })

  it.each([
    ['a 10-digit landline', '0203383512'],
    ['a 12-digit landline', '020338351234'],
    ['a pre-2017 Hà Nội number', '04 3825 1234'],
    ['letters', '0203 3835 12a'],
    ['empty', ''],
  ])('rejects %s', (_label, value) => {
    expect(isVnPhone(value)).toBe(false)
  })
})
