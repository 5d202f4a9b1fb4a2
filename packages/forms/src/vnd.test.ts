import { describe, expect, it } from 'vitest'
import { formatVnd, groupDigits, parseVnd } from './vnd'

describe('VND amounts', () => {
  it('groups digits with dots and adds đ', () => {
    expect(groupDigits(0)).toBe('0')
    expect(groupDigits(999)).toBe('999')
    expect(groupDigits(1000)).toBe('1.000')
    expect(formatVnd(1_000_000)).toBe('1.000.000 đ')
    expect(formatVnd(135_000)).toBe('135.000 đ')
  })

  it('reads what people type', () => {
    expect(parseVnd('1.500.000')).toBe(1_500_000)
    expect(parseVnd('1 500 000 đ')).toBe(1_500_000)
    expect(parseVnd('1,500,000')).toBe(1_500_000)
    expect(parseVnd('007')).toBe(7)
    expect(parseVnd('')).toBeUndefined()
    expect(parseVnd('đ')).toBeUndefined()
  })
})
