import { describe, expect, it } from 'vitest'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { sampleDefinition } from './test-fixture'
import { validateDefinition } from './validate-definition'

type Change = (def: ProcedureDefinition) => void

/** The sample (a commune procedure) received at its own counter by the receiving unit, steps 0 and 3 at the counter. */
const received = (def: ProcedureDefinition) => {
  def.reception = { anyUnit: { levels: ['commune'], from: '2025-07-01' } }
  for (const list of [def.steps, def.cases![0]!.steps!]) {
    list[0]!.unit = 'receiving'
    list[list.length - 1]!.unit = 'receiving'
  }
}

const codes = (change: Change) => {
  const def = sampleDefinition()
  change(def)
  const result = validateDefinition(def)
  return result.ok ? [] : result.issues.map((i) => [i.code, i.path])
}

describe('receiving and resolving units, liên thông steps', () => {
  it('accepts reception at a centre and a step handled by the district above', () => {
    expect(
      codes((def) => {
        received(def)
        def.steps[1]!.unit = { up: 'district' }
        def.steps[2]!.unit = { code: 'CTHUE' }
      }),
    ).toEqual([])
  })

  const broken: [string, Change, [string, string][]][] = [
    [
      'a step at the receiving unit without a reception',
      (def) => void (def.steps[3]!.unit = 'receiving'),
      [['step.receivingWithoutReception', '/steps/3/unit']],
    ],
    [
      'a reception whose first step is not at the receiving unit',
      (def) => {
        received(def)
        delete def.steps[0]!.unit
      },
      [['step.receptionNotAtReceiving', '/steps/0']],
    ],
    [
      'a reception whose first step names another unit',
      (def) => {
        received(def)
        def.cases![0]!.steps![0]!.unit = { code: 'TTPVHCC' }
      },
      [['step.receptionNotAtReceiving', '/cases/0/steps/0/unit']],
    ],
    [
      '{"up"} to the procedure’s own level',
      (def) => void (def.steps[1]!.unit = { up: 'commune' }),
      [['unitRef.upSameLevel', '/steps/1/unit/up']],
    ],
    [
      'a reception at the receiving unit itself',
      (def) => {
        received(def)
        def.reception!.unit = 'receiving'
      },
      [['reception.selfReference', '/reception/unit']],
    ],
    [
      'reception anywhere with neither levels nor units',
      (def) => {
        received(def)
        def.reception!.anyUnit = { from: '2025-07-01' }
      },
      [['reception.anyUnitEmpty', '/reception/anyUnit']],
    ],
    [
      'reception anywhere naming "receiving"',
      (def) => {
        received(def)
        def.reception!.anyUnit = { units: [{ code: 'TTPVHCC' }, 'receiving'] }
      },
      [['reception.selfReference', '/reception/anyUnit/units/1']],
    ],
    [
      'a citizen working a step of another unit',
      (def) => {
        def.steps[1]!.unit = { up: 'district' }
        def.steps[1]!.role = 'citizen'
      },
      [['step.roleNotAtUnit', '/steps/1/role']],
    ],
    [
      'a leader at the receiving unit’s counter',
      (def) => {
        received(def)
        def.steps[2]!.unit = 'receiving'
      },
      [['step.roleNotAtUnit', '/steps/2/role']],
    ],
  ]
  it.each(broken)('rejects %s at its exact path', (_, change, expected) => {
    expect(codes(change)).toEqual(expected)
  })

  it('rejects a malformed unit reference by the meta-schema, at the step', () => {
    const def = sampleDefinition()
    Object.assign(def.steps[1]!, { unit: { up: 'district', code: 'X' } })
    const result = validateDefinition(def)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain('/steps/1/unit')
  })

  it('says what to do in both languages', () => {
    const def = sampleDefinition()
    def.steps[3]!.unit = 'receiving'
    const result = validateDefinition(def)
    if (result.ok) throw new Error('expected issues')
    expect(result.issues[0]!.message.vi).toContain('Hãy thêm "reception"')
    expect(result.issues[0]!.message.en).toContain('Add "reception"')
  })
})
