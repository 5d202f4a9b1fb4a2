import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, openTestRuntime, sampleSubmission, signIn, type TestRuntime } from '../testing'

const vn = (local: string) => new Date(`${local}+07:00`)
const business = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh')

describe.each(testDrivers())('printable slips on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = vn('2025-05-05T08:30:00')
  let code: string
  const tokens: Record<string, string> = {}
  const as = async (user: string, path: string, init: RequestInit = {}) => {
    tokens[user] ??= await signIn(runtime, user)
    return runtime.app.request(path, {
      ...init,
      headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' },
    })
  }
  const act = async (user: string, action: string, inputs: Record<string, unknown> = {}) => {
    const { version } = (await (await as(user, `/api/desk/dossiers/${code}`)).json()) as { version: number }
    expect(
      (
        await as(user, `/api/desk/dossiers/${code}/actions/${action}`, {
          method: 'POST',
          body: JSON.stringify({ expectedVersion: version, ...inputs }),
        })
      ).status,
    ).toBe(200)
  }
  const slip = (form: string, user = 'tiepnhan.193') => as(user, `/api/desk/dossiers/${code}/slips/${form}`)

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
    const res = await runtime.app.request(
      '/api/dossiers',
      sampleSubmission(business, '193', { fullName: 'Hoàng Thị Lan', idNumber: '022186005555' }),
    )
    code = ((await res.json()) as { receiptCode: string }).receiptCode
    await act('tiepnhan.193', 'tiep_nhan')
    now = vn('2025-05-06T09:00:00')
    await act('chuyenvien.193', 'yeu_cau_bo_sung', { missingItems: ['Bản sao hợp đồng thuê nhà có công chứng'] })
    now = vn('2025-05-07T09:00:00')
    await act('tiepnhan.193', 'nhan_bo_sung')
    await act('chuyenvien.193', 'xin_loi_hen_lai', {
      reason: 'Chờ ý kiến của Chi cục Thuế',
      newDueAt: vn('2025-05-14T17:00:00').toISOString(),
    })
  })
  afterAll(() => runtime?.close())

  it('prints the receipt and appointment (Mẫu 01) with the code, the applicant, the date and a QR code', async () => {
    const res = await slip('01')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    const html = await res.text()
    expect(html).toContain(code)
    expect(html).toContain('Hoàng Thị Lan')
    expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(html).toContain('<svg')
  })

  it('prints the supplement request (02) listing what is missing, and the apology (04) with the new date', async () => {
    expect(await (await slip('02')).text()).toContain('Bản sao hợp đồng thuê nhà có công chứng')
    const apology = await (await slip('04')).text()
    expect(apology).toContain('<h1 class="title">Phiếu xin lỗi và hẹn lại ngày trả kết quả</h1>')
    expect(apology).toContain('Chờ ý kiến của Chi cục Thuế')
    expect(apology).toContain('14/05/2025')
  })

  it('prints the process control slip (Mẫu 05 of the 2018 set, in force in May 2025) with a row per event', async () => {
    const html = await (await slip('05')).text()
    expect(html).toContain('<h1 class="title">Phiếu kiểm soát quá trình giải quyết hồ sơ</h1>')
    for (const label of ['Tiếp nhận', 'Nhận hồ sơ bổ sung']) expect(html).toContain(label)
    expect(await (await slip('control-slip')).text()).toBe(html)
  })

  it('refuses a slip for what never happened, an unknown form, the register, and another unit’s officer', async () => {
    expect((await slip('03')).status).toBe(409) // never refused
    expect((await slip('08')).status).toBe(404)
    expect((await slip('07')).status).toBe(404) // the 2018 set has no Mẫu 07
    expect((await slip('06')).status).toBe(404) // its Mẫu 06 is the unit's register
    expect((await slip('01', 'tiepnhan.194')).status).toBe(403)
  })

  it('prints a 2026 dossier’s slips by Thông tư 03/2025: the new Mẫu 04 title, the control slip as 06', async () => {
    const first = code
    now = vn('2026-03-02T08:30:00')
    const res = await runtime.app.request(
      '/api/dossiers',
      sampleSubmission(business, '193', { fullName: 'Đặng Văn Bình', idNumber: '022186006666' }),
    )
    code = ((await res.json()) as { receiptCode: string }).receiptCode
    try {
      await act('tiepnhan.193', 'tiep_nhan')
      now = vn('2026-03-03T09:00:00')
      await act('chuyenvien.193', 'xin_loi_hen_lai', {
        reason: 'Chờ ý kiến của cơ quan thuế',
        newDueAt: vn('2026-03-10T17:00:00').toISOString(),
      })
      const apology = await (await slip('04')).text()
      expect(apology).toContain('<h1 class="title">Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết</h1>')
      expect(apology).toContain(
        'đề nghị gia hạn thời gian giải quyết hồ sơ đến: <b>17 giờ 00 phút, ngày 10/03/2026</b>',
      )
      expect(await (await slip('06')).text()).toContain(
        '<h1 class="title">Phiếu kiểm soát quá trình giải quyết hồ sơ</h1>',
      )
      expect((await slip('05')).status).toBe(409) // the stop notice: never stopped
    } finally {
      code = first
    }
  })
})
