import type { DossierSnapshot } from '@motcua/plugin-sdk'
import { describe, expect, it } from 'vitest'
import type { Config } from './config'
import plugin from './index'
import { DEFAULT_TEMPLATES, emailFor, trackingUrl, vietnamTime } from './templates'

const config: Config = {
  host: 'smtp.example.vn',
  from: 'Bộ phận Một cửa <motcua@example.vn>',
  portalUrl: 'https://dichvucong.quangninh.gov.vn/',
}

const dossier = (over: Partial<DossierSnapshot> = {}): DossierSnapshot => ({
  receiptCode: '000.01.21.H49-261201-0001',
  procedure: { code: 'dang-ky-khai-sinh', name: 'Đăng ký khai sinh', version: 1 },
  unit: { code: '06649', name: 'UBND phường Hà Khánh', electronicId: '000.01.21.H49' },
  channel: 2,
  status: 2,
  statusName: 'Được tiếp nhận',
  currentStep: 'tham_dinh',
  applicant: { fullName: 'Nguyễn Thị Lan', email: 'lan.nguyen@example.vn', phone: '0912345678' },
  submittedAt: '2026-12-01T01:00:00.000Z',
  receivedAt: '2026-12-01T02:00:00.000Z',
  dueAt: '2026-12-03T10:00:00.000Z',
  doneAt: null,
  returnedAt: null,
  fees: [],
  form: null,
  ...over,
})

const change = (fromStatus: number | null, toStatus: number, note: string | null = null) => ({
  action: 'receive',
  actionKey: 'tiep_nhan',
  label: null,
  fromStatus,
  toStatus,
  at: '2026-12-01T02:00:00.000Z',
  note,
  data: {},
})
const hookCtx = { config, unitCode: '06649' }

describe('the e-mail of each status', () => {
  it('has a Vietnamese template for every national status 1–10, naming the receipt code', () => {
    for (let status = 1; status <= 10; status++) {
      const template = DEFAULT_TEMPLATES[status]!
      expect(template.subject).toContain('{{maHoSo}}')
      expect(emailFor(config, dossier({ status }))?.subject).toContain('000.01.21.H49-261201-0001')
    }
  })

  it('tells a received dossier’s applicant the procedure, unit, due time in Vietnam time and tracking link', () => {
    const email = emailFor(config, dossier())!
    expect(email.to).toBe('lan.nguyen@example.vn')
    expect(email.subject).toBe('Hồ sơ 000.01.21.H49-261201-0001 đã được tiếp nhận')
    expect(email.text).toContain('Kính gửi ông/bà Nguyễn Thị Lan,')
    expect(email.text).toContain('(Đăng ký khai sinh) đã được UBND phường Hà Khánh tiếp nhận.')
    expect(email.text).toContain('Hạn trả kết quả: 17:00 ngày 03/12/2026.')
    expect(email.text).toContain('https://dichvucong.quangninh.gov.vn/tra-cuu/000.01.21.H49-261201-0001')
  })

  it('gives the officer’s reason when one was written, and leaves the line out when none was', () => {
    expect(emailFor(config, dossier({ status: 5 }), { note: 'Thiếu bản sao giấy chứng sinh' })!.text).toContain(
      'Nội dung cần bổ sung: Thiếu bản sao giấy chứng sinh',
    )
    expect(emailFor(config, dossier({ status: 3 }), { note: null })!.text).not.toContain('Lý do')
  })

  it('sends nothing without a valid applicant e-mail, or for a status the unit turned off', () => {
    expect(emailFor(config, dossier({ applicant: { fullName: 'An' } }))).toBeUndefined()
    const injected = { fullName: 'An', email: 'an@example.vn\r\nBcc: all@example.vn' }
    expect(emailFor(config, dossier({ applicant: injected }))).toBeUndefined()
    expect(emailFor({ ...config, statuses: [9, 10] }, dossier({ status: 2 }))).toBeUndefined()
    expect(emailFor({ ...config, statuses: [9, 10] }, dossier({ status: 9 }))).toBeDefined()
  })

  it('uses a unit’s own template for a status, with its signature', () => {
    const own: Config = {
      ...config,
      templates: { '2': { subject: '[Hà Khánh] Đã tiếp nhận {{maHoSo}}', text: 'Hạn: {{hanTra}}' } },
      signature: 'Bộ phận Một cửa phường Hà Khánh, ĐT 0203 3835 123',
    }
    const email = emailFor(own, dossier())!
    expect(email.subject).toBe('[Hà Khánh] Đã tiếp nhận 000.01.21.H49-261201-0001')
    expect(email.text).toContain('Hạn: 17:00 ngày 03/12/2026')
    expect(email.text).toContain('Bộ phận Một cửa phường Hà Khánh, ĐT 0203 3835 123')
    expect(emailFor(own, dossier({ status: 4 }))!.subject).toBe('Hồ sơ 000.01.21.H49-261201-0001 đang được xử lý')
  })

  it('writes times in Vietnam time and escapes the receipt code in the link', () => {
    expect(vietnamTime('2026-12-31T17:30:00.000Z')).toBe('00:30 ngày 01/01/2027')
    expect(trackingUrl('https://a.vn//', 'A B/1')).toBe('https://a.vn/tra-cuu/A%20B%2F1')
  })
})

describe('the hooks', () => {
  it('queue an e-mail on submission and on each change of status, not on a hand-over that keeps it', () => {
    expect(plugin.hooks!.onSubmit!(hookCtx, dossier({ status: 1 }))).toEqual([
      // first the receipt, its PIN left for the runtime to put in at delivery
      {
        topic: 'dossier.receipt',
        payload: expect.objectContaining({
          subject: 'Mã hồ sơ 000.01.21.H49-261201-0001 và mã tra cứu',
          text: expect.stringContaining('Mã tra cứu (PIN): ########'),
        }),
      },
      { topic: 'email', payload: expect.objectContaining({ subject: 'Đã nhận hồ sơ 000.01.21.H49-261201-0001' }) },
    ])
    expect(plugin.hooks!.afterAction!(hookCtx, dossier(), change(1, 2))).toHaveLength(1)
    expect(plugin.hooks!.afterAction!(hookCtx, dossier({ status: 4 }), change(4, 4))).toEqual([])
    expect(plugin.hooks!.onSubmit!(hookCtx, dossier({ applicant: { fullName: 'An' } }))).toEqual([])
  })
})
