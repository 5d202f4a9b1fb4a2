import { validateDefinition } from '@motcua/core'
import { describe, expect, it } from 'vitest'
import { blankDefinition } from './blank-definition'

describe('a procedure started from scratch', () => {
  it('is valid as it stands, with the four one-stop steps and the given code, name, level and field', () => {
    const definition = blankDefinition({
      code: '9.000001',
      name: 'Xác nhận thử nghiệm',
      level: 'commune',
      field: 'Hộ tịch',
      agency: 'Ủy ban nhân dân phường Hà Khánh',
      from: '2026-12-01',
    })
    const result = validateDefinition(definition)
    expect(result.ok ? [] : result.issues).toEqual([])
    expect(definition.steps.map((s) => s.key)).toEqual(['tiep_nhan', 'xu_ly', 'phe_duyet', 'tra_ket_qua'])
    expect(definition).toMatchObject({
      code: '9.000001',
      level: 'commune',
      field: 'Hộ tịch',
      effective: { from: '2026-12-01' },
    })
  })
})
