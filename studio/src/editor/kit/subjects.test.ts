import { describe, expect, it } from 'vitest'
import type { DraftDefinition } from '../section'
import { ruleSubjects } from './subjects'

const pick = (m: { vi: string }) => m.vi

describe('ruleSubjects', () => {
  const definition: DraftDefinition = {
    form: { schema: { type: 'object', properties: { so_ban: { type: 'integer', title: 'Số bản' } } } },
    cases: [{ key: 'xac_minh', name: 'Cần xác minh' }],
    steps: [
      {
        key: 'xu_ly',
        name: 'Xử lý',
        role: 'specialist',
        status: 4,
        actions: [
          {
            key: 'ghi_nhan',
            type: 'forward',
            label: 'Ghi nhận kết quả',
            to: 'ky',
            input: { type: 'object', properties: { ket_qua: { type: 'string', title: 'Kết quả', enum: ['dat'] } } },
          },
        ],
      },
    ],
  }

  it('offers the channel, the case and the form’s fields; guards also read the officers’ decisions', () => {
    expect(ruleSubjects(definition, pick).map((s) => s.path)).toEqual(['channel', 'case', 'form.so_ban'])
    const guard = ruleSubjects(definition, pick, { withDecisions: true })
    expect(guard.at(-1)).toEqual({
      path: 'decision.ghi_nhan.ket_qua',
      title: 'Ghi nhận kết quả › Kết quả',
      type: 'string',
      options: [{ value: 'dat', label: 'dat' }],
    })
    expect(ruleSubjects(definition, pick, { withCase: false }).map((s) => s.path)).not.toContain('case')
  })
})
