import { describe, expect, it } from 'vitest'
import { createAjv } from './create-ajv'
import { addVnFormats, isVnd, MAX_VND, vnFormats } from './vn-formats'

describe('isVnd', () => {
  it.each([0, 1, 1_500_000, MAX_VND])('accepts %d', (value) => {
    expect(isVnd(value)).toBe(true)
  })

  it.each([-1, 0.5, 1500.25, MAX_VND + 1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d', (value) => {
    expect(isVnd(value)).toBe(false)
  })
})

describe('vnFormats', () => {
  it('is a plain object of every motcua format', () => {
    expect(Object.keys(vnFormats).sort()).toEqual(['cccd', 'cmnd', 'vn-mobile', 'vn-phone', 'vn-tax-code', 'vnd'])
  })

  it('checks vnd on integers through a compiled schema, and ignores strings as JSON Schema requires', () => {
    const validate = createAjv().compile({ type: 'integer', format: 'vnd' })
    expect(validate(2_000_000)).toBe(true)
    expect(validate(-5)).toBe(false)
    expect(validate.errors?.[0]).toMatchObject({ keyword: 'format', params: { format: 'vnd' } })
    expect(validate(MAX_VND * 10)).toBe(false)
  })

  it('checks each string format through a compiled schema', () => {
    const ajv = createAjv()
    const samples = {
      cccd: ['022098001234', '02209800123'],
      cmnd: ['123456789', '12345678'],
      'vn-mobile': ['0912 345 678', '0203 3835 123'],
      'vn-phone': ['0203 3835 123', '0112345678'],
      'vn-tax-code': ['0100109106-001', '0100109107'],
    }
    for (const [format, [valid, invalid]] of Object.entries(samples)) {
      const validate = ajv.compile({ type: 'string', format })
      expect(validate(valid), `${format} ${valid}`).toBe(true)
      expect(validate(invalid), `${format} ${invalid}`).toBe(false)
    }
  })
})

describe('addVnFormats', () => {
  it('registers every format and returns the same instance, as @rjsf extenderFn expects', () => {
    const added: string[] = []
    const fake = { addFormat: (name: string) => added.push(name) }
    expect(addVnFormats(fake)).toBe(fake)
    expect(added).toEqual(Object.keys(vnFormats))
  })
})
