import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical-json'

describe('canonicalJson', () => {
  it('gives the same text for the same document whatever its key order', () => {
    expect(canonicalJson({ b: 1, a: { y: [2, { d: 1, c: 2 }], x: null } })).toBe(
      '{"a":{"x":null,"y":[2,{"c":2,"d":1}]},"b":1}',
    )
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }))
  })
  it('keeps array order, which is meaningful', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]))
  })
})
