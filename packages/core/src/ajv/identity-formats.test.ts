import { describe, expect, it } from 'vitest'
import { isCccd, isCmnd } from './identity-formats'
import { CCCD_PROVINCE_CODES } from './province-codes'

describe('CCCD_PROVINCE_CODES', () => {
  it('lists the 63 provinces, 001 to 096', () => {
    const codes = Object.keys(CCCD_PROVINCE_CODES)
    expect(codes).toHaveLength(63)
    for (const code of codes) expect(code).toMatch(/^0(?:0[1-9]|[1-8]\d|9[0-6])$/)
    expect(CCCD_PROVINCE_CODES['022']).toBe('Quảng Ninh')
    expect(CCCD_PROVINCE_CODES['079']).toBe('Hồ Chí Minh')
  })
})

describe('isCccd', () => {
  it.each(['022098001234', '001200012345', '096305000001', '079199999999', '001900000000'])('accepts %s', (value) => {
    expect(isCccd(value)).toBe(true)
  })

  it.each([
    ['too short', '02209800123'],
    ['too long', '0220980012345'],
    ['letters', '02209800123A'],
    ['spaces', '022 098 001 234'],
    ['province 000', '000098001234'],
    ['province 003 (unused)', '003098001234'],
    ['province 097 (out of range)', '097098001234'],
    ['empty', ''],
  ])('rejects %s', (_label, value) => {
    expect(isCccd(value)).toBe(false)
  })

  it('accepts every century/gender digit 0–9', () => {
    for (let digit = 0; digit <= 9; digit++) expect(isCccd(`022${digit}98001234`)).toBe(true)
  })
})

describe('isCmnd', () => {
  it('accepts 9 digits', () => {
    expect(isCmnd('123456789')).toBe(true)
    expect(isCmnd('012345678')).toBe(true)
  })

  it.each(['12345678', '1234567890', '12345678a', '123 456 789', ''])('rejects %j', (value) => {
    expect(isCmnd(value)).toBe(false)
  })
})
