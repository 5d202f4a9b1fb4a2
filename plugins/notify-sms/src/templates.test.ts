import type { DossierSnapshot } from '@motcua/plugin-sdk'
import { describe, expect, it } from 'vitest'
import type { Config } from './config'
import plugin from './index'
import { DEFAULT_TEMPLATES, shortVietnamTime, smsFor } from './templates'
import { internationalMobile, unaccented } from './vietnamese'

const config: Config = { url: 'https://sms.example.vn/send', apiKey: 'khoa-bi-mat', sender: 'UBND-QNINH' }

const dossier = (over: Partial<DossierSnapshot> = {}): DossierSnapshot => ({
  receiptCode: '000.01.21.H49-261201-0001',
  procedure: { code: 'dang-ky-khai-sinh', name: 'Đăng ký khai sinh', version: 1 },
  unit: { code: '06649', name: 'UBND phường Hà Khánh', electronicId: '000.01.21.H49' },
  channel: 2,
  status: 2,
  statusName: 'Được tiếp nhận',
  currentStep: 'tham_dinh',
  applicant: { fullName: 'Nguyễn Thị Lan', phone: '0912 345 678' },
  submittedAt: '2026-12-01T01:00:00.000Z',
  receivedAt: '2026-12-01T02:00:00.000Z',
  dueAt: '2026-12-03T10:00:00.000Z',
  doneAt: null,
  returnedAt: null,
  fees: [],
  form: null,
  ...over,
})
const GSM_BASIC = /^[A-Za-z0-9 \n.,:;!?'"()/%&+\-=@#*<>_$]*$/
// a unit name longer than most
const longUnit = {
  code: '06700',
  name: 'Ủy ban nhân dân thị trấn Quảng Hà huyện Hải Hà',
  electronicId: '000.01.29.H49',
}

describe('the SMS of each status', () => {
  it('is plain GSM-7 letters by default, with the receipt code, the unit and the due time in Vietnam time', () => {
    expect(smsFor(config, dossier())).toEqual({
      to: '84912345678',
      text: 'Ho so 000.01.21.H49-261201-0001 da duoc UBND phuong Ha Khanh tiep nhan. Hen tra: 17:00 03/12/2026.',
      unicode: false,
    })
  })

  it('fits one 160-character SMS for every status 1–10, even with a long unit name', () => {
    for (let status = 1; status <= 10; status++) {
      expect(DEFAULT_TEMPLATES[status]).toContain('{{maHoSo}}')
      const sms = smsFor(config, dossier({ status, unit: longUnit }))!
      expect(sms.text).toMatch(GSM_BASIC)
      expect(sms.text.length).toBeLessThanOrEqual(160)
      expect(sms.text).toContain('000.01.21.H49-261201-0001')
      expect(sms.text.endsWith('...')).toBe(false)
    }
  })

  it('keeps the diacritics when the gateway takes Unicode, and cuts what is beyond maxLength at a word', () => {
    const accented = smsFor({ ...config, unaccented: false, maxLength: 140 }, dossier())!
    expect(accented.text).toBe(
      'Hồ sơ 000.01.21.H49-261201-0001 đã được UBND phường Hà Khánh tiếp nhận. Hẹn trả: 17:00 03/12/2026.',
    )
    expect(accented.unicode).toBe(true)
    const cut = smsFor({ ...config, maxLength: 70 }, dossier())!.text
    expect(cut).toBe('Ho so 000.01.21.H49-261201-0001 da duoc UBND phuong Ha Khanh tiep...')
  })

  it('leaves out the due time when the procedure has none', () => {
    expect(smsFor(config, dossier({ dueAt: null }))!.text).toBe(
      'Ho so 000.01.21.H49-261201-0001 da duoc UBND phuong Ha Khanh tiep nhan.',
    )
  })

  it('goes only to Vietnamese mobiles, for the statuses the unit chose, with its own text', () => {
    expect(smsFor(config, dossier({ applicant: { fullName: 'An', phone: '0203 3835 123' } }))).toBeUndefined()
    expect(smsFor(config, dossier({ applicant: { fullName: 'An' } }))).toBeUndefined()
    expect(smsFor({ ...config, statuses: [9] }, dossier())).toBeUndefined()
    const own = { ...config, templates: { '2': 'Phường Hà Khánh: đã nhận HS {{maHoSo}}, hẹn {{hanTra}}' } }
    expect(smsFor(own, dossier())!.text).toBe(
      'Phuong Ha Khanh: da nhan HS 000.01.21.H49-261201-0001, hen 17:00 03/12/2026',
    )
  })
})

describe('Vietnamese text and numbers', () => {
  it('strips diacritics keeping case, whatever the Unicode form', () => {
    expect(unaccented('ĐĂNG ký Quảng Ninh'.normalize('NFD'))).toBe('DANG ky Quang Ninh')
  })
  it('writes mobiles as 84 and 9 digits, refusing landlines and foreign numbers', () => {
    expect(internationalMobile('0912345678')).toBe('84912345678')
    expect(internationalMobile('+84 912.345.678')).toBe('84912345678')
    expect(internationalMobile('84 386 123 456')).toBe('84386123456')
    expect(internationalMobile('0203 3835 123')).toBeUndefined()
    expect(internationalMobile('+1 650 555 0100')).toBeUndefined()
    expect(internationalMobile('0612345678')).toBeUndefined()
    expect(internationalMobile('gọi 0912345678')).toBeUndefined()
  })
  it('writes times in Vietnam time', () => {
    expect(shortVietnamTime('2026-12-31T17:30:00.000Z')).toBe('00:30 01/01/2027')
  })
})

describe('the hooks', () => {
  const change = (fromStatus: number | null, toStatus: number) => ({
    action: 'forward',
    actionKey: 'chuyen',
    label: null,
    fromStatus,
    toStatus,
    at: '2026-12-01T02:00:00.000Z',
    note: null,
    data: {},
  })
  it('queue an SMS on submission and on each change of status, not on a hand-over that keeps it', () => {
    const ctx = { config, unitCode: '06649' }
    expect(plugin.hooks!.onSubmit!(ctx, dossier({ status: 1 }))).toEqual([
      {
        topic: 'dossier.receipt',
        payload: expect.objectContaining({ to: '84912345678', text: expect.stringContaining('########') }),
      },
      { topic: 'sms', payload: expect.objectContaining({ to: '84912345678' }) },
    ])
    expect(plugin.hooks!.afterAction!(ctx, dossier(), change(1, 2))).toHaveLength(1)
    expect(plugin.hooks!.afterAction!(ctx, dossier({ status: 4 }), change(4, 4))).toEqual([])
  })
})
