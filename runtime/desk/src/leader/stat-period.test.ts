import { describe, expect, it } from 'vitest'
import { periodFor } from './stat-period'

describe('the periods a leader picks', () => {
  const may = new Date('2025-05-20T10:00:00+07:00')

  it('spans this month, this quarter or this year so far, in Vietnam time', () => {
    expect(periodFor('month', may)).toEqual({ from: '2025-05', to: '2025-05' })
    expect(periodFor('quarter', may)).toEqual({ from: '2025-04', to: '2025-05' })
    expect(periodFor('year', may)).toEqual({ from: '2025-01', to: '2025-05' })
    expect(periodFor('quarter', new Date('2025-12-01T09:00:00+07:00'))).toEqual({ from: '2025-10', to: '2025-12' })
    // 1 October 00:30 in Vietnam is still September in UTC: the new quarter has begun
    expect(periodFor('quarter', new Date('2025-09-30T17:30:00Z'))).toEqual({ from: '2025-10', to: '2025-10' })
  })

  it('keeps the months chosen by hand', () => {
    expect(periodFor('custom', may, { from: '2024-07', to: '2024-09' })).toEqual({ from: '2024-07', to: '2024-09' })
    expect(periodFor('custom', may)).toEqual({ from: '2025-05', to: '2025-05' })
  })
})
