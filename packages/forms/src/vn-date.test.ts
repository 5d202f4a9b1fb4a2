import { describe, expect, it } from 'vitest'
import { isoToVnDate, maskVnDate, vnDateToIso } from './vn-date'

describe('Vietnamese dates', () => {
  it('shows ISO dates as dd/mm/yyyy and leaves other text alone', () => {
    expect(isoToVnDate('2026-11-20')).toBe('20/11/2026')
    expect(isoToVnDate('20/11')).toBe('20/11')
  })

  it('reads complete, real dates only', () => {
    expect(vnDateToIso('20/11/2026')).toBe('2026-11-20')
    expect(vnDateToIso('5/3/1997')).toBe('1997-03-05')
    expect(vnDateToIso('29/02/2024')).toBe('2024-02-29')
    expect(vnDateToIso('29/02/2025')).toBeUndefined()
    expect(vnDateToIso('31/04/2025')).toBeUndefined()
    expect(vnDateToIso('12/13/2025')).toBeUndefined()
    expect(vnDateToIso('20/11')).toBeUndefined()
  })

  it('masks typing into dd/mm/yyyy', () => {
    expect(maskVnDate('2')).toBe('2')
    expect(maskVnDate('20')).toBe('20')
    expect(maskVnDate('201')).toBe('20/1')
    expect(maskVnDate('20112026')).toBe('20/11/2026')
    expect(maskVnDate('20/11/2026')).toBe('20/11/2026')
    expect(maskVnDate('201120261234')).toBe('20/11/2026')
    expect(maskVnDate('5.3.1997')).toBe('05/03/1997')
    expect(maskVnDate('5/')).toBe('05/')
    expect(maskVnDate('05/03/')).toBe('05/03/')
    expect(maskVnDate('ab12')).toBe('12')
    expect(maskVnDate('')).toBe('')
  })

  it('lets a person delete back through a slash', () => {
    expect(maskVnDate('20/1')).toBe('20/1')
    expect(maskVnDate('20/')).toBe('20/')
    expect(maskVnDate('20')).toBe('20')
  })
})
