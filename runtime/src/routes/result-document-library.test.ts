import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfText } from '../results/test-support'
import { asOfficers, libraryProcedure, openTestRuntime, submissionForm, type TestRuntime } from '../testing'

// Đăng ký chấm dứt giám hộ: its result, the Trích lục đăng ký chấm dứt giám hộ, is generated from the dossier
const procedure = libraryProcedure('dang-ky-cham-dut-giam-ho')
const UNIT = '06649' // Phường Hà Khánh
const resultData = {
  so: '07',
  ngay_dang_ky: '2026-02-04',
  nguoi_ky: 'Đặng Thị Huyền',
  chuc_vu_nguoi_ky: 'Phó Chủ tịch',
}

interface Problem {
  error: { code: string; issues?: { code: string; path: string }[] }
}

describe.each(testDrivers())('the Trích lục đăng ký chấm dứt giám hộ on $name', ({ open }) => {
  let runtime: TestRuntime
  let code: string
  let pin: string
  const officers = asOfficers(() => runtime)
  const { as } = officers
  const version = async () => (await officers.view(`chuyenvien.${UNIT}`, code)).version
  const act = async (user: string, action: string, inputs: Record<string, unknown> = {}) => {
    const res = await officers.act(user, code, action, inputs)
    expect(res.status, await res.clone().text()).toBe(200)
  }

  beforeAll(async () => {
    // a Tuesday morning, a minute more at every reading
    let at = new Date('2026-02-03T09:00:00+07:00').getTime()
    runtime = await openTestRuntime(open, { clock: () => new Date((at += 60_000)) })
  })
  afterAll(() => runtime?.close())

  it('files the sample online asking for the electronic result, with the fee for one copy', async () => {
    const res = await runtime.app.request('/api/dossiers', {
      method: 'POST',
      body: submissionForm(procedure.definition, {
        procedureCode: procedure.definition.code,
        unitCode: UNIT,
        applicant: { fullName: 'Đoàn Thị Lụa', idNumber: '022162002468', phone: '0972468135' },
        formData: procedure.sample,
        delivery: { method: 'online' },
      }),
    })
    expect(res.status, await res.clone().text()).toBe(201)
    const filed = (await res.json()) as { receiptCode: string; pin: string; fees: { key: string; amount: number }[] }
    ;({ receiptCode: code, pin } = filed)
    expect(filed.fees).toContainEqual(expect.objectContaining({ key: 'phi_ban_sao', amount: 8000 }))
    expect(filed.fees.map((f) => f.key)).not.toContain('cuoc_buu_chinh')
  })

  it('takes the officer’s number and date, then prints the Trích lục from the dossier as HTML and PDF', async () => {
    await act(`tiepnhan.${UNIT}`, 'tiep_nhan')
    // nothing to print before the officer has entered the result data
    const early = await as(`chuyenvien.${UNIT}`, 'POST', `/api/desk/dossiers/${code}/result-document`, {
      expectedVersion: await version(),
    })
    expect(early.status).toBe(409)
    expect(((await early.json()) as Problem).error.issues?.map((i) => i.path)).toEqual(
      expect.arrayContaining(['/resultData/so', '/resultData/ngay_dang_ky', '/resultData/nguoi_ky']),
    )

    const missing = await as(`chuyenvien.${UNIT}`, 'PUT', `/api/desk/dossiers/${code}/result-data`, {
      expectedVersion: await version(),
      data: { so: '07' },
    })
    expect(missing.status).toBe(400)
    expect(((await missing.json()) as Problem).error.issues?.map((i) => i.path)).toEqual(
      expect.arrayContaining(['/data/ngay_dang_ky', '/data/nguoi_ky', '/data/chuc_vu_nguoi_ky']),
    )
    const put = await as(`chuyenvien.${UNIT}`, 'PUT', `/api/desk/dossiers/${code}/result-data`, {
      expectedVersion: await version(),
      data: resultData,
    })
    expect(put.status, await put.clone().text()).toBe(200)

    const html = await as(`chuyenvien.${UNIT}`, 'GET', `/api/desk/dossiers/${code}/result-document`)
    expect(html.status).toBe(200)
    const page = await html.text()
    expect(page).toContain('TRÍCH LỤC ĐĂNG KÝ CHẤM DỨT GIÁM HỘ')
    expect(page).toContain('Số: 07/TLCDGH')
    expect(page).toContain('Hà Khánh, ngày 04 tháng 02 năm 2026')
    expect(page).toContain('Đoàn Thị Lụa') // the guardian, who applied
    expect(page).toContain('Đoàn Minh Đức') // the ward
    expect(page).toContain('Ngày, tháng, năm sinh:</span> 12/09/2014')
    expect(page).toContain('Giới tính:</span> Nam; Dân tộc: Kinh; Quốc tịch: Việt Nam')
    expect(page).toContain('UBND xã Hải Tiến, thành phố Móng Cái, tỉnh Quảng Ninh, số 03, ngày 15/03/2021')
    expect(page).toContain('Người được giám hộ được nhận làm con nuôi')
    expect(page).toContain('NGƯỜI KÝ TRÍCH LỤC')

    const generated = await as(`chuyenvien.${UNIT}`, 'POST', `/api/desk/dossiers/${code}/result-document`, {
      expectedVersion: await version(),
    })
    expect(generated.status, await generated.clone().text()).toBe(201)
    const file = await as(`lanhdao.${UNIT}`, 'GET', `/api/desk/dossiers/${code}/result-document/pdf`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    const { text } = pdfText(new Uint8Array(await file.arrayBuffer()))
    expect(text).toContain('TRÍCH LỤC ĐĂNG KÝ CHẤM DỨT GIÁM HỘ')
    expect(text).toContain('Số: 07/TLCDGH')
    expect(text).toContain('Đoàn Thị Lụa')
    expect(text).toContain('Đoàn Minh Đức')
    expect(text).toContain('Đặng Thị Huyền')
    expect(text).not.toContain('\uFFFD')
  })

  it('lets the applicant download it with the PIN once signed, and ends with the electronic result returned', async () => {
    const download = () => runtime.app.request(`/api/track/${code}/result`, { headers: { 'x-lookup-pin': pin } })
    expect((await download()).status).toBe(409) // not signed yet
    await act(`chuyenvien.${UNIT}`, 'trinh_ky')
    await act(`lanhdao.${UNIT}`, 'phe_duyet')
    const file = await download()
    expect(file.status).toBe(200)
    const { text } = pdfText(new Uint8Array(await file.arrayBuffer()))
    expect(text).toContain('Đoàn Minh Đức')
    expect(text).toContain('Số: 07/TLCDGH')
    await act(`tiepnhan.${UNIT}`, 'tra_ket_qua', { deliveryMethod: 'online' })
    const tracked = (await (
      await runtime.app.request(`/api/track/${code}`, { headers: { 'x-lookup-pin': pin } })
    ).json()) as { status: number; resultDownload: boolean }
    expect(tracked).toMatchObject({ status: 10, resultDownload: true })
  })
})
