import { describe, expect, it } from 'vitest'
import { decisionsDefinition } from './decisions-fixture'
import type { ProcedureDefinition, StepAction } from './procedure-definition.generated'
import { validateDefinition } from './validate-definition'

type Break = (def: ProcedureDefinition) => void
const action = (def: ProcedureDefinition, step: number, i: number) => def.steps[step]!.actions[i]!
const chooser = (def: ProcedureDefinition) => action(def, 1, 2)
const signing = (def: ProcedureDefinition) => action(def, 2, 0)

// Each row breaks the valid fixture in one way and lists every issue expected, as [code, path].
const broken: [name: string, breakIt: Break, expected: [string, string][]][] = [
  [
    'a guard reading a decision field no input defines',
    (def) => void (action(def, 3, 0).guard = { '!!': [{ var: 'decision.duyet.so_vb' }] }),
    [['rule.unknownVar', '/steps/3/actions/0/guard/!!/0/var']],
  ],
  [
    'a rule reading a decision of an action that asks nothing',
    (def) => void (action(def, 3, 0).guard = { '!!': [{ var: 'decision.trinh_ky.so_van_ban' }] }),
    [['rule.unknownVar', '/steps/3/actions/0/guard/!!/0/var']],
  ],
  [
    'a component condition reading a decision (at submission there is none)',
    (def) => void (def.components[2]!.when = { '==': [{ var: 'decision.duyet.ket_luan' }, 'dat'] }),
    [['rule.decisionTooEarly', '/components/2/when/==/0/var']],
  ],
  [
    'an input schema with several mistakes: all reported at once, each at its path',
    (def) =>
      void Object.assign(signing(def).input!, {
        properties: {
          so_van_ban: { type: 'string', pattern: '([0-9]+', minimum: 1 },
          ket_luan: { type: 'string', enum: ['dat', 2] },
          so_trang: { type: 'integer', minimum: 5, maximum: 1, default: 'mot' },
        },
        required: ['so_van_ban', 'ngay'],
      }),
    [
      ['action.input.invalid', '/steps/2/actions/0/input/required/1'],
      ['action.input.invalid', '/steps/2/actions/0/input/properties/so_van_ban/minimum'],
      ['action.input.invalid', '/steps/2/actions/0/input/properties/so_van_ban/pattern'],
      ['action.input.invalid', '/steps/2/actions/0/input/properties/ket_luan/enum/1'],
      ['action.input.invalid', '/steps/2/actions/0/input/properties/so_trang/default'],
      ['action.input.invalid', '/steps/2/actions/0/input/properties/so_trang/minimum'],
    ],
  ],
  [
    'an input field with a keyword outside the small subset (a $ref)',
    (def) =>
      void Object.assign(signing(def).input!.properties.so_van_ban!, { $ref: 'https://example.com/schema.json' }),
    [['additionalProperties', '/steps/2/actions/0/input/properties/so_van_ban/$ref']],
  ],
  [
    'an input field of a type the desk cannot render',
    (def) => void Object.assign(signing(def).input!.properties.ket_luan!, { type: 'array' }),
    [['enum', '/steps/2/actions/0/input/properties/ket_luan/type']],
  ],
  [
    'choosing a case in a procedure without cases',
    (def) => {
      delete def.cases
    },
    [['action.setsCaseNoCases', '/steps/1/actions/2/setsCase']],
  ],
  [
    'choosing a case that does not exist',
    (def) => void (chooser(def).input!.properties.case!.enum = ['can_xac_minh', 'xac_minh_lai']),
    [['action.setsCaseUnknownCase', '/steps/1/actions/2/input/properties/case/enum/1']],
  ],
  [
    'choosing a case without a case field',
    (def) => void (chooser(def).input = { type: 'object', properties: { ly_do: { type: 'string' } } }),
    [['action.setsCaseNoInput', '/steps/1/actions/2/input/properties']],
  ],
  [
    'choosing a case with a request for a supplement (it keeps the step)',
    (def) =>
      void Object.assign(action(def, 0, 2), {
        setsCase: true,
        input: { type: 'object', properties: { case: { type: 'string' } } },
      } satisfies Partial<StepAction>),
    [['action.setsCaseNotMoving', '/steps/0/actions/2/setsCase']],
  ],
  [
    'asking for input at reception (counter intake receives at once)',
    (def) =>
      void Object.assign(action(def, 0, 0), {
        setsCase: true,
        input: { type: 'object', properties: { case: { type: 'string' } } },
      } satisfies Partial<StepAction>),
    [
      ['action.inputOnReceive', '/steps/0/actions/0/input'],
      ['action.setsCaseNotMoving', '/steps/0/actions/0/setsCase'],
    ],
  ],
  [
    'choosing a case whose steps do not have the target',
    (def) => void (chooser(def).to = 'phe_duyet'),
    [['action.targetNotInCase', '/steps/1/actions/2/to']],
  ],
  [
    'a route to a step that does not exist',
    (def) => void (signing(def).routes![0]!.to = 'xu_li'),
    [['action.unknownTarget', '/steps/2/actions/0/routes/0/to']],
  ],
  [
    'a route of a forward action to an outcome',
    (def) => void (signing(def).routes![0]!.to = '$returned'),
    [['action.targetMismatch', '/steps/2/actions/0/routes/0/to']],
  ],
  [
    'routes on an action that keeps the step',
    (def) => void (action(def, 1, 1).routes = [{ when: true, to: 'phe_duyet' }]),
    [['action.routesWithoutTarget', '/steps/1/actions/1/routes']],
  ],
  [
    'a case without a condition that no officer can choose',
    (def) => void def.steps[1]!.actions.pop(),
    [['case.neverChosen', '/cases/0']],
  ],
]

describe('validateDefinition: officer decisions', () => {
  it('accepts the fixture', () => {
    expect(validateDefinition(decisionsDefinition())).toMatchObject({ ok: true })
  })

  it('treats the step a chosen case leads to as an entry of its step list', () => {
    const def = decisionsDefinition()
    // the case's own reception no longer leads to xac_minh: only the officer's choice does
    def.cases![0]!.steps![0]!.actions[0]!.to = 'tra_ket_qua'
    expect(validateDefinition(def)).toMatchObject({ ok: true })
  })

  it.each(broken)('%s', (_name, breakIt, expected) => {
    const def = decisionsDefinition()
    breakIt(def)
    const result = validateDefinition(def)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((i) => [i.code, i.path])).toEqual(expected)
    for (const i of result.issues) expect(i.message.vi.length).toBeGreaterThan(10)
  })
})
