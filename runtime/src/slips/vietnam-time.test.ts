import { describe, expect, it } from 'vitest'
import { BLANK, formatDateVi, formatLongDateVi, formatTimeVi, toDate } from './vietnam-time'

describe('Vietnamese dates (UTC+7, whatever the host timezone)', () => {
  it('writes times as the forms do', () => {
    expect(formatTimeVi(new Date('2025-05-05T01:30:00Z'))).toBe('08 giờ 30 phút, ngày 05/05/2025')
  })

  it('takes the Vietnam day, not the UTC one', () => {
    // 17:30 UTC on 30 Nov is 00:30 on 1 Dec in Vietnam
    expect(formatDateVi(new Date('2026-11-30T17:30:00Z'))).toBe('01/12/2026')
    expect(formatTimeVi(new Date('2026-11-30T17:30:00Z'))).toBe('00 giờ 30 phút, ngày 01/12/2026')
  })

  it('writes the place-date line with the Decree 30/2020 leading zeros', () => {
    expect(formatLongDateVi(new Date('2026-11-28T03:00:00Z'))).toBe('ngày 28 tháng 11 năm 2026')
    expect(formatLongDateVi(new Date('2026-02-05T03:00:00Z'))).toBe('ngày 05 tháng 02 năm 2026')
    expect(formatLongDateVi(new Date('2026-03-10T03:00:00Z'))).toBe('ngày 10 tháng 3 năm 2026')
  })

  it('leaves a blank to fill by hand when there is no date', () => {
    expect(formatTimeVi(null)).toBe(BLANK)
    expect(formatDateVi(new Date('nope'))).toBe(BLANK)
  })

  it('reads dates stored in JSON event data', () => {
    expect(toDate('2026-12-10T10:00:00.000Z')?.toISOString()).toBe('2026-12-10T10:00:00.000Z')
    expect(toDate(Date.UTC(2026, 0, 1))?.toISOString()).toBe('2026-01-01T00:00:00.000Z')
    expect(toDate(new Date('2026-01-01T00:00:00Z'))?.getTime()).toBe(Date.UTC(2026, 0, 1))
    expect(toDate('not a date')).toBeNull()
    expect(toDate(undefined)).toBeNull()
    expect(toDate({})).toBeNull()
  })
})
