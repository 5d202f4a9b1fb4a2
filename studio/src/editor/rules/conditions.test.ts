import { describe, expect, it } from 'vitest'
import { type Condition, conditionsToRule, ruleToConditions } from './conditions'

describe('conditions ↔ JSON Logic', () => {
  const cases: [string, Condition[], unknown][] = [
    ['none is always', [], true],
    ['the channel', [{ subject: 'channel', op: 'eq', value: 'online' }], { '==': [{ var: 'channel' }, 'online'] }],
    [
      'a field above a number, and a choice among several',
      [
        { subject: 'form.so_ban', op: 'gt', value: 2 },
        { subject: 'form.doi_tuong', op: 'in', value: ['tre_em', 'ho_ngheo'] },
      ],
      {
        and: [{ '>': [{ var: 'form.so_ban' }, 2] }, { in: [{ var: 'form.doi_tuong' }, ['tre_em', 'ho_ngheo']] }],
      },
    ],
    [
      'not one of',
      [{ subject: 'form.hang', op: 'notIn', value: ['A1', 'A2'] }],
      { '!': { in: [{ var: 'form.hang' }, ['A1', 'A2']] } },
    ],
    [
      'a list of ticked choices holds one',
      [{ subject: 'form.noi_dung', op: 'contains', value: 'chu_ho' }],
      { in: ['chu_ho', { var: 'form.noi_dung' }] },
    ],
  ]
  it.each(cases)('%s: written and read back', (_, conditions, rule) => {
    expect(conditionsToRule(conditions)).toEqual(rule)
    expect(ruleToConditions(rule)).toEqual(conditions)
  })

  it('reads a var with a default as its path', () => {
    expect(ruleToConditions({ '>=': [{ var: ['form.so_tang', 0] }, 7] })).toEqual([
      { subject: 'form.so_tang', op: 'ge', value: 7 },
    ])
  })

  it('leaves what it cannot show as a table to the advanced view', () => {
    expect(
      ruleToConditions({ or: [{ '==': [{ var: 'form.a' }, 1] }, { '==': [{ var: 'form.b' }, 1] }] }),
    ).toBeUndefined()
    expect(ruleToConditions({ '>': [{ days_between: [{ var: 'form.ngay' }, { var: 'today' }] }, 60] })).toBeUndefined()
    expect(ruleToConditions({ '==': [{ var: 'form.a' }, { var: 'form.b' }] })).toBeUndefined()
  })
})
