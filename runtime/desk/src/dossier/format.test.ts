import { describe, expect, it } from 'vitest'
import { fromLocalInput, localInput, when } from './format'

describe('times as the desk shows them', () => {
  it('reads and writes Vietnam time whatever the browser’s zone', () => {
    expect(when('2026-12-01T01:30:00Z')).toBe('08:30 01/12/2026')
    expect(when('2026-12-31T18:00:00.000Z')).toBe('01:00 01/01/2027')
    expect(when(null)).toBe('—')
    expect(localInput('2026-12-01T01:30:00Z')).toBe('2026-12-01T08:30')
    expect(new Date(fromLocalInput('2026-12-01T08:30')).toISOString()).toBe('2026-12-01T01:30:00.000Z')
  })
})
