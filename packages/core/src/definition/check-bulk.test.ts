import { describe, expect, it } from 'vitest'
import { decisionsDefinition } from './decisions-fixture'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { sampleDefinition } from './test-fixture'
import { validateDefinition } from './validate-definition'

const codes = (def: ProcedureDefinition) => {
  const result = validateDefinition(def)
  return result.ok ? [] : result.issues.map((i) => [i.code, i.path])
}

describe('bulk actions (ký duyệt hàng loạt)', () => {
  it('accepts bulk on a plain approval that asks nothing per dossier', () => {
    const def = sampleDefinition()
    def.steps[2]!.actions[0]!.bulk = true
    expect(codes(def)).toEqual([])
  })

  it.each<[string, (def: ProcedureDefinition) => void, string]>([
    [
      'a sendBack that requires a note',
      (def) => void (def.steps[2]!.actions[1]!.bulk = true),
      '/steps/2/actions/1/bulk',
    ],
    ['a refusal', (def) => void (def.steps[0]!.actions[1]!.bulk = true), '/steps/0/actions/1/bulk'],
    ['a supplement request', (def) => void (def.steps[0]!.actions[2]!.bulk = true), '/steps/0/actions/2/bulk'],
    ['a return', (def) => void (def.steps[3]!.actions[0]!.bulk = true), '/steps/3/actions/0/bulk'],
    [
      'a stop in a case’s own steps',
      (def) => void (def.cases![0]!.steps![1]!.actions[1]!.bulk = true),
      '/cases/0/steps/1/actions/1/bulk',
    ],
  ])('refuses bulk on %s, at its path', (_, breakIt, path) => {
    const def = sampleDefinition()
    breakIt(def)
    expect(codes(def)).toEqual([['action.bulkPerDossier', path]])
  })

  it('refuses bulk on an approval whose input has required fields, saying which', () => {
    const def = decisionsDefinition()
    def.steps[2]!.actions[0]!.bulk = true
    const result = validateDefinition(def)
    expect(result.ok).toBe(false)
    const issues = result.ok ? [] : result.issues
    expect(issues.map((i) => [i.code, i.path])).toEqual([['action.bulkPerDossier', '/steps/2/actions/0/bulk']])
    expect(issues[0]!.message.vi).toContain('so_van_ban, ket_luan')
    expect(issues[0]!.message.en).toContain('required fields')
  })

  it('refuses bulk on an action where the officer chooses the case', () => {
    const def = decisionsDefinition()
    const chooser = def.steps[1]!.actions.find((a) => a.setsCase)!
    delete chooser.requires
    chooser.bulk = true
    expect(codes(def)).toEqual([
      ['action.bulkPerDossier', `/steps/1/actions/${def.steps[1]!.actions.indexOf(chooser)}/bulk`],
    ])
  })

  it('refuses a bulk that is not a boolean (meta-schema)', () => {
    const def = sampleDefinition()
    Object.assign(def.steps[2]!.actions[0]!, { bulk: 'yes' })
    expect(codes(def)).toEqual([['type', '/steps/2/actions/0/bulk']])
  })
})
