import { describe, expect, it, vi } from 'vitest'
import { createAjv } from '../ajv/index'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { resultSample } from './result-fixture'
import { checkingAjv, Lru, schemaKey } from './schema-memo'
import { sampleDefinition } from './test-fixture'
import { type DefinitionValidation, validateDefinition } from './validate-definition'

/** validateDefinition in a freshly loaded core: nothing remembered from earlier calls. */
async function cold(def: ProcedureDefinition): Promise<DefinitionValidation> {
  vi.resetModules()
  const fresh = await import('./validate-definition')
  return fresh.validateDefinition(structuredClone(def))
}

type Form = { properties: Record<string, Record<string, unknown>> }
const formOf = (def: ProcedureDefinition) => def.form.schema as unknown as Form
const issuesOf = (result: DefinitionValidation) => (result.ok ? [] : result.issues)

describe('validateDefinition called again and again on a definition being edited', () => {
  it('gives after each edit exactly what a first call gives: a title, a problem brought in, then fixed', async () => {
    const def = sampleDefinition()
    const field = formOf(def).properties.so_trang!
    const steps: [string, () => void][] = [
      ['unchanged', () => {}],
      ['a title typed', () => Object.assign(field, { title: 'Số trang' })],
      ['a title edited', () => Object.assign(field, { title: 'Số trang của bản chính' })],
      ['an unknown keyword', () => Object.assign(field, { widget: 'updown' })],
      ['a title edited while broken', () => Object.assign(field, { title: 'Số trang (bản chính)' })],
      ['a second problem', () => Object.assign(field, { format: 'so-trang' })],
      ['the keyword removed', () => delete field.widget],
      ['fixed', () => delete field.format],
      ['a title that is not text', () => Object.assign(field, { title: 12 })],
      ['text again', () => Object.assign(field, { title: 'Số trang' })],
      ['a minimum changed', () => Object.assign(field, { minimum: 2 })],
      ['a step budget changed', () => Object.assign(def.steps[0]!, { budget: { kind: 'workingHours', hours: 2 } })],
    ]
    const codes: string[][] = []
    for (const [name, edit] of steps) {
      edit()
      const warm = validateDefinition(def)
      expect(issuesOf(warm), name).toEqual(issuesOf(await cold(def)))
      codes.push(issuesOf(warm).map((issue) => `${issue.code} ${issue.path}`))
    }
    // the problems were seen, and are gone once fixed
    expect(codes[3]).toEqual(['form.schema.invalid /form/schema/properties/so_trang/widget'])
    expect(codes[5]).toHaveLength(2)
    expect(codes[7]).toEqual([])
    expect(codes[8]).not.toEqual([])
    expect(codes[9]).toEqual([])
  })

  it('finds a problem brought into a schema that differs from a passed one only in a title elsewhere', async () => {
    const def = sampleDefinition()
    expect(validateDefinition(def).ok).toBe(true)
    const form = formOf(def)
    form.properties.so_ban!.title = 'Số bản'
    form.properties.so_trang!.maximum = 'nhiều'
    const warm = validateDefinition(def)
    expect(warm.ok).toBe(false)
    expect(issuesOf(warm)).toEqual(issuesOf(await cold(def)))
  })

  it('remembers result data schemas the same way', async () => {
    const def = resultSample()
    const data = def.resultData!.schema as unknown as Form
    for (const edit of [
      () => Object.assign(data.properties.so!, { title: 'Số giấy xác nhận' }),
      () => Object.assign(data.properties.so!, { widget: 'text' }),
      () => Object.assign(data.properties.so!, { title: 'Số' }),
      () => delete data.properties.so!.widget,
    ]) {
      edit()
      expect(issuesOf(validateDefinition(def))).toEqual(issuesOf(await cold(def)))
    }
    expect(validateDefinition(def).ok).toBe(true)
  })

  it('tells apart titles a $ref points at', async () => {
    const def = sampleDefinition()
    const form = formOf(def)
    form.properties.ghi_chu = { title: '' }
    form.properties.ghi_chu_2 = { $ref: '#/properties/ghi_chu/title' }
    expect(validateDefinition(def).ok).toBe(true) // an empty string is an empty schema to ajv
    form.properties.ghi_chu.title = 'Ghi chú'
    const warm = validateDefinition(def)
    expect(warm.ok).toBe(false)
    expect(issuesOf(warm)).toEqual(issuesOf(await cold(def)))
  })

  it('hands out issues a caller may change without changing the next call', () => {
    const def = sampleDefinition()
    formOf(def).properties.so_trang!.widget = 'updown'
    const first = issuesOf(validateDefinition(def))
    first[0]!.message.vi = 'đã đổi'
    first[0]!.params!.error = 'đã đổi'
    const second = issuesOf(validateDefinition(def))
    expect(second[0]!.message.vi).not.toBe('đã đổi')
    expect(second[0]!.params!.error).not.toBe('đã đổi')
  })
})

