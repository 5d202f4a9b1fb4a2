import { describe, expect, it } from 'vitest'
import { type FeeTable, feeTableToRule, ruleToFeeTable } from './fee-table'

describe('fee table ↔ JSON Logic', () => {
  it('writes "online: 50% of the fee" as an if over the base amount, and reads it back', () => {
    const table: FeeTable = {
      rows: [{ when: [{ subject: 'channel', op: 'eq', value: 'online' }], amount: { kind: 'percent', percent: 50 } }],
      otherwise: { kind: 'fixed', value: 135000 },
    }
    const rule = feeTableToRule(table)
    expect(rule).toEqual({ if: [{ '==': [{ var: 'channel' }, 'online'] }, { '*': [135000, 0.5] }, 135000] })
    expect(ruleToFeeTable(rule)).toEqual(table)
  })

  it('reads the real procedures’ common shapes: a constant, a price per copy, exemptions by category', () => {
    expect(ruleToFeeTable({ var: 'const.le_phi_dang_ky_ho_kinh_doanh' })).toEqual({
      rows: [],
      otherwise: { kind: 'constant', key: 'le_phi_dang_ky_ho_kinh_doanh' },
    })
    expect(ruleToFeeTable({ '*': [{ var: ['form.so_ban_sao', 0] }, 8000] })).toEqual({
      rows: [],
      otherwise: { kind: 'perUnit', field: 'form.so_ban_sao', price: 8000 },
    })
    expect(ruleToFeeTable({ '*': [10000, { var: ['form.giay_to.so_ban', 1] }] })?.otherwise).toEqual({
      kind: 'perUnit',
      field: 'form.giay_to.so_ban',
      price: 10000,
    })
    const lltp = {
      if: [
        { in: [{ var: 'form.doi_tuong_phi' }, ['tre_em', 'ho_ngheo']] },
        0,
        { in: [{ var: 'form.doi_tuong_phi' }, ['sinh_vien']] },
        100000,
        200000,
      ],
    }
    const table = ruleToFeeTable(lltp)
    expect(table?.rows.map((r) => r.amount)).toEqual([
      { kind: 'fixed', value: 0 },
      { kind: 'fixed', value: 100000 },
    ])
    expect(feeTableToRule(table!)).toEqual(lltp)
  })

  it('a percentage of a constant stays tied to the constant', () => {
    const table: FeeTable = {
      rows: [{ when: [{ subject: 'form.mien', op: 'eq', value: true }], amount: { kind: 'percent', percent: 0 } }],
      otherwise: { kind: 'constant', key: 'le_phi' },
    }
    expect(feeTableToRule(table)).toEqual({
      if: [{ '==': [{ var: 'form.mien' }, true] }, { '*': [{ var: 'const.le_phi' }, 0] }, { var: 'const.le_phi' }],
    })
    expect(ruleToFeeTable(feeTableToRule(table))).toEqual(table)
  })

  it('leaves dates, sums over lists and nested conditions to the advanced view', () => {
    const gplx = {
      if: [
        {
          and: [
            { '==': [{ var: 'channel' }, 'online'] },
            { '>=': [{ days_between: [{ var: 'today' }, '2025-12-31'] }, 0] },
          ],
        },
        115000,
        135000,
      ],
    }
    expect(ruleToFeeTable(gplx)).toBeUndefined()
    expect(
      ruleToFeeTable({ reduce: [{ var: 'form.giay_to' }, { '+': [{ var: 'accumulator' }, 1] }, 0] }),
    ).toBeUndefined()
    expect(ruleToFeeTable({ if: [true, 1] })).toBeUndefined()
  })
})
