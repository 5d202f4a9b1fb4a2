import { describe, expect, it } from 'vitest'
import { addressQuery, apiQuery, quickPeriods, readQuery } from './query'

describe('the dashboard’s address', () => {
  it('keeps the period and the structure, and leaves the default view bare', () => {
    const q = readQuery(new URLSearchParams('tu=2025-01&den=2025-03&theo=khi-nop'))
    expect(q).toEqual({ from: '2025-01', to: '2025-03', structure: 'then' })
    expect(addressQuery(q)).toBe('?tu=2025-01&den=2025-03&theo=khi-nop')
    expect(apiQuery(q, { unit: '06649' })).toBe('unit=06649&from=2025-01&to=2025-03&structure=then')
    expect(readQuery(new URLSearchParams(''))).toEqual({ structure: 'now' })
    expect(addressQuery({ structure: 'now' })).toBe('')
    expect(apiQuery({ structure: 'now' })).toBe('structure=now')
    expect(readQuery(new URLSearchParams('theo=bat-ky')).structure).toBe('now')
  })

  it('offers this month, this quarter, this year and last year from the current month', () => {
    expect(quickPeriods('2025-05')).toEqual({
      thisMonth: { from: '2025-05', to: '2025-05' },
      thisQuarter: { from: '2025-04', to: '2025-05' },
      thisYear: { from: '2025-01', to: '2025-05' },
      lastYear: { from: '2024-01', to: '2024-12' },
    })
    expect(quickPeriods('2026-12').thisQuarter).toEqual({ from: '2026-10', to: '2026-12' })
    expect(quickPeriods('2026-01').thisQuarter).toEqual({ from: '2026-01', to: '2026-01' })
  })
})
