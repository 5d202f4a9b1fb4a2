import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkFeeBounds, feeRuleBounds } from './check-fee-bounds'
import { applyRule } from './json-logic'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { sampleDefinition } from './test-fixture'

const withRule = (rule: unknown, patch: (def: ProcedureDefinition) => void = () => {}) => {
  const def = sampleDefinition()
  def.fees = [{ key: 'phi', name: 'Phí', rule: rule as Record<string, unknown> }]
  patch(def)
  return def
}
const bounds = (rule: unknown, patch?: (def: ProcedureDefinition) => void) => {
  const { lo, hi } = feeRuleBounds(withRule(rule, patch), rule, '/fees/0/rule')
  return [lo, hi]
}

describe('fee rule bounds (interval analysis)', () => {
  it('reads form fields by their schema bounds, and an absent field as 0 or its default', () => {
    expect(bounds({ '*': [{ var: 'form.so_ban' }, 8000] })).toEqual([0, Infinity])
    expect(bounds({ '*': [{ var: ['form.so_ban', 1] }, 8000] })).toEqual([8000, Infinity])
    const bounded = (def: ProcedureDefinition) => {
      def.form.schema.properties.so_ban = { type: 'integer', minimum: 1, maximum: 10 }
    }
    expect(bounds({ '-': [100000, { '*': [{ var: 'form.so_ban' }, 8000] }] }, bounded)).toEqual([20000, 100000])
  })

  it('takes both ways of every branch, and the channel as unknown', () => {
    const rule = { if: [{ '==': [{ var: 'channel' }, 'online'] }, 25000, { '==': [{ var: 'case' }, 'x'] }, 50000, 0] }
    expect(bounds(rule)).toEqual([0, 50000])
    expect(bounds({ if: [true, 5] })).toEqual([0, 5])
  })

  it('reads constants by their value, and an enum by its members', () => {
    const patch = (def: ProcedureDefinition) => {
      def.constants = { muc_thu: { name: 'Mức thu', value: 30000 } }
      def.form.schema.properties.loai = { type: 'integer', enum: [1, 2, 3] }
    }
    expect(bounds({ '-': [{ var: 'const.muc_thu' }, { '*': [{ var: 'form.loai' }, 10000] }] }, patch)).toEqual([
      0, 30000,
    ])
  })

  it('bounds min, max, division and reduce over array items', () => {
    expect(bounds({ max: [0, { '-': [1, { var: 'form.so_trang' }] }] })).toEqual([0, 1])
    expect(bounds({ '/': [{ var: 'form.so_trang' }, 2] })).toEqual([0, Infinity])
    const sum = { reduce: [{ var: 'form.giay_to' }, { '+': [{ var: 'accumulator' }, { var: 'current.so_trang' }] }, 0] }
    // items' so_trang has no minimum: the sum may fall without end
    expect(bounds(sum)[0]).toBe(-Infinity)
    const positive = (def: ProcedureDefinition) => {
      ;(
        def.form.schema.properties.giay_to as { items: { properties: Record<string, unknown> } }
      ).items.properties.so_trang = {
        type: 'integer',
        minimum: 1,
      }
    }
    expect(bounds(sum, positive)).toEqual([0, Infinity])
  })

  it('refuses a fee that may go negative, naming the operation and what to do', () => {
    const issues = checkFeeBounds(withRule({ '-': [50000, { '*': [{ var: 'form.so_ban' }, 8000] }] }))
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({
      code: 'fee.mayBeNegative',
      path: '/fees/0/rule',
      params: { at: '/fees/0/rule/-' },
    })
    expect(issues[0]!.message.vi).toContain('"max": [0')
  })

  it('checks an edited constant before it is saved', () => {
    const def = withRule({ '-': [{ var: 'const.muc_thu' }, 20000] }, (d) => {
      d.constants = { muc_thu: { name: 'Mức thu', value: 30000 } }
    })
    expect(checkFeeBounds(def)).toEqual([])
    expect(checkFeeBounds(def, undefined, { muc_thu: 10000 })).toMatchObject([
      { code: 'fee.mayBeNegative', params: { lowerBound: -10000 } },
    ])
  })

  it('passes the sample fee and every library-style rule wrapped in max', () => {
    expect(checkFeeBounds(sampleDefinition())).toEqual([])
    expect(checkFeeBounds(withRule({ max: [0, { '-': [{ var: 'form.so_trang' }, 5] }] }))).toEqual([])
  })
})

describe('fee rule bounds are sound', () => {
  // small arithmetic over a bounded field, a constant, the channel and literals
  const leaf = fc.oneof(
    fc.integer({ min: -50, max: 50 }).map((n) => n as unknown),
    fc.constant({ var: 'form.so_ban' } as unknown),
    fc.constant({ var: 'const.muc' } as unknown),
  )
  const rule = fc.letrec<{ rule: unknown }>((tie) => ({
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .tuple(fc.constantFrom('+', '-', '*', 'min', 'max', '/', '%'), tie('rule'), tie('rule'))
        .map(([op, a, b]) => ({ [op]: [a, b] })),
      fc.tuple(tie('rule'), tie('rule')).map(([a, b]) => ({ if: [{ '==': [{ var: 'channel' }, 'online'] }, a, b] })),
      fc
        .tuple(tie('rule'), tie('rule'))
        .map(([a, b]) => ({ reduce: [{ var: 'form.giay_to' }, { '+': [{ var: 'accumulator' }, a] }, b] })),
    ),
  })).rule
  const def = withRule(0, (d) => {
    d.constants = { muc: { name: 'Mức', value: 7 } }
    d.form.schema.properties.so_ban = { type: 'integer', minimum: 1, maximum: 10 }
  })

  it('every value a rule computes lies within its bounds', () => {
    fc.assert(
      fc.property(
        rule,
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom('online', 'counter'),
        fc.integer({ min: 0, max: 3 }),
        (r, soBan, channel, items) => {
          const { lo, hi } = feeRuleBounds(def, r, '/fees/0/rule')
          const form = { so_ban: soBan, so_trang: 1, giay_to: Array.from({ length: items }, () => ({ so_trang: 1 })) }
          const value = applyRule(r, { form, case: null, channel, const: { muc: 7 } }, '/fees/0/rule')
          if (typeof value === 'number' && Number.isFinite(value)) {
            // within rounding: the bounds are computed in the same floating point as the rule
            const slack = 1e-9 * Math.max(1, Math.abs(value))
            expect(value).toBeGreaterThanOrEqual(lo - slack)
            expect(value).toBeLessThanOrEqual(hi + slack)
          }
        },
      ),
      { numRuns: 500 },
    )
  })

  it('never throws, whatever the rule', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (r) => {
        feeRuleBounds(def, r, '/fees/0/rule')
      }),
      { numRuns: 300 },
    )
  })
})
