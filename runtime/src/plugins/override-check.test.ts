import { describe, expect, it } from 'vitest'
import { overrideIssues } from './override-check'

const schema = {
  type: 'object',
  properties: { url: { type: 'string', format: 'uri' }, maTinh: { type: 'string', pattern: '^[0-9]{2}$' } },
  required: ['url', 'maTinh'],
  additionalProperties: false,
}

describe('overrideIssues', () => {
  it('accepts an override of one key, the required others coming from above', () => {
    expect(overrideIssues(schema, { maTinh: '22' })).toEqual([])
    expect(overrideIssues(schema, {})).toEqual([])
  })

  it('accepts a key set to null (removing the inherited value)', () => {
    expect(overrideIssues(schema, { url: null })).toEqual([])
  })

  it('places each problem at its path, in Vietnamese', () => {
    const issues = overrideIssues(schema, { maTinh: 'QN', khac: 1 })
    expect(issues.map((i) => i.path).sort()).toEqual(['/khac', '/maTinh'])
    expect(issues.find((i) => i.path === '/maTinh')?.message.vi).toMatch(/[à-ỹ]/)
  })
})
