import { describe, expect, it } from 'vitest'
import { formSetOf, formSetOn, formSets, slipKindIn } from './form-sets'

const vn = (local: string) => new Date(`${local}+07:00`)

describe('formSetOn', () => {
  it('switches from Thông tư 01/2018 to Thông tư 03/2025 on 15/9/2025, Vietnam time', () => {
    expect(formSetOn(vn('2024-05-06T09:00:00')).circular).toBe('Thông tư 01/2018/TT-VPCP')
    expect(formSetOn(vn('2025-09-14T23:59:00')).circular).toBe('Thông tư 01/2018/TT-VPCP')
    expect(formSetOn(vn('2025-09-15T00:00:00')).circular).toBe('Thông tư 03/2025/TT-VPCP') // still the 14th in UTC
    expect(formSetOn(vn('2026-03-02T10:00:00')).circular).toBe('Thông tư 03/2025/TT-VPCP')
  })

  it('serves dossiers older than 2019 with the earliest set it knows', () => {
    expect(formSetOn(vn('2018-12-20T10:00:00')).circular).toBe('Thông tư 01/2018/TT-VPCP')
  })
})

describe('formSetOf', () => {
  it('takes the reception date, else the submission date', () => {
    const submittedAt = vn('2025-09-12T10:00:00')
    expect(formSetOf({ submittedAt, receivedAt: vn('2025-09-15T08:00:00') }).circular).toBe('Thông tư 03/2025/TT-VPCP')
    expect(formSetOf({ submittedAt, receivedAt: null }).circular).toBe('Thông tư 01/2018/TT-VPCP')
  })
})

describe('the sets', () => {
  it('number the forms as their circulars do', () => {
    const [old, current] = formSets
    expect(old!.numbers).toEqual({
      receipt: '01',
      'supplement-request': '02',
      refusal: '03',
      apology: '04',
      'control-slip': '05',
      register: '06',
    })
    expect(Object.entries(current!.numbers).map(([kind, n]) => `${n} ${current!.titles[kind as 'receipt']}`)).toEqual([
      '01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
      '02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
      '03 Phiếu từ chối tiếp nhận giải quyết hồ sơ',
      '04 Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
      '05 Thông báo dừng giải quyết hồ sơ',
      '06 Phiếu kiểm soát quá trình giải quyết hồ sơ',
      '07 Sổ theo dõi hồ sơ',
    ])
  })

  it('read a number in the set, or a kind in any', () => {
    expect(slipKindIn('05', formSets[0]!)).toBe('control-slip')
    expect(slipKindIn('05', formSets[1]!)).toBe('stop-notice')
    expect(slipKindIn('07', formSets[0]!)).toBeUndefined()
    expect(slipKindIn('stop-notice', formSets[0]!)).toBe('stop-notice') // our own draft before 2025
    expect(slipKindIn('constructor', formSets[0]!)).toBeUndefined()
  })
})
