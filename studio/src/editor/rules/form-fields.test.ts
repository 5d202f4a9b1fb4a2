import { describe, expect, it } from 'vitest'
import { rulePaths, withPath } from './form-fields'

describe('rulePaths and withPath', () => {
  it('collects what a rule reads and builds sample data at those paths', () => {
    expect(
      rulePaths({ if: [{ '==': [{ var: 'channel' }, 'online'] }, { var: ['form.a.b', 0] }, { var: 'form.c' }] }),
    ).toEqual(['channel', 'form.a.b', 'form.c'])
    expect(withPath(withPath({}, 'a.b', 2), 'c', true)).toEqual({ a: { b: 2 }, c: true })
    expect(withPath({ a: { b: 2 } }, 'a.b', undefined)).toEqual({ a: {} })
  })
})
