import { describe, expect, it } from 'vitest'
import { isVnTaxCode } from './tax-code'

describe('isVnTaxCode', () => {
  // 0100109106: check digit 10 − ((1·29 + 1·17 + 9·7 + 1·5) mod 11) = 10 − 4 = 6.
  it.each(['0100109106', '0100109106-001', '0100109106001', '0100233488', '0314409058-002'])('accepts %s', (value) => {
    expect(isVnTaxCode(value)).toBe(true)
  })

  it.each([
    ['a wrong check digit', '0100109107'],
    ['a wrong check digit with a branch', '0100233480-001'],
    ['9 digits', '010010910'],
    ['11 digits', '01001091061'],
    ['12 digits', '010010910600'],
    ['a 2-digit branch', '0100109106-01'],
    ['branch 000', '0100109106-000'],
    ['a zero sequence', '0100000000'],
    ['a space before the branch', '0100109106 001'],
    ['letters', '010010910A'],
    ['empty', ''],
  ])('rejects %s', (_label, value) => {
    expect(isVnTaxCode(value)).toBe(false)
  })

  it('rejects every 10th digit when the check would be 10', () => {
    // 010000005: 1·29 + 5·3 = 44 ≡ 0 (mod 11), so the check digit would be 10, which is never issued.
    for (let digit = 0; digit <= 9; digit++) expect(isVnTaxCode(`010000005${digit}`)).toBe(false)
  })
})
