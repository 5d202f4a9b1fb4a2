import type { AnySchema } from 'ajv'
import { Ajv2020 } from 'ajv/dist/2020'
import { formatNames } from 'ajv-formats/dist/formats'
import { describe, expect, it } from 'vitest'
import { createAjv } from './create-ajv'
import { formatLabels, formatMessage } from './format-labels'
import { ajvErrorMessage, GENERIC_MESSAGE } from './messages'
import { addVnFormats, vnFormats } from './vn-formats'

// A letter only Vietnamese has: proof a message was not left in English.
const VIETNAMESE = /[ăâđêôơưàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]/i
const LEAKS = /undefined|NaN|\[object|null/

const draft07 = createAjv({ discriminator: true })
const ajv2020 = addVnFormats(new Ajv2020({ strict: true, allErrors: true, discriminator: true }))
const date = (keyword: string) => ({ type: 'string', format: 'date', [keyword]: '2025-01-31' })

// One real failing instance per keyword that ajv 8 (draft-07, 2020-12, discriminator) and ajv-formats report.
const cases: Record<string, { schema: AnySchema; data: unknown; draft2020?: true }> = {
  'false schema': { schema: { type: 'object', properties: { a: false } }, data: { a: 1 } },
  type: { schema: { type: 'integer' }, data: 'x' },
  required: { schema: { type: 'object', properties: { a: {} }, required: ['a'] }, data: {} },
  dependencies: { schema: { type: 'object', dependencies: { a: ['b'] } }, data: { a: 1 } },
  dependentRequired: { schema: { type: 'object', dependentRequired: { a: ['b'] } }, data: { a: 1 }, draft2020: true },
  additionalProperties: { schema: { type: 'object', additionalProperties: false }, data: { a: 1 } },
  unevaluatedProperties: { schema: { type: 'object', unevaluatedProperties: false }, data: { a: 1 }, draft2020: true },
  propertyNames: { schema: { type: 'object', propertyNames: { maxLength: 1 } }, data: { ab: 1 } },
  maxProperties: { schema: { type: 'object', maxProperties: 1 }, data: { a: 1, b: 2 } },
  minProperties: { schema: { type: 'object', minProperties: 1 }, data: {} },
  discriminator: {
    schema: {
      type: 'object',
      discriminator: { propertyName: 'k' },
      properties: { k: { type: 'string' } },
      required: ['k'],
      oneOf: [{ properties: { k: { const: 'a' } } }, { properties: { k: { const: 'b' } } }],
    },
    data: { k: 'c' },
  },
  maxItems: { schema: { type: 'array', maxItems: 1 }, data: [1, 2] },
  minItems: { schema: { type: 'array', minItems: 3 }, data: [1] },
  additionalItems: { schema: { type: 'array', items: [{}], minItems: 1, additionalItems: false }, data: [1, 2] },
  items: { schema: { type: 'array', prefixItems: [{}], minItems: 1, items: false }, data: [1, 2], draft2020: true },
  unevaluatedItems: {
    schema: { type: 'array', prefixItems: [{}], minItems: 1, maxItems: 1, unevaluatedItems: false },
    data: [1, 2],
    draft2020: true,
  },
  uniqueItems: { schema: { type: 'array', uniqueItems: true }, data: [1, 1] },
  contains: { schema: { type: 'array', contains: { const: 1 } }, data: [2] },
  maximum: { schema: { type: 'number', maximum: 1 }, data: 2 },
  minimum: { schema: { type: 'number', minimum: 1 }, data: 0 },
  exclusiveMaximum: { schema: { type: 'number', exclusiveMaximum: 1 }, data: 1 },
  exclusiveMinimum: { schema: { type: 'number', exclusiveMinimum: 1 }, data: 1 },
  multipleOf: { schema: { type: 'number', multipleOf: 3 }, data: 4 },
  maxLength: { schema: { type: 'string', maxLength: 1 }, data: 'ab' },
  minLength: { schema: { type: 'string', minLength: 2 }, data: 'a' },
  pattern: { schema: { type: 'string', pattern: '^a$' }, data: 'b' },
  format: { schema: { type: 'string', format: 'email' }, data: 'x' },
  formatMaximum: { schema: date('formatMaximum'), data: '2025-02-01' },
  formatMinimum: { schema: date('formatMinimum'), data: '2025-01-01' },
  formatExclusiveMaximum: { schema: date('formatExclusiveMaximum'), data: '2025-01-31' },
  formatExclusiveMinimum: { schema: date('formatExclusiveMinimum'), data: '2025-01-31' },
  enum: { schema: { enum: [1, 2] }, data: 3 },
  const: { schema: { const: 1 }, data: 2 },
  anyOf: { schema: { anyOf: [{ type: 'string' }, { type: 'integer' }] }, data: true },
  oneOf: { schema: { oneOf: [{ type: 'string' }, { type: 'integer' }] }, data: true },
  not: { schema: { not: { type: 'integer' } }, data: 1 },
  if: { schema: { type: 'integer', if: { minimum: 0 }, then: { minimum: 10 } }, data: 1 },
}

describe('every keyword ajv can report has its own message', () => {
  it.each(Object.entries(cases))('%s', (keyword, { schema, data, draft2020 }) => {
    const validate = (draft2020 ? ajv2020 : draft07).compile(schema)
    expect(validate(data)).toBe(false)
    const error = validate.errors?.find((candidate) => candidate.keyword === keyword)
    expect(error, `no ${keyword} error`).toBeDefined()
    if (error === undefined) return
    const message = ajvErrorMessage(error)
    expect(message).not.toEqual(GENERIC_MESSAGE)
    expect(message.vi).toMatch(VIETNAMESE)
    expect(message.vi).not.toMatch(LEAKS)
    expect(message.en).not.toMatch(LEAKS)
    expect(message.en).not.toBe(message.vi)
    expect(message.en).not.toBe(error.message)
  })

  it('the list above covers every keyword with an error in ajv, ajv-formats and the discriminator', () => {
    const reporting = new Set(['type', 'false schema'])
    for (const ajv of [draft07, ajv2020]) {
      for (const [keyword, rule] of Object.entries(ajv.RULES.all)) {
        if (typeof rule === 'object' && rule.definition.error !== undefined) reporting.add(keyword)
      }
    }
    expect([...reporting].filter((keyword) => !(keyword in cases))).toEqual([])
  })

  it.each(['patternRequired'])('the plugin keyword %s', (keyword) => {
    const message = ajvErrorMessage({ keyword, instancePath: '', schemaPath: '', params: { missingPattern: '^a' } })
    expect(message).not.toEqual(GENERIC_MESSAGE)
    expect(message.vi).toMatch(VIETNAMESE)
  })
})

describe('every format has a friendly Vietnamese name and message', () => {
  const formats = [...formatNames, ...Object.keys(vnFormats), 'data-url', 'color']

  it.each(formats)('%s', (format) => {
    const label = formatLabels[format]
    expect(label, `no label for ${format}`).toBeDefined()
    expect(label?.vi).not.toBe(label?.en)
    const message = formatMessage(format)
    expect(message.vi).toMatch(VIETNAMESE)
    expect(message.vi).not.toContain('“')
    expect(message.en).not.toContain('“')
  })
})
