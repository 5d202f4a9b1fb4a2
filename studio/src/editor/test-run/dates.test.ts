import { describe, expect, it } from 'vitest'
import { formatDateTime, formatDay, fridayBeforeTet, fromLocalInput, toLocalInput } from './dates'

describe('test run dates', () => {
  it('writes instants and days in Vietnam time, Vietnamese style', () => {
    expect(formatDateTime(new Date('2026-02-13T01:00:00Z'), 'vi')).toBe('08:00 Thứ Sáu, 13/02/2026')
    expect(formatDateTime(new Date('2026-02-13T18:30:00Z'), 'vi')).toBe('01:30 Thứ Bảy, 14/02/2026')
    expect(formatDay('2026-02-16', 'vi')).toBe('Thứ Hai, 16/02/2026')
  })

  it('reads and writes the datetime-local input in Vietnam time', () => {
    expect(toLocalInput(new Date('2026-02-13T01:00:00Z'))).toBe('2026-02-13T08:00')
    expect(new Date(fromLocalInput('2026-02-13T08:00')!).toISOString()).toBe('2026-02-13T01:00:00.000Z')
    expect(fromLocalInput('')).toBeUndefined()
  })

  it('finds the Friday before the next Tết’s days off', () => {
    // Tết 2027 (Đinh Mùi) is Saturday 6 February; its days off start Thursday 4 February
    expect(fridayBeforeTet(new Date('2026-11-30T03:00:00Z')).toISOString()).toBe('2027-01-29T01:00:00.000Z')
    // Tết 2026 is Tuesday 17 February, its days off start Saturday 14… the Friday before is 13 February
    expect(fridayBeforeTet(new Date('2026-01-05T03:00:00Z')).toISOString()).toBe('2026-02-13T01:00:00.000Z')
  })
})
