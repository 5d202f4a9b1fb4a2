import { describe, expect, it } from 'vitest'
import { checkRules } from './check-rules'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { sampleDefinition } from './test-fixture'

/** The `rule.*` issues of one component rule over a given form schema. */
function issuesFor(rule: unknown, schema?: Record<string, unknown>): string[] {
  const def: ProcedureDefinition = sampleDefinition()
  if (schema) def.form.schema = { type: 'object', properties: {}, ...schema }
  def.components = [{ key: 'c', name: 'C', required: true, when: rule as ProcedureDefinition['components'][0]['when'] }]
  def.fees = []
  def.cases = []
  def.steps.forEach((step) => step.actions.forEach((action) => delete action.guard))
  return checkRules(def).map((issue) => `${issue.code} ${issue.path}`)
}

describe('checkRules', () => {
  it('accepts form paths, nested objects and case', () => {
    expect(
      issuesFor({ and: [{ var: 'form.nguoi_yeu_cau.ho_ten' }, { '==': [{ var: 'case' }, 'x'] }, { var: '' }] }),
    ).toEqual([])
    expect(issuesFor(true)).toEqual([])
    expect(issuesFor({ var: 'form' })).toEqual([])
  })

  it('rejects paths below case and unknown roots', () => {
    expect(issuesFor({ var: 'case.key' })).toEqual(['rule.unknownVar /components/0/when/var'])
    expect(issuesFor({ var: 'so_trang' })).toEqual(['rule.unknownVar /components/0/when/var'])
  })

  it('follows array items by numeric segment and length', () => {
    expect(issuesFor({ '>': [{ var: 'form.giay_to.0.so_trang' }, { var: 'form.giay_to.length' }] })).toEqual([])
    expect(issuesFor({ var: 'form.giay_to.x' })).toEqual(['rule.unknownVar /components/0/when/var'])
  })

  it('scopes per-item rules to the array items, and reduce to current/accumulator', () => {
    expect(issuesFor({ all: [{ var: 'form.giay_to' }, { var: 'ten' }] })).toEqual([])
    expect(issuesFor({ filter: [{ var: 'form.giay_to' }, { var: 'form.so_ban' }] })).toEqual([
      'rule.unknownVar /components/0/when/filter/1/var',
    ])
    const sum = { reduce: [{ var: 'form.giay_to' }, { '+': [{ var: 'accumulator' }, { var: 'current.so_trang' }] }, 0] }
    expect(issuesFor(sum)).toEqual([])
    const wrong = { reduce: [{ var: 'form.giay_to' }, { '+': [{ var: 'acc' }, { var: 'current.trang' }] }, 0] }
    expect(issuesFor(wrong)).toEqual([
      'rule.unknownVar /components/0/when/reduce/1/+/0/var',
      'rule.unknownVar /components/0/when/reduce/1/+/1/var',
    ])
  })

  it('does not check per-item rules over computed arrays', () => {
    expect(issuesFor({ map: [{ merge: [[1], [2]] }, { var: 'anything' }] })).toEqual([])
  })

  it('checks the keys of missing and missing_some', () => {
    expect(issuesFor({ missing: ['form.so_trang', 'form.khong_co'] })).toEqual([
      'rule.unknownVar /components/0/when/missing/1',
    ])
    expect(issuesFor({ missing_some: [1, ['form.so_ban', 'form.x']] })).toEqual([
      'rule.unknownVar /components/0/when/missing_some/1/1',
    ])
  })

  it('follows local $ref, allOf, if/then/else, dependencies, patternProperties and additionalProperties', () => {
    const schema = {
      definitions: { nguoi: { type: 'object', properties: { ten: { type: 'string' } } } },
      properties: {
        me: { $ref: '#/definitions/nguoi' },
        cha: { allOf: [{ $ref: '#/definitions/nguoi' }] },
        loai: { type: 'string' },
        tu_do: { type: 'object', additionalProperties: { type: 'string' } },
        mau: { type: 'object', patternProperties: { '^so_': { type: 'integer' } } },
      },
      if: { properties: { loai: { const: 'a' } } },
      then: { properties: { chi_tiet_a: { type: 'string' } } },
      else: { properties: { chi_tiet_b: { type: 'string' } } },
      dependencies: { loai: { properties: { ly_do: { type: 'string' } } } },
    }
    const paths = ['me.ten', 'cha.ten', 'chi_tiet_a', 'chi_tiet_b', 'ly_do', 'tu_do.bat_ky', 'mau.so_1']
    expect(issuesFor({ and: paths.map((p) => ({ var: `form.${p}` })) }, schema)).toEqual([])
    expect(issuesFor({ and: [{ var: 'form.me.tuoi' }, { var: 'form.mau.x' }] }, schema)).toEqual([
      'rule.unknownVar /components/0/when/and/0/var',
      'rule.unknownVar /components/0/when/and/1/var',
    ])
  })

  it('never resolves inherited object members', () => {
    expect(issuesFor({ var: 'form.constructor' })).toEqual(['rule.unknownVar /components/0/when/var'])
    expect(issuesFor({ var: 'form.__proto__' })).toEqual(['rule.unknownVar /components/0/when/var'])
  })

  it('escapes operators in JSON pointers', () => {
    expect(issuesFor({ '/': [{ var: 'form.x' }, 2] })).toEqual(['rule.unknownVar /components/0/when/~1/0/var'])
  })

  it('flags custom and dotted operators, and log', () => {
    expect(issuesFor({ 'Math.max': [1, 2] })).toEqual(['rule.unknownOperator /components/0/when/Math.max'])
    expect(issuesFor({ method: ['x', 'toString'] })).toEqual(['rule.unknownOperator /components/0/when/method'])
    expect(issuesFor({ if: [true, { log: 1 }, 0] })).toEqual(['rule.unknownOperator /components/0/when/if/1/log'])
  })
})
