import { describe, expect, it } from 'vitest'
import { needsOf, withCaseNames } from './action-dialog'

const action = (type: string, requires: string[] = []) => ({ key: 'k', type, label: 'L', roles: [], requires })

describe('what an action asks of the officer', () => {
  it('asks what its type always needs, beside what the procedure requires', () => {
    expect([...needsOf(action('refuse'))]).toEqual(['reason'])
    expect([...needsOf(action('extend'))].sort()).toEqual(['newDueAt', 'reason'])
    expect([...needsOf(action('requestSupplement'))]).toEqual(['missingItems'])
    expect([...needsOf(action('return'))]).toEqual(['deliveryMethod'])
    expect([...needsOf(action('sendBack', ['note']))]).toEqual(['note'])
    expect([...needsOf(action('forward'))]).toEqual([])
  })

  it('names the cases an officer chooses among', () => {
    const schema = withCaseNames(
      { type: 'object', properties: { case: { type: 'string', title: 'Trường hợp', enum: ['xac_minh'] } } },
      [{ key: 'xac_minh', name: 'Cần xác minh' }],
    )
    expect(schema.properties!.case).toEqual({
      type: 'string',
      title: 'Trường hợp',
      oneOf: [{ const: 'xac_minh', title: 'Cần xác minh' }],
    })
  })
})
