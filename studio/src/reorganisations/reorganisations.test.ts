import { describe, expect, it } from 'vitest'
import { dayOf, filterRows, parsePlanFile, vietnamDay } from './reorganisations'

describe('the reorganisation screens’ helpers', () => {
  it('writes days as Vietnamese read them, an instant in Vietnam time', () => {
    expect(dayOf('2020-01-01')).toBe('01/01/2020')
    // 17:30 UTC on 30 June is already 1 July in Vietnam
    expect(dayOf('2025-06-30T17:30:00.000Z')).toBe('01/07/2025')
    expect(vietnamDay(new Date('2025-06-30T16:59:00Z'))).toBe('2025-06-30')
  })

  it('filters rows by name or code, diacritics and case ignored', () => {
    const moves = [
      { from: { code: '06649', name: 'Phường Hà Khánh' } },
      { from: { code: '204', name: 'Huyện Hoành Bồ' } },
    ]
    const text = (m: (typeof moves)[number]) => `${m.from.name} ${m.from.code}`
    expect(filterRows(moves, 'hoanh bo', text).map((m) => m.from.code)).toEqual(['204'])
    expect(filterRows(moves, '0664', text).map((m) => m.from.code)).toEqual(['06649'])
    expect(filterRows(moves, '  ', text)).toHaveLength(2)
  })

  it('reads a plan file: a JSON object, else why not', () => {
    expect(parsePlanFile('{"name": "2020-01-01-x"}')).toEqual({ plan: { name: '2020-01-01-x' } })
    expect(parsePlanFile('{ "name": ')).toMatchObject({ error: 'invalidJson' })
    expect(parsePlanFile('[1, 2]')).toEqual({ error: 'notObject' })
    expect(parsePlanFile('null')).toEqual({ error: 'notObject' })
  })
})
