import { describe, expect, it } from 'vitest'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { sampleDefinition } from './test-fixture'
import { validateDefinition } from './validate-definition'

type Break = (def: ProcedureDefinition) => void
const step = (def: ProcedureDefinition, i: number) => def.steps[i]!
const caseSteps = (def: ProcedureDefinition) => def.cases![0]!.steps!

// Each row breaks the valid sample in one way and lists every issue expected, as [code, path].
const broken: [name: string, breakIt: Break, expected: [string, string][]][] = [
  [
    'form schema with an unknown keyword (ajv strict)',
    (def) => Object.assign(def.form.schema.properties, { ghi_chu: { type: 'string', widget: 'textarea' } }),
    [['form.schema.invalid', '/form/schema/properties/ghi_chu/widget']],
  ],
  [
    'form schema with a keyword of the wrong type (strictTypes)',
    (def) => Object.assign(def.form.schema.properties, { tuoi: { type: 'integer', minLength: 1 } }),
    [['form.schema.invalid', '/form/schema/properties/tuoi/minLength']],
  ],
  [
    'form schema with an unknown format',
    (def) => Object.assign(def.form.schema.properties, { dien_thoai: { type: 'string', format: 'phone' } }),
    [['form.schema.invalid', '/form/schema/properties/dien_thoai/format']],
  ],
  [
    'a step nobody leads to',
    (def) => {
      def.steps.push({
        key: 'thua',
        name: 'Thừa',
        role: 'specialist',
        status: 4,
        actions: [{ key: 'tra', type: 'return', label: 'Trả', to: '$returned' }],
      })
    },
    [['step.unreachable', '/steps/4']],
  ],
  [
    'a step with no way out',
    (def) => {
      step(def, 0).actions.push({ key: 'treo', type: 'forward', label: 'Treo', to: 'treo' })
      def.steps.push({
        key: 'treo',
        name: 'Treo',
        role: 'specialist',
        status: 4,
        actions: [{ key: 'xin_loi', type: 'extend', label: 'Xin lỗi', requires: ['newDueAt'] }],
      })
    },
    [['step.noTerminal', '/steps/4']],
  ],
  [
    'an action to a step that does not exist',
    (def) => void (step(def, 2).actions[1]!.to = 'xu_li'),
    [['action.unknownTarget', '/steps/2/actions/1/to']],
  ],
  [
    'a lost target also orphans the steps after it',
    (def) => void (caseSteps(def)[1]!.actions[0]!.to = 'tra_kq'),
    [
      ['action.unknownTarget', '/cases/0/steps/1/actions/0/to'],
      ['step.unreachable', '/cases/0/steps/2'],
    ],
  ],
  ['an unknown step role', (def) => void (step(def, 1).role = 'clerk'), [['step.unknownRole', '/steps/1/role']]],
  [
    'an unknown action role',
    (def) => void (step(def, 2).actions[1]!.roles = ['leader', 'boss']),
    [['action.unknownRole', '/steps/2/actions/1/roles/1']],
  ],
  ['a terminal status on a step', (def) => void (step(def, 1).status = 10), [['step.badStatus', '/steps/1/status']]],
  ['status 1 after the first step', (def) => void (step(def, 2).status = 1), [['step.badStatus', '/steps/2/status']]],
  ['status 9 on the first step', (def) => void (step(def, 0).status = 9), [['step.badStatus', '/steps/0/status']]],
  [
    'two components with one key',
    (def) => void (def.components[2]!.key = 'ban_chinh'),
    [['key.duplicate', '/components/2/key']],
  ],
  [
    'two actions of a step with one key',
    (def) => void (step(def, 0).actions[2]!.key = 'tiep_nhan'),
    [['key.duplicate', '/steps/0/actions/2/key']],
  ],
  ['two fees with one key', (def) => void (def.fees[1]!.key = 'phi_chung_thuc'), [['key.duplicate', '/fees/1/key']]],
  [
    'a plugin listed twice',
    (def) => def.plugins!.push({ slug: 'vietnam-qr-pay' }),
    [['key.duplicate', '/plugins/1/slug']],
  ],
  [
    'step budgets beyond a same-day time',
    (def) => void (step(def, 1).budget = { kind: 'workingDays', days: 1 }),
    [['budget.exceedsTotal', '/steps']],
  ],
  [
    "a case's steps beyond its own time",
    (def) => void (def.cases![0]!.processingTime = { kind: 'workingDays', days: 3 }),
    [['budget.exceedsTotal', '/cases/0/steps']],
  ],
  [
    "a case's shorter time for the base steps",
    (def) => {
      def.cases![0]!.processingTime = { kind: 'workingHours', hours: 4 }
      delete def.cases![0]!.steps
    },
    [['budget.exceedsTotal', '/cases/0/processingTime']],
  ],
  [
    'a component rule reading a field that does not exist',
    (def) => void (def.components[1]!.when = { '==': [{ var: 'form.nguoi_yeu_cau.la_uy_quyen' }, true] }),
    [['rule.unknownVar', '/components/1/when/==/0/var']],
  ],
  [
    'a per-item rule reading a field the items lack',
    (def) =>
      void (step(def, 1).actions[0]!.guard = { some: [{ var: 'form.giay_to' }, { '>': [{ var: 'so_tran' }, 0] }] }),
    [['rule.unknownVar', '/steps/1/actions/0/guard/some/1/>/0/var']],
  ],
  [
    'a fee rule reading outside form and case',
    (def) => void (def.fees[0]!.rule = { '*': [{ var: ['dossier.pages', 0] }, 2000] }),
    [['rule.unknownVar', '/fees/0/rule/*/0/var/0']],
  ],
  [
    'a case rule with an operator outside the allow-list',
    (def) => void (def.cases![0]!.when = { log: { var: 'form.can_xac_minh' } }),
    [['rule.unknownOperator', '/cases/0/when/log']],
  ],
  [
    'a rule object with two operators',
    (def) => void (def.components[1]!.when = { '==': [1, 1], '!=': [1, 2] }),
    [['rule.invalid', '/components/1/when']],
  ],
  [
    'a computed var path',
    (def) => void (step(def, 1).actions[0]!.guard = { var: { cat: ['form.', 'so_ban'] } }),
    [['rule.invalid', '/steps/1/actions/0/guard/var']],
  ],
  [
    'a fee with both an amount and a rule',
    (def) => Object.assign(def.fees[1]!, { rule: { '+': [1, 2] } }),
    [['fee.amountXorRule', '/fees/1']],
  ],
  ['a fee with neither', (def) => void delete def.fees[1]!.amount, [['fee.amountXorRule', '/fees/1']]],
  [
    'a refusal that leads to a step',
    (def) => void (step(def, 0).actions[1]!.to = 'xu_ly'),
    [['action.targetMismatch', '/steps/0/actions/1/to']],
  ],
  [
    'an approval that ends the dossier',
    (def) => void (step(def, 2).actions[0]!.to = '$returned'),
    [
      ['action.targetMismatch', '/steps/2/actions/0/to'],
      ['step.unreachable', '/steps/3'],
    ],
  ],
  [
    'a moving action without a target',
    (def) => step(def, 1).actions.push({ key: 'chuyen', type: 'forward', label: 'Chuyển' }),
    [['action.missingTarget', '/steps/1/actions/2']],
  ],
  [
    'a clock pause on an action that is no payment request',
    (def) => void (step(def, 1).actions[0]!.pausesClock = true),
    [['action.pausesClockNotPayment', '/steps/1/actions/0/pausesClock']],
  ],
  [
    'a payment request that stops the clock with no way to confirm the payment',
    (def) => void (step(def, 1).actions[1]!.pausesClock = true),
    [['step.noConfirmPayment', '/steps/1']],
  ],
  [
    'a staying action with a target',
    (def) => void (step(def, 0).actions[2]!.to = 'xu_ly'),
    [['action.unexpectedTarget', '/steps/0/actions/2/to']],
  ],
  // The meta-schema, through the ajv helper's `toIssues`.
  ['a status out of range', (def) => void (step(def, 1).status = 11), [['maximum', '/steps/1/status']]],
  [
    'an unknown processing time kind',
    (def) => void Object.assign(def.processingTime, { kind: 'weeks' }),
    [['discriminator', '/processingTime/kind']],
  ],
  ['a missing name', (def) => void delete (def as Partial<ProcedureDefinition>).name, [['required', '/name']]],
  [
    'an unknown property',
    (def) => void Object.assign(step(def, 0), { deadline: 3 }),
    [['additionalProperties', '/steps/0/deadline']],
  ],
  ['a key with diacritics', (def) => void (def.fees[1]!.key = 'lệ_phí'), [['pattern', '/fees/1/key']]],
  // Channel, dates and constants (FORMAT.md, "Rules that see the channel and dates", "Named constants").
  [
    'a rule reading a constant the procedure does not declare',
    (def) => {
      def.constants = { le_phi_qua_han: { name: 'Lệ phí quá hạn', value: 5000 } }
      def.fees[1] = { key: 'le_phi', name: 'Lệ phí', rule: { '*': [{ var: 'const.le_phi_qua_hn' }, 1] } }
    },
    [['rule.unknownConstant', '/fees/1/rule/*/0/var']],
  ],
  [
    'a constant read with a path below it',
    (def) => {
      def.constants = { le_phi: { name: 'Lệ phí', value: 5000 } }
      step(def, 1).actions[0]!.guard = { '>': [{ var: 'const.le_phi.value' }, 0] }
    },
    [['rule.unknownConstant', '/steps/1/actions/0/guard/>/0/var']],
  ],
  [
    'a constant with a key that is not snake case',
    (def) => void (def.constants = { 'Le-phi': { name: 'Lệ phí', value: 5000 } }),
    [['propertyNames', '/constants/Le-phi']],
  ],
  [
    'a negative constant',
    (def) => void (def.constants = { le_phi: { name: 'Lệ phí', value: -1 } }),
    [['minimum', '/constants/le_phi/value']],
  ],
  [
    'a date operator with one date',
    (def) => void (step(def, 1).actions[0]!.guard = { '>': [{ days_between: [{ var: 'today' }] }, 60] }),
    [['rule.invalid', '/steps/1/actions/0/guard/>/0/days_between']],
  ],
  [
    'a date operator given a date that does not exist',
    (def) =>
      void (step(def, 1).actions[0]!.guard = { '>=': [{ years_between: ['2025-02-30', { var: 'today' }] }, 18] }),
    [['rule.notADate', '/steps/1/actions/0/guard/>=/0/years_between/0']],
  ],
  [
    'a date operator reading a field that is no date',
    (def) =>
      void (step(def, 1).actions[0]!.guard = {
        '>': [{ days_between: [{ var: 'form.so_trang' }, { var: 'today' }] }, 60],
      }),
    [['rule.notADate', '/steps/1/actions/0/guard/>/0/days_between/0']],
  ],
  [
    'a channel that does not exist',
    (def) =>
      void (step(def, 1).actions[0]!.guard = {
        or: [{ '==': [{ var: 'channel' }, 'truc_tuyen'] }, { in: [{ var: 'channel' }, ['post', 'buu_dien']] }],
      }),
    [
      ['rule.unknownChannel', '/steps/1/actions/0/guard/or/0/==/1'],
      ['rule.unknownChannel', '/steps/1/actions/0/guard/or/1/in/1/1'],
    ],
  ],
  [
    'a fee that goes below 0 when many pages are certified',
    (def) => void (def.fees[0]!.rule = { '-': [50000, { '*': [{ var: 'form.so_trang' }, 2000] }] }),
    [['fee.mayBeNegative', '/fees/0/rule']],
  ],
  [
    'an online reduction larger than the fee',
    (def) => {
      def.constants = { le_phi: { name: 'Lệ phí', value: 5000 }, giam_truc_tuyen: { name: 'Giảm', value: 8000 } }
      def.fees[1] = {
        key: 'le_phi',
        name: 'Lệ phí',
        rule: {
          if: [
            { '==': [{ var: 'channel' }, 'online'] },
            { '-': [{ var: 'const.le_phi' }, { var: 'const.giam_truc_tuyen' }] },
            { var: 'const.le_phi' },
          ],
        },
      }
    },
    [['fee.mayBeNegative', '/fees/1/rule']],
  ],
  [
    'step budgets in calendar days beyond a total in calendar days',
    (def) => {
      def.processingTime = { kind: 'calendarDays', days: 10 }
      for (const s of def.steps) delete s.budget
      step(def, 1).budget = { kind: 'calendarDays', days: 7 }
      step(def, 2).budget = { kind: 'calendarDays', days: 5 }
      delete def.cases
    },
    [['budget.exceedsTotal', '/steps']],
  ],
  [
    'a step budget in calendar days that is not whole',
    (def) => void (step(def, 1).budget = { kind: 'calendarDays', days: 1.5 }),
    [['type', '/steps/1/budget/days']],
  ],
]

describe('validateDefinition on broken definitions', () => {
  it.each(broken)('%s', (_name, breakIt, expected) => {
    const def = sampleDefinition()
    breakIt(def)
    const result = validateDefinition(def)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual(expected)
    for (const issue of result.issues) {
      expect(issue.message.vi).not.toBe('')
      expect(issue.message.en).not.toBe('')
    }
  })

  it('collects every issue rather than stopping at the first', () => {
    const def = sampleDefinition()
    step(def, 1).role = 'clerk'
    step(def, 2).status = 10
    def.fees[1]!.key = 'phi_chung_thuc'
    def.cases![0]!.when = { log: 1 }
    const result = validateDefinition(def)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.issues.map((issue) => issue.code).sort()).toEqual([
        'key.duplicate',
        'rule.unknownOperator',
        'step.badStatus',
        'step.unknownRole',
      ])
    }
  })

  it('reports the ajv compile error of the form schema', () => {
    const def = sampleDefinition()
    Object.assign(def.form.schema.properties, { ghi_chu: { type: 'string', widget: 'textarea' } })
    const result = validateDefinition(def)
    expect(result.ok || result.issues[0]?.message.en).toContain('unknown keyword: "widget"')
  })
})
