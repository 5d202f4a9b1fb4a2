import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { definitionIssues } from './definition-issues'
import { metaValidator } from './meta-validator'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { sampleDefinition } from './test-fixture'
import { runSemanticChecks, validateDefinition } from './validate-definition'

const issuesOf = (def: unknown) => {
  const result = validateDefinition(def)
  return result.ok ? [] : result.issues
}

describe('validateDefinition reports every problem at once', () => {
  it('five problems of five kinds, meta-schema and semantic together, each at its path', () => {
    const def = sampleDefinition() as ProcedureDefinition & Record<string, unknown>
    def.steps[0]!.actions[0]!.label = '' // meta-schema: empty label
    def.form.schema.properties.ghi_chu = { type: 'string', widget: 'textarea' } // form schema (ajv strict)
    def.fees[0]!.rule = { '-': [50000, { '*': [{ var: 'form.so_trang' }, 2000] }] } // may go negative
    def.steps[1]!.budget = { kind: 'workingDays', days: 2 } // beyond the same-day total
    def.components[1]!.when = { '==': [{ var: 'form.nguoi_yeu_cau.uy_quyen' }, true] } // unknown field
    expect(issuesOf(def).map((i) => [i.code, i.path])).toEqual([
      ['minLength', '/steps/0/actions/0/label'],
      ['form.schema.invalid', '/form/schema/properties/ghi_chu/widget'],
      ['budget.exceedsTotal', '/steps'],
      ['rule.unknownVar', '/components/1/when/==/0/var'],
      ['fee.mayBeNegative', '/fees/0/rule'],
    ])
  })

  it('reports every compile problem of the form schema, not only the first', () => {
    const def = sampleDefinition()
    Object.assign(def.form.schema.properties, {
      a: { type: 'string', widget: 'textarea', placeholder: 'x' },
      b: { type: 'string', format: 'phone' },
      c: { type: 'integer', minLength: 1 },
      d: { $ref: '#/definitions/khong_co' },
    })
    expect(issuesOf(def).map((i) => i.path)).toEqual([
      '/form/schema/properties/a/widget',
      '/form/schema/properties/a/placeholder',
      '/form/schema/properties/b/format',
      '/form/schema/properties/c/minLength',
      '/form/schema/properties/d/$ref',
    ])
  })

  it("reports a form schema that breaks JSON Schema's own rules at each place", () => {
    const def = sampleDefinition()
    Object.assign(def.form.schema.properties, { a: { type: 'strin' }, b: { type: 'integer', minimum: 'một' } })
    expect(issuesOf(def).map((i) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ['form.schema.invalid', '/form/schema/properties/a/type'],
        ['form.schema.invalid', '/form/schema/properties/b/minimum'],
      ]),
    )
  })

  it('still checks the sound parts when a step list is malformed, and skips what depends on it', () => {
    const def = sampleDefinition() as unknown as Record<string, unknown>
    def.steps = 'tiep_nhan'
    ;(def.fees as { key: string }[])[1]!.key = 'phi_chung_thuc'
    expect(issuesOf(def).map((i) => [i.code, i.path])).toEqual([
      ['type', '/steps'],
      ['key.duplicate', '/fees/1/key'],
    ])
  })

  it('speaks to administrators: what is wrong and what to do, in Vietnamese', () => {
    const def = sampleDefinition() as ProcedureDefinition & Record<string, unknown>
    def.thoi_han = 5
    def.processingTime = { kind: 'tuan' } as never
    def.steps[1]!.key = 'Xu-ly'
    const messages = Object.fromEntries(issuesOf(def).map((i) => [i.path, i.message.vi]))
    expect(messages['/thoi_han']).toMatch(/không có trong định dạng.*hãy xoá hoặc sửa tên/)
    expect(messages['/processingTime/kind']).toMatch(
      /Loại “tuan” không có: hãy dùng một trong workingDays, workingHours, sameDay, calendarDays, none/,
    )
    expect(messages['/steps/1/key']).toMatch(/chữ thường không dấu.*ví dụ tiep_nhan/)
  })

  it('never lets a check crash on a malformed part', () => {
    const paths = pathsOf(sampleDefinition())
    const crashes: unknown[] = []
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
        const def = sampleDefinition()
        setAt(def, path, value)
        const validate = metaValidator()
        const meta = validate(def) ? [] : definitionIssues(validate.errors)
        runSemanticChecks(def, meta, (error) => crashes.push(error))
      }),
      { numRuns: 300 },
    )
    expect(crashes).toEqual([])
  })
})

type Path = (string | number)[]

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value)
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))].filter((p) => p.length > 0)
}

function setAt(root: unknown, path: Path, value: unknown): void {
  let current = root as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) current = current[key] as Record<string | number, unknown>
  current[path.at(-1)!] = value
}
