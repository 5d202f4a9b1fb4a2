import { describe, expect, it } from 'vitest'
import type { DraftDefinition } from '../section'
import { tryFees } from './fee-compute'

const definition: DraftDefinition = {
  form: { schema: { type: 'object' as const, properties: { so_ban_sao: { type: 'integer', minimum: 0 } } } },
  constants: { le_phi: { name: 'Lệ phí', value: 100000 } },
  fees: [
    { key: 'co_dinh', name: 'Phí cố định', amount: 50000 },
    {
      key: 'le_phi',
      name: 'Lệ phí',
      rule: {
        if: [
          { '==': [{ var: 'channel' }, 'online'] },
          { '*': [{ var: 'const.le_phi' }, 0.5] },
          { var: 'const.le_phi' },
        ],
      },
    },
    { key: 'ban_sao', name: 'Phí bản sao', rule: { '*': [{ var: ['form.so_ban_sao', 0] }, 8000] } },
    { key: 'hong', name: 'Quy tắc hỏng', rule: { '-': [0, 5] } },
  ],
}

describe('tryFees', () => {
  it('computes each fee as at submission: the channel and the form data change the amounts', () => {
    const online = tryFees(definition, { so_ban_sao: 3 }, { channel: 'online', today: '2026-11-30' })
    expect(online.map((f) => f.amount)).toEqual([50000, 50000, 24000, undefined])
    const counter = tryFees(definition, {}, { channel: 'counter', today: '2026-11-30' })
    expect(counter.map((f) => f.amount)).toEqual([50000, 100000, 0, undefined])
  })

  it('says which fee could not be computed, in Vietnamese, without hiding the others', () => {
    const [, , , broken] = tryFees(definition, {}, { channel: 'online' })
    expect(broken?.amount).toBeUndefined()
    expect(broken?.error?.vi).toContain('Quy tắc hỏng')
  })
})