describe('schemaKey', () => {
  it('blanks the texts of subschemas only', () => {
    const schema = {
      title: 'Tờ khai',
      type: 'object',
      properties: { title: { type: 'string', title: 'Tiêu đề', description: 'Ghi rõ' } },
      items: { title: 'Dòng' },
      anyOf: [{ title: 'Một', const: { title: 'giữ nguyên' } }],
      default: { title: 'giữ nguyên' },
      enum: ['title'],
    }
    const blanked = JSON.parse(schemaKey(schema, true)!)
    expect(blanked).toEqual({
      title: '',
      type: 'object',
      properties: { title: { type: 'string', title: '', description: '' } },
      items: { title: '' },
      anyOf: [{ title: '', const: { title: 'giữ nguyên' } }],
      default: { title: 'giữ nguyên' },
      enum: ['title'],
    })
    expect(JSON.parse(schemaKey(schema, false)!)).toEqual(schema)
  })

  it('keeps a title that is not text, and the order of keys', () => {
    expect(schemaKey({ title: 1, type: 'string' }, true)).toBe('{"title":1,"type":"string"}')
    expect(schemaKey({ type: 'string', title: 'a' }, true)).not.toBe(schemaKey({ title: 'a', type: 'string' }, true))
  })

  it('gives no key for what JSON cannot say exactly', () => {
    const holey = [1, 2]
    holey.length = 3
    for (const schema of [
      { minimum: Number.NaN },
      { minimum: -0 },
      { default: undefined },
      { enum: holey },
      new Date(),
    ])
      expect(schemaKey(schema, true)).toBeUndefined()
    // "" compiles as an empty schema, "x" does not: a text a $ref may point at is not blanked
    for (const ref of ['#/properties/a/title', '#/properties/a/%74itle', '#/properties/a/description'])
      expect(schemaKey({ properties: { a: { title: '' }, b: { $ref: ref } } }, true)).toBeUndefined()
    expect(schemaKey({ properties: { a: { title: '' }, b: { $ref: '#/properties/a/title' } } }, false)).toBeDefined()
    const cycle: Record<string, unknown> = {}
    cycle.not = cycle
    expect(schemaKey(cycle, true)).toBeUndefined()
  })
})

describe('Lru', () => {
  it('keeps the most recently used entries only', () => {
    const lru = new Lru<number>(2)
    lru.set('a', 1)
    lru.set('b', 2)
    expect(lru.get('a')).toBe(1)
    lru.set('c', 3)
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3])
  })
})

describe('checkingAjv', () => {
  const thrown = (compile: () => unknown) => {
    try {
      compile()
      return undefined
    } catch (error) {
      return (error as Error).message
    }
  }

  it('refuses what createAjv refuses, with the same message', () => {
    for (const schema of [
      { type: 'object', properties: { a: { type: 'strin' } } },
      { type: 'object', properties: { a: { type: 'string', minLength: -1 } } },
      { type: 'string', widget: 'x' },
      { type: 'string', format: 'khong-co' },
      { $ref: '#/definitions/khong_co' },
      { $schema: 'https://example.com/khong-co', type: 'string' },
      { type: 'string', minLength: 1 },
    ]) {
      const expected = thrown(() => createAjv().compile(structuredClone(schema)))
      expect(
        thrown(() => checkingAjv().compile(structuredClone(schema))),
        JSON.stringify(schema),
      ).toBe(expected)
    }
  })

  it('reports the draft-07 problems as createAjv does', () => {
    const schema = { type: 'object', properties: { a: { type: 'strin', minLength: 'một' } } }
    const fresh = createAjv()
    const checking = checkingAjv()
    expect(checking.validateSchema(schema)).toBe(fresh.validateSchema(schema))
    expect(checking.errors).toEqual(fresh.errors)
    expect(checking.errors?.length).toBeGreaterThan(1)
  })

  it('compiles the same $id twice, in two checks', () => {
    const schema = { $id: 'https://motcua.gov.vn/to-khai', type: 'string' }
    expect(() => checkingAjv().compile({ ...schema })).not.toThrow()
    expect(() => checkingAjv().compile({ ...schema })).not.toThrow()
  })
})
