import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfText } from '../results/test-support'
import { libraryProcedure, openTestRuntime, type TestRuntime } from '../testing'
import { blankFormPdf } from './blank-form-pdf'

const birth = libraryProcedure('dang-ky-khai-sinh').definition

describe('blankFormPdf', () => {
  it('prints every field of the form with its Vietnamese label, the choices, the declaration and the signature', async () => {
    const pdf = await blankFormPdf(birth, 3, new Date('2026-01-01T00:00:00Z'))
    expect(Buffer.from(pdf.slice(0, 5)).toString('latin1')).toBe('%PDF-')
    expect(Buffer.from(pdf).toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]')
    const { text, fonts } = pdfText(pdf)
    const flat = text.replace(/\s+/g, ' ')
    expect(fonts.some((f) => f.includes('DejaVuSerif'))).toBe(true)
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỜ KHAI',
      birth.name,
      'Người đi đăng ký khai sinh',
      'Người được khai sinh',
      'Thông tin người mẹ',
      'Cha, mẹ đã đăng ký kết hôn',
      'Tôi xin cam đoan',
      'NGƯỜI KHAI',
      '(Ký, ghi rõ họ, chữ đệm, tên)',
      `thủ tục ${birth.code}, phiên bản 3`,
    ])
      expect(flat).toContain(expected)
    expect(flat).toContain('Ngày, tháng, năm sinh (ngày/tháng/năm):')
  })

  it('draws the same bytes for the same version', async () => {
    const at = new Date('2026-01-01T00:00:00Z')
    expect(Buffer.from(await blankFormPdf(birth, 1, at)).equals(Buffer.from(await blankFormPdf(birth, 1, at)))).toBe(
      true,
    )
  })
})

describe.each(testDrivers())('GET /api/procedures/:code/blank-form.pdf on $name', ({ open }) => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await openTestRuntime(open)
  }, 120_000)
  afterAll(() => runtime?.close())

  it('serves the blank form to anyone, as a download cached by version', async () => {
    const res = await runtime.app.request(`/api/procedures/${encodeURIComponent(birth.code)}/blank-form.pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="to-khai-.+-v1\.pdf"$/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=60')
    const { text } = pdfText(new Uint8Array(await res.arrayBuffer()))
    expect(text.replace(/\s+/g, ' ')).toContain(birth.name)
    const again = await runtime.app.request(`/api/procedures/${encodeURIComponent(birth.code)}/blank-form.pdf`, {
      headers: { 'if-none-match': res.headers.get('etag')! },
    })
    expect(again.status).toBe(304)
  })

  it('answers 404 for a procedure not in force', async () => {
    const res = await runtime.app.request('/api/procedures/KHONG-CO/blank-form.pdf')
    expect(res.status).toBe(404)
  })
})
