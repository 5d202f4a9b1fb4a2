import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfText } from '../results/test-support'
import { asOfficers, libraryProcedure, openTestRuntime, submissionForm, type TestRuntime } from '../testing'

// Cấp Giấy xác nhận tình trạng hôn nhân: 03 ngày làm việc, result at the counter, by post or online
const marital = libraryProcedure('xac-nhan-tinh-trang-hon-nhan')
const UNIT = '06649' // Phường Hà Khánh

interface Submitted {
  receiptCode: string
  pin: string
  dueAt: string | null
  expectedDueAt: string | null
  payment: string
  delivery: { method: string; address?: { text: string } } | null
}

describe.each(testDrivers())('the citizen’s receipt on $name', ({ open }) => {
  let runtime: TestRuntime
  let filed: Submitted
  const officers = asOfficers(() => runtime)
  const receipt = (code: string, headers: Record<string, string> = {}, query = '') =>
    runtime.app.request(`/api/dossiers/${encodeURIComponent(code)}/receipt.pdf${query}`, { headers })

  beforeAll(async () => {
    // Monday 2 February 2026, 09:00 in Hà Khánh, a minute more at every reading
    let at = new Date('2026-02-02T09:00:00+07:00').getTime()
    runtime = await openTestRuntime(open, { clock: () => new Date((at += 60_000)) })
    const res = await runtime.app.request('/api/dossiers', {
      method: 'POST',
      body: submissionForm(marital.definition, {
        procedureCode: marital.definition.code,
        unitCode: UNIT,
        applicant: { fullName: 'Lương Thị Ngọc', idNumber: '022196006420', phone: '0912345678' },
        formData: marital.sample,
        delivery: { method: 'post', address: { unitCode: '06649', street: 'Số 14 đường Lê Thánh Tông' } },
      }),
    })
    expect(res.status, await res.clone().text()).toBe(201)
    filed = (await res.json()) as Submitted
  })
  afterAll(() => runtime?.close())

  it('answers a submission with the appointment the working calendar gives if received today, and the delivery chosen', async () => {
    expect(filed.dueAt).toBeNull()
    // no SMS plugin enabled for the unit: the receipt claims nothing was sent
    expect(filed).toMatchObject({ receiptSentTo: null, payment: 'none' })
    // 03 working days from Monday morning: Thursday morning
    expect(filed.expectedDueAt).toMatch(/^2026-02-05T0[23]:/)
    expect(filed.delivery).toMatchObject({ method: 'post', address: { text: expect.stringContaining('Số 14') } })
    const tracked = (await (await runtime.app.request(`/api/track/${filed.receiptCode}`)).json()) as Submitted
    expect(tracked.expectedDueAt).toMatch(/^2026-02-05T/)
  })

  it('serves Mẫu 01 as a PDF with searchable Vietnamese text, only with the PIN, never from the query string', async () => {
    expect((await receipt(filed.receiptCode)).status).toBe(403)
    expect((await receipt(filed.receiptCode, { 'x-lookup-pin': '00000000' })).status).toBe(403)
    expect((await receipt(filed.receiptCode, {}, `?pin=${filed.pin}`)).status).toBe(400)
    expect((await receipt('000.00.00.H00-000000-0000', { 'x-lookup-pin': filed.pin })).status).toBe(404)
    const res = await receipt(filed.receiptCode, { 'x-lookup-pin': filed.pin })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const { text: lines, fonts } = pdfText(new Uint8Array(await res.arrayBuffer()))
    const text = lines.replace(/\s+/g, ' ')
    expect(fonts).toEqual(expect.arrayContaining([expect.stringMatching(/\+DejaVuSerif$/)]))
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ')
    expect(text).toContain(filed.receiptCode)
    expect(text).toContain('Lương Thị Ngọc')
    expect(text).toContain('Cấp Giấy xác nhận tình trạng hôn nhân')
    expect(text).toContain('cơ quan chưa kiểm tra, tiếp nhận')
    expect(text).toMatch(/dự kiến \d\d giờ \d\d phút, ngày 05\/02\/2026/)
    expect(text).toContain(`Mã tra cứu (PIN): ${filed.pin}`)
    expect(text).toContain(
      '6. Đăng ký nhận kết quả tại: Qua dịch vụ bưu chính công ích, địa chỉ: Số 14 đường Lê Thánh Tông',
    )
    expect(text).not.toContain('\uFFFD')
  })

  it('prints the appointment and the officer once the dossier is received', async () => {
    const acted = await officers.act(`tiepnhan.${UNIT}`, filed.receiptCode, 'tiep_nhan')
    expect(acted.status, await acted.clone().text()).toBe(200)
    const res = await receipt(filed.receiptCode, { 'x-lookup-pin': filed.pin })
    const { text } = pdfText(new Uint8Array(await res.arrayBuffer()))
    expect(text).toMatch(/5\. Thời gian trả kết quả giải quyết hồ sơ: \d\d giờ \d\d phút, ngày 0[56]\/02\/2026/)
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ')
    expect(text).not.toContain('chưa kiểm tra')
  })
})
