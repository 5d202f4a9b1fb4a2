import { describe, expect, it } from 'vitest'
import { dateTime, nextDay, parseVietnameseDay, vietnameseDay, vietnamToday } from './format'

describe('days as Vietnamese write them', () => {
  it('reads dd/mm/yyyy into a day, and refuses days that do not exist', () => {
    expect(parseVietnameseDay('10/12/2026')).toBe('2026-12-10')
    expect(parseVietnameseDay(' 1.2.2027 ')).toBe('2027-02-01')
    expect(parseVietnameseDay('31/02/2027')).toBeNull()
    expect(parseVietnameseDay('2026-12-10')).toBeNull()
    expect(parseVietnameseDay('')).toBeNull()
  })

  it('writes days and moments in Vietnam time, day first', () => {
    expect(vietnameseDay('2026-12-01')).toBe('01/12/2026')
    expect(dateTime('2026-11-30T17:05:00Z')).toBe('01/12/2026 00:05')
    expect(vietnamToday(new Date('2026-11-30T17:05:00Z'))).toBe('2026-12-01')
    expect(nextDay('2026-12-31')).toBe('2027-01-01')
  })
})
