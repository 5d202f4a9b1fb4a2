import { describe, expect, it } from 'vitest'
import type { ProcedureDefinition, Step } from './procedure-definition.generated'
import { sampleDefinition } from './test-fixture'
import { validateDefinition } from './validate-definition'

/** The sample with a consultation step between processing and signing: 10 working days in all. */
function consulting(): ProcedureDefinition {
  const def = sampleDefinition()
  def.processingTime = { kind: 'workingDays', days: 10 }
  def.steps[1]!.actions[0]!.to = 'lay_y_kien'
  const step: Step = {
    key: 'lay_y_kien',
    name: 'Lấy ý kiến các cơ quan liên quan',
    role: 'specialist',
    status: 4,
    budget: { kind: 'workingDays', days: 5 },
    consult: {
      units: [{ code: 'STNMT' }, { code: 'SXD' }, { up: 'district' }],
      role: 'specialist',
      budget: { kind: 'workingDays', days: 3 },
      quorum: 'all',
      then: 'phe_duyet',
    },
    actions: [{ key: 'tra_lai', type: 'sendBack', label: 'Trả lại', to: 'xu_ly', requires: ['note'] }],
  }
  def.steps.splice(2, 0, step)
  return def
}
const consultOf = (def: ProcedureDefinition) => def.steps[2]!.consult!

const broken: [name: string, breakIt: (def: ProcedureDefinition) => void, expected: [string, string][]][] = [
  [
    'then names no step (and the steps after it are orphaned)',
    (def) => void (consultOf(def).then = 'ky_duyet'),
    [
      ['step.noTerminal', '/steps/1'],
      ['step.noTerminal', '/steps/2'],
      ['step.unreachable', '/steps/3'],
      ['step.unreachable', '/steps/4'],
      ['consult.unknownThen', '/steps/2/consult/then'],
    ],
  ],
  [
    'then names the consultation step itself',
    (def) => {
      consultOf(def).then = 'lay_y_kien'
      def.steps[2]!.actions.push({ key: 'dung', type: 'stop', label: 'Dừng', to: '$stopped' })
    },
    [
      ['step.unreachable', '/steps/3'],
      ['step.unreachable', '/steps/4'],
      ['consult.unknownThen', '/steps/2/consult/then'],
    ],
  ],
  [
    'a quorum above the units asked',
    (def) => void (consultOf(def).quorum = 4),
    [['consult.quorumTooLarge', '/steps/2/consult/quorum']],
  ],
  [
    'the same unit asked twice',
    (def) => void consultOf(def).units.push({ code: 'SXD' }),
    [['consult.duplicateUnit', '/steps/2/consult/units/3']],
  ],
  [
    'a consultation longer than its step',
    (def) => void (consultOf(def).budget = { kind: 'workingDays', days: 6 }),
    [['consult.budgetExceedsStep', '/steps/2/consult/budget']],
  ],
  [
    'a consultation longer than the whole processing time (step without a budget)',
    (def) => {
      delete def.steps[2]!.budget
      consultOf(def).budget = { kind: 'workingDays', days: 11 }
    },
    [['consult.budgetExceedsTotal', '/steps/2/consult/budget']],
  ],
  [
    'a consultation step that forwards by hand',
    (def) => def.steps[2]!.actions.push({ key: 'chuyen', type: 'forward', label: 'Chuyển', to: 'phe_duyet' }),
    [['consult.action', '/steps/2/actions/1/type']],
  ],
  [
    'a consultation step that asks for a supplement',
    (def) =>
      def.steps[2]!.actions.unshift({
        key: 'bo_sung',
        type: 'requestSupplement',
        label: 'Yêu cầu bổ sung',
        requires: ['missingItems'],
      }),
    [['consult.action', '/steps/2/actions/0/type']],
  ],
  [
    'a consultation step showing the result as ready',
    (def) => void (def.steps[2]!.status = 9),
    [['consult.status', '/steps/2/status']],
  ],
  [
    'an unknown answering role',
    (def) => void (consultOf(def).role = 'clerk'),
    [['consult.unknownRole', '/steps/2/consult/role']],
  ],
  [
    'reception straight into the consultation',
    (def) => void (def.steps[0]!.actions[0]!.to = 'lay_y_kien'),
    [['consult.atReception', '/steps/0/actions/0/to']],
  ],
  [
    'a consultation at the first step',
    (def) =>
      void (def.steps[0]!.consult = {
        units: [{ code: 'STP' }],
        budget: { kind: 'workingHours', hours: 1 },
        then: 'xu_ly',
      }),
    [
      ['consult.firstStep', '/steps/0/consult'],
      ['consult.status', '/steps/0/status'],
      ['consult.action', '/steps/0/actions/0/type'],
      ['consult.action', '/steps/0/actions/1/type'],
      ['consult.action', '/steps/0/actions/2/type'],
    ],
  ],
  [
    'a quorum of zero',
    (def) => void (consultOf(def).quorum = 0),
    [
      ['const', '/steps/2/consult/quorum'],
      ['minimum', '/steps/2/consult/quorum'],
      ['oneOf', '/steps/2/consult/quorum'],
    ],
  ],
  ['no units', (def) => void (consultOf(def).units = []), [['minItems', '/steps/2/consult/units']]],
]

describe('consultation steps (lấy ý kiến)', () => {
  it('accepts a consultation step whose then leads on (and counts then for the graph)', () => {
    const def = consulting()
    def.steps[2]!.actions = []
    expect(validateDefinition(def)).toMatchObject({ ok: true })
  })

  it.each(broken)('%s', (_name, breakIt, expected) => {
    const def = consulting()
    breakIt(def)
    const result = validateDefinition(def)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((i) => [i.code, i.path])).toEqual(expected)
    for (const i of result.issues) expect(i.message.vi.length).toBeGreaterThan(10)
  })

  it('checks a case’s own steps against the case’s processing time', () => {
    const def = consulting()
    def.cases![0]!.processingTime = { kind: 'workingDays', days: 1 }
    const caseSteps = def.cases![0]!.steps!
    caseSteps[1]!.actions[0]!.to = 'hoi_y_kien'
    caseSteps.splice(2, 0, {
      key: 'hoi_y_kien',
      name: 'Hỏi ý kiến',
      role: 'specialist',
      status: 4,
      consult: { units: [{ code: 'STP' }], budget: { kind: 'workingDays', days: 2 }, then: 'tra_ket_qua' },
      actions: [],
    })
    const result = validateDefinition(def)
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path])).toContainEqual([
      'consult.budgetExceedsTotal',
      '/cases/0/steps/2/consult/budget',
    ])
  })

  it('tells the administrator what to do', () => {
    const def = consulting()
    consultOf(def).quorum = 5
    const result = validateDefinition(def)
    expect(result.ok ? undefined : result.issues[0]?.message.vi).toBe(
      'Cần 5 ý kiến nhưng chỉ hỏi 3 đơn vị: hãy giảm số ý kiến cần (quorum) hoặc dùng "all"',
    )
  })
})
