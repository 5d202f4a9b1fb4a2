import { describe, expect, it } from 'vitest'
import { computeFees, requiredComponents, selectCase } from './evaluate'
import type { ProcedureDefinition } from './procedure-definition.generated'
import type { RuleContext } from './rule-context'
import { sampleDefinition } from './test-fixture'
import { validateDefinition } from './validate-definition'

// A late-registration fee set by the province, lower online, for a birth registered more than 60 days late;
// a minor's applicant attaches one more paper.
function lateRegistration(): ProcedureDefinition {
  const def = sampleDefinition()
  def.form.schema.properties.ngay_sinh = { type: 'string', format: 'date' }
  def.constants = {
    le_phi_qua_han: { name: 'Lệ phí đăng ký quá hạn', value: 8000, note: 'Nghị quyết HĐND tỉnh' },
    giam_truc_tuyen: { name: 'Mức giảm khi nộp trực tuyến', value: 4000 },
  }
  def.fees = [
    {
      key: 'le_phi',
      name: 'Lệ phí đăng ký',
      rule: {
        if: [
          { '<=': [{ days_between: [{ var: 'form.ngay_sinh' }, { var: 'today' }] }, 60] },
          0,
          { '==': [{ var: 'channel' }, 'online'] },
          { max: [0, { '-': [{ var: 'const.le_phi_qua_han' }, { var: 'const.giam_truc_tuyen' }] }] },
          { var: 'const.le_phi_qua_han' },
        ],
      },
    },
  ]
  def.components[2]!.required = true
  def.components[2]!.when = { '<': [{ years_between: [{ var: 'form.ngay_sinh' }, { var: 'today' }] }, 18] }
  def.cases![0]!.when = { '==': [{ var: 'channel' }, 'post'] }
  return def
}

const form = (ngay_sinh: string) => ({
  nguoi_yeu_cau: { ho_ten: 'An', cccd: '022095000123' },
  so_trang: 1,
  so_ban: 1,
  ngay_sinh,
})
const fee = (def: ProcedureDefinition, context: RuleContext) => computeFees(def, form('2026-08-01'), context)[0]!.amount

describe('rules that see the channel, today and the constants', () => {
  it('is a valid definition', () => {
    expect(validateDefinition(lateRegistration())).toMatchObject({ ok: true })
  })

  it('charges nothing on time, the constant late, less online', () => {
    const def = lateRegistration()
    expect(computeFees(def, form('2026-10-15'), { channel: 'counter', today: '2026-11-30' })[0]!.amount).toBe(0)
    expect(fee(def, { channel: 'counter', today: '2026-11-30' })).toBe(8000)
    expect(fee(def, { channel: 'online', today: '2026-11-30' })).toBe(4000)
  })

  it("uses an administrator's value for a constant when given, the definition's otherwise", () => {
    const def = lateRegistration()
    expect(fee(def, { channel: 'counter', today: '2026-11-30', constants: { le_phi_qua_han: 10000 } })).toBe(10000)
    // a value for a constant the definition does not declare is ignored
    expect(fee(def, { channel: 'counter', today: '2026-11-30', constants: { khac: 1 } })).toBe(8000)
  })

  it('fails with a rule error, not a NaN fee, when today is unknown', () => {
    expect(() => fee(lateRegistration(), { channel: 'counter' })).toThrow(/ngày hợp lệ|valid date/)
  })

  it('lets component conditions and cases read today and the channel', () => {
    const def = lateRegistration()
    const keys = (ngay: string) =>
      requiredComponents(def, form(ngay), { channel: 'online', today: '2026-11-30' }).map((c) => c.key)
    expect(keys('2010-01-01')).toContain('giay_to_khac')
    expect(keys('2000-01-01')).not.toContain('giay_to_khac')
    expect(selectCase(def, form('2000-01-01'), { channel: 'post', today: '2026-11-30' })?.key).toBe('can_xac_minh')
    expect(selectCase(def, form('2000-01-01'), { channel: 'online', today: '2026-11-30' })).toBeNull()
  })
})
