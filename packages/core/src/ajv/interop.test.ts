import ajvDefault, { Ajv } from 'ajv'
import addFormatsDefault from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { interopDefault } from './interop'

function plugin() {}

describe('interopDefault', () => {
  it('returns a function as is', () => {
    expect(interopDefault(plugin)).toBe(plugin)
  })

  it('unwraps the namespace shapes loaders produce for a CommonJS default export', () => {
    expect(interopDefault({ default: plugin })).toBe(plugin)
    expect(interopDefault({ __esModule: true, default: { default: plugin } })).toBe(plugin)
  })

  it('throws on a module without a callable default', () => {
    expect(() => interopDefault({ default: { named: plugin } })).toThrow(TypeError)
    expect(() => interopDefault({})).toThrow(TypeError)
    expect(() => interopDefault(null)).toThrow(TypeError)
  })

  it('resolves the real ajv and ajv-formats imports under this loader', () => {
    expect(interopDefault(ajvDefault)).toBe(Ajv)
    expect(typeof interopDefault(addFormatsDefault)).toBe('function')
    expect(typeof interopDefault(addFormatsDefault).get).toBe('function')
  })
})
