import { describe, expect, it } from 'vitest'
import { axisMonth, showCount, showDecimal, showMonth, showShare } from './format'

describe('the dashboard’s numbers', () => {
  it('writes counts, decimals and shares the Vietnamese way, and the English way in English', () => {
    expect(showCount(1234, 'vi')).toBe('1.234')
    expect(showCount(2_180_333, 'vi')).toBe('2.180.333')
    expect(showCount(1234, 'en')).toBe('1,234')
    expect(showDecimal(3.45, 'vi')).toBe('3,5')
    expect(showDecimal(null, 'vi')).toBe('—')
    expect(showShare(0.552, 'vi')).toBe('55,2\u00a0%')
    expect(showShare(1, 'vi')).toBe('100\u00a0%')
    expect(showShare(0.3104, 'en')).toBe('31\u00a0%')
    expect(showShare(null, 'en')).toBe('—')
  })

  it('writes months for tables and axes', () => {
    expect(showMonth('2025-03')).toBe('03/2025')
    expect(axisMonth('2025-03', false)).toBe('3')
    expect(axisMonth('2025-12', true)).toBe('12/25')
  })
})
