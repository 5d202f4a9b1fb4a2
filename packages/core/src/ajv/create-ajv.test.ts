import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { createAjv } from './create-ajv'

describe('createAjv', () => {
  it('returns an Ajv instance', () => {
    expect(createAjv()).toBeInstanceOf(Ajv)
  })

  it('is strict: an unknown keyword or format fails at compile time', () => {
    const ajv = createAjv()
    expect(() => ajv.compile({ type: 'string', widget: 'text' })).toThrow(/unknown keyword/)
    expect(() => ajv.compile({ type: 'string', format: 'cccd-typo' })).toThrow(/unknown format/)
  })

  it('reports every error, not just the first', () => {
    const validate = createAjv().compile({
      type: 'object',
      properties: { hoTen: { type: 'string' }, soCccd: { type: 'string', format: 'cccd' } },
      required: ['hoTen', 'soCccd'],
    })
    expect(validate({})).toBe(false)
    expect(validate.errors).toHaveLength(2)
  })

  it('has the ajv-formats formats and the formatMaximum family of keywords', () => {
    const validate = createAjv().compile({ type: 'string', format: 'date', formatMaximum: '2025-12-31' })
    expect(validate('2025-06-01')).toBe(true)
    expect(validate('2026-01-01')).toBe(false)
    expect(validate('01/06/2025')).toBe(false)
    expect(createAjv().compile({ type: 'string', format: 'email' })('ten@example.com')).toBe(true)
  })

  it('has the Vietnamese formats', () => {
    expect(createAjv().compile({ type: 'string', format: 'vn-mobile' })('+84 912 345 678')).toBe(true)
  })

  it('lets options override the defaults', () => {
    const ajv = createAjv({ strict: false, allErrors: false })
    expect(() => ajv.compile({ type: 'string', widget: 'text' })).not.toThrow()
    const validate = ajv.compile({ type: 'object', required: ['a', 'b'] })
    validate({})
    expect(validate.errors).toHaveLength(1)
  })

  it('makes independent instances', () => {
    const first = createAjv()
    first.addFormat('only-here', /^x$/)
    expect(() => createAjv().compile({ type: 'string', format: 'only-here' })).toThrow(/unknown format/)
  })
})
