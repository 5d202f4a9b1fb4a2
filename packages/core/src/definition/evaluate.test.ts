import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors'
import {
  applicableComponents,
  computeFees,
  effectiveProcessingTime,
  effectiveSteps,
  findAction,
  requiredComponents,
  selectCase,
} from './evaluate'
import { sampleDefinition } from './test-fixture'

const form = (overrides: Record<string, unknown> = {}) => ({
  nguoi_yeu_cau: { ho_ten: 'Nguyễn Văn An', cccd: '022095000123' },
  so_trang: 3,
  so_ban: 2,
  ...overrides,
})

describe('selectCase', () => {
  it('picks the first case whose rule holds, else null', () => {
    const def = sampleDefinition()
    expect(selectCase(def, form())).toBeNull()
    expect(selectCase(def, form({ can_xac_minh: true }))?.key).toBe('can_xac_minh')
  })

  it('is null without cases', () => {
    const def = sampleDefinition()
    delete def.cases
    expect(selectCase(def, form({ can_xac_minh: true }))).toBeNull()
  })
})

describe('computeFees', () => {
  it('computes rule fees and lists fixed ones (2,000 đ for pages 1–2, 1,000 đ from page 3, per copy)', () => {
    expect(computeFees(sampleDefinition(), form())).toEqual([
      { key: 'phi_chung_thuc', name: 'Phí chứng thực', amount: 10_000 },
      { key: 'le_phi', name: 'Lệ phí', amount: 0 },
    ])
  })

  it('caps at 200,000 đ per copy', () => {
    expect(computeFees(sampleDefinition(), form({ so_trang: 500, so_ban: 1 }))[0]?.amount).toBe(200_000)
  })

  it('sees the selected case', () => {
    const def = sampleDefinition()
    def.fees = [{ key: 'phi', name: 'Phí', rule: { if: [{ '==': [{ var: 'case' }, 'can_xac_minh'] }, 50_000, 0] } }]
    expect(computeFees(def, form({ can_xac_minh: true }))[0]?.amount).toBe(50_000)
    expect(computeFees(def, form())[0]?.amount).toBe(0)
  })

  it.each([
    ['negative', { '-': [0, 1] }],
    ['not a number', { cat: ['1', '000'] }],
    ['NaN', { '*': [{ var: 'form.khong_co' }, 2] }],
    ['infinite', { '/': [1, 0] }],
  ])('throws INVALID_DATA when the result is %s', (_name, rule) => {
    const def = sampleDefinition()
    def.fees = [{ key: 'phi', name: 'Phí', rule }]
    const attempt = () => computeFees(def, form())
    expect(attempt).toThrow(DomainError)
    try {
      attempt()
    } catch (error) {
      expect(DomainError.is(error) && error.code).toBe('INVALID_DATA')
      expect(DomainError.is(error) && error.issues[0]?.path).toBe('/fees/0')
    }
  })

  it('refuses to evaluate operators outside the allow-list', () => {
    const def = sampleDefinition()
    def.fees = [{ key: 'phi', name: 'Phí', rule: { log: 1 } }]
    expect(() => computeFees(def, form())).toThrow(/rule\.unknownOperator/)
    def.fees = [{ key: 'phi', name: 'Phí', rule: { var: 'form.constructor' } }]
    expect(() => computeFees(def, form())).toThrow(/forbidden path/)
    expect(() => computeFees(def, form())).toThrow(/forbidden path/) // every time: only safe rules are remembered
  })
})

describe('components', () => {
  it('requires conditional components only when their rule holds', () => {
    const def = sampleDefinition()
    expect(requiredComponents(def, form()).map((c) => c.key)).toEqual(['ban_chinh'])
    const byProxy = form({ nguoi_yeu_cau: { ho_ten: 'A', cccd: '022095000123', la_nguoi_uy_quyen: true } })
    expect(requiredComponents(def, byProxy).map((c) => c.key)).toEqual(['ban_chinh', 'van_ban_uy_quyen'])
    expect(applicableComponents(def, byProxy).map((c) => c.key)).toEqual([
      'ban_chinh',
      'van_ban_uy_quyen',
      'giay_to_khac',
    ])
  })
})

describe('effective steps, time and actions', () => {
  it('uses the case overrides, else the base', () => {
    const def = sampleDefinition()
    expect(effectiveSteps(def, null).map((s) => s.key)).toEqual(['tiep_nhan', 'xu_ly', 'phe_duyet', 'tra_ket_qua'])
    expect(effectiveSteps(def, 'can_xac_minh').map((s) => s.key)).toEqual(['tiep_nhan', 'xac_minh', 'tra_ket_qua'])
    expect(effectiveProcessingTime(def, undefined)).toMatchObject({ kind: 'sameDay', cutoff: '15:00' })
    expect(effectiveProcessingTime(def, 'can_xac_minh')).toEqual({ kind: 'workingDays', days: 5 })
  })

  it('falls back to the base for what a case does not override', () => {
    const def = sampleDefinition()
    delete def.cases![0]!.steps
    expect(effectiveSteps(def, 'can_xac_minh')).toBe(def.steps)
  })

  it('throws NOT_FOUND for an unknown case', () => {
    expect(() => effectiveSteps(sampleDefinition(), 'khong_co')).toThrow(DomainError)
  })

  it('finds declared actions, in the case steps when asked', () => {
    const def = sampleDefinition()
    expect(findAction(def, 'tiep_nhan', 'tu_choi')?.action.to).toBe('$refused')
    expect(findAction(def, 'xu_ly', 'trinh_ky')?.step.role).toBe('specialist')
    expect(findAction(def, 'xac_minh', 'xong')).toBeNull()
    expect(findAction(def, 'xac_minh', 'xong', 'can_xac_minh')?.action.to).toBe('tra_ket_qua')
    expect(findAction(def, 'tiep_nhan', 'khong_co')).toBeNull()
  })
})

describe('ruleHolds', () => {
  it('evaluates guards in JSON Logic truthiness', async () => {
    const { ruleHolds } = await import('./json-logic')
    const data = { form: { giay_to: [] as unknown[] }, case: null }
    expect(ruleHolds(true, data, '/g')).toBe(true)
    expect(ruleHolds({ var: 'form.giay_to' }, data, '/g')).toBe(false)
    expect(ruleHolds({ '==': [{ var: 'case' }, null] }, data, '/g')).toBe(true)
  })
})
