import { describe, expect, it } from 'vitest'
import { formatInputs } from './base-input'

const clean = (format: string, text: string) => formatInputs[format]?.clean?.(text)

describe('what identity and phone inputs keep as a person types or pastes', () => {
  it('drops spaces, dots and dashes from a pasted căn cước number, and cuts nothing', () => {
    expect(clean('cccd', '0 2 2 0 9 8 0 0 1 2 3 4')).toBe('022098001234')
    expect(clean('cccd', '022.098.001.234')).toBe('022098001234')
    expect(clean('cccd', '022-098-001-2345')).toBe('0220980012345') // 13 digits: the validator says so
    expect(formatInputs.cccd?.maxLength).toBeUndefined()
  })

  it('keeps a character that is not a separator, so the message can name it', () => {
    expect(clean('cccd', '022 098 00I 234')).toBe('02209800I234')
  })

  it('keeps the + of an international phone number, and cleans CMND and tax codes too', () => {
    expect(clean('vn-mobile', ' +84 912.345.678')).toBe('+84912345678')
    expect(clean('vn-phone', '0203 3835 123')).toBe('02033835123')
    expect(clean('cmnd', '123 456 789')).toBe('123456789')
    expect(clean('vn-tax-code', '0100109106-001')).toBe('0100109106001')
    expect(formatInputs['vn-tax-code']?.maxLength).toBeUndefined()
  })
})
