import { describe, expect, it } from 'vitest'
import { showDateTime, showProcessingTime, showSize, showVnd } from './format'

describe('formats', () => {
  it('shows times in Vietnam time', () => {
    expect(showDateTime('2026-11-28T03:30:00Z')).toBe('10:30 28/11/2026')
    expect(showDateTime('2026-11-28T20:00:00Z', false)).toBe('29/11/2026')
    expect(showDateTime(null)).toBe('—')
  })

  it('shows money, sizes and processing times', () => {
    expect(showVnd(1_000_000)).toBe('1.000.000 đ')
    expect(showVnd(0)).toBe('0 đ')
    expect(showSize(1_572_864)).toBe('1,5 MB')
    expect(showSize(2048, 'en')).toBe('2 KB')
    expect(showProcessingTime({ kind: 'workingDays', days: 5 }, 'vi')).toBe('5 ngày làm việc')
    expect(showProcessingTime({ kind: 'sameDay', cutoff: '15:00' }, 'en')).toMatch(/Same day/)
  })
})
