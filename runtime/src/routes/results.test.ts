import { withTransaction } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publishVersion } from '../procedures/publish'
import { pdfText } from '../results/test-support'
import { asOfficers, libraryProcedure, openTestRuntime, submissionForm, type TestRuntime } from '../testing'

// Cấp Giấy xác nhận tình trạng hôn nhân: counter, post or an electronic copy, and a generated Giấy xác nhận
const marital = libraryProcedure('xac-nhan-tinh-trang-hon-nhan')
const UNIT = '06649' // Phường Hà Khánh
const resultData = {
  so: '125',
  ngay_cap: '2026-02-03',
  noi_cu_tru_xac_nhan: 'phường Hà Khánh, thành phố Hạ Long, tỉnh Quảng Ninh',
  tu_ngay: '2014-11-11',
  den_ngay: '2026-02-03',
  tinh_trang_hon_nhan: 'Hiện tại chưa đăng ký kết hôn với ai <script>alert(1)</script>',
  muc_dich_su_dung: 'đăng ký kết hôn với anh Vi Văn Thành, sinh ngày 02/07/1994',
  nguoi_ky: 'Đặng Thị Huyền',
  chuc_vu_nguoi_ky: 'Phó Chủ tịch',
}

interface Problem {
  error: { code: string; issues?: { code: string; path: string }[] }
}

describe.each(testDrivers())('the result of a dossier on $name', ({ open }) => {
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
  const submit = (delivery: unknown, procedure = marital) =>
    runtime.app.request('/api/dossiers', {
      method: 'POST',
      body: submissionForm(procedure.definition, {
        procedureCode: procedure.definition.code,
        unitCode: UNIT,
        applicant: { fullName: 'Lương Thị Ngọc', idNumber: '022196006420' },
        formData: procedure.sample,
        ...(delivery === undefined ? {} : { delivery }),
      }),
    })
  const download = (pinHeader?: string) =>
    runtime.app.request(`/api/track/${code}/result`, pinHeader ? { headers: { 'x-lookup-pin': pinHeader } } : {})

  beforeAll(async () => {
    // a Monday morning: the counter is open (intake at the counter needs it), a minute more at every reading
    let at = new Date('2026-02-02T09:00:00+07:00').getTime()
    runtime = await openTestRuntime(open, { clock: () => new Date((at += 60_000)) })
    // the province's postal fee, as a unit would publish it (the library leaves it to the postal company)
    const definition = structuredClone(marital.definition)
    definition.resultDelivery!.postalFee!.amount = 25000
    // and a return step that only sends the paper by post or hands over the electronic copy
    definition.steps.at(-1)!.actions[0]!.deliveryMethods = ['post', 'online']
    // in force on the test's clock, not the wall clock's
    await withTransaction(runtime.database.db, (tx) => publishVersion(tx, { definition, effectiveFrom: new Date(at) }))
    runtime.registry.invalidate()
  })
  afterAll(() => runtime?.close())

  it('takes post at submission only with an address in a real unit, and adds the postal fee line', async () => {
    const issues = async (res: Response) => {
      expect(res.status).toBe(400)
      return ((await res.json()) as Problem).error.issues?.map((i) => [i.code, i.path])
    }
    expect(await issues(await submit({ method: 'post' }))).toEqual([['required', '/delivery/address']])
    expect(await issues(await submit({ method: 'post', address: { unitCode: '99999', street: 'Số 14' } }))).toEqual([
      ['unit.unknown', '/delivery/address/unitCode'],
    ])
    expect(await issues(await submit({ method: 'counter', address: { unitCode: '06652', street: 'Số 14' } }))).toEqual([
      ['delivery.addressNotPost', '/delivery/address'],
    ])
    expect(await issues(await submit({ method: 'fax' }))).toContainEqual(['enum', '/delivery/method'])
    // a procedure that offers no choice of delivery
    expect(await issues(await submit({ method: 'post' }, libraryProcedure('dang-ky-khai-sinh')))).toEqual([
      ['delivery.notOffered', '/delivery'],
    ])

    const res = await submit({
      method: 'post',
      address: { unitCode: '06652', street: 'Số 14, tổ 9, khu 4', recipient: 'Lương Thị Ngọc', phone: '0961357924' },
    })
    expect(res.status, await res.clone().text()).toBe(201)
    const filed = (await res.json()) as { receiptCode: string; pin: string; fees: unknown[] }
    ;({ receiptCode: code, pin } = filed)
    expect(filed.fees).toContainEqual({
      key: 'cuoc_buu_chinh',
      name: 'Cước chuyển phát kết quả qua bưu chính công ích',
      amount: 25000,
    })
    const tracked = (await (
      await runtime.app.request(`/api/track/${code}`, { headers: { 'x-lookup-pin': pin } })
    ).json()) as { delivery: unknown; resultDownload: boolean }
    expect(tracked.delivery).toEqual({
      method: 'post',
      address: {
        unitCode: '06652',
        street: 'Số 14, tổ 9, khu 4',
        recipient: 'Lương Thị Ngọc',
        phone: '0961357924',
        text: 'Số 14, tổ 9, khu 4, Phường Hà Phong, Thành phố Hạ Long, Tỉnh Quảng Ninh',
      },
    })
    expect(tracked.resultDownload).toBe(false)
    const desk = (await (await as(`tiepnhan.${UNIT}`, 'GET', `/api/desk/dossiers/${code}`)).json()) as {
      fees: unknown[]
    }
    expect(desk.fees).toContainEqual(expect.objectContaining({ key: 'cuoc_buu_chinh', amount: 25000 }))
  })

  it('records the delivery chosen when a dossier is entered at the counter', async () => {
    const form = submissionForm(marital.definition, {
      procedureCode: marital.definition.code,
      unitCode: UNIT,
      channel: 1,
      applicant: { fullName: 'Lương Thị Ngọc' },
      formData: marital.sample,
      delivery: { method: 'online' },
    })
    const res = await as(`tiepnhan.${UNIT}`, 'POST', '/api/desk/intake', form)
    expect(res.status, await res.clone().text()).toBe(201)
    const { receiptCode, fees } = (await res.json()) as { receiptCode: string; fees: { key: string }[] }
    expect(fees.map((f) => f.key)).not.toContain('cuoc_buu_chinh')
    const desk = (await (await as(`tiepnhan.${UNIT}`, 'GET', `/api/desk/dossiers/${receiptCode}`)).json()) as {
      delivery: unknown
    }
    expect(desk.delivery).toEqual({ method: 'online' })
  })

  it('takes result data from the unit’s officers only, checked against the schema with each field’s path', async () => {
    const put = (user: string, data: unknown, expectedVersion?: number) =>
      version().then((v) =>
        as(user, 'PUT', `/api/desk/dossiers/${code}/result-data`, { expectedVersion: expectedVersion ?? v, data }),
      )
    // not received yet
    expect((await put(`chuyenvien.${UNIT}`, resultData)).status).toBe(409)
    await act(`tiepnhan.${UNIT}`, 'tiep_nhan')
    const bad = await put(`chuyenvien.${UNIT}`, { ...resultData, so: '', ngay_cap: '03/02/2026', den_ngay: undefined })
    expect(bad.status).toBe(400)
    const paths = ((await bad.json()) as Problem).error.issues!.map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['/data/so', '/data/ngay_cap', '/data/den_ngay']))
    expect((await put('chuyenvien.06652', resultData)).status).toBe(403) // another ward's officer
    expect((await put(`chuyenvien.${UNIT}`, resultData, 1)).status).toBe(409) // stale version
    expect(
      (
        await runtime.app.request(`/api/desk/dossiers/${code}/result-data`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: '{"expectedVersion":1,"data":{}}',
        })
      ).status,
    ).toBe(401)
    const good = await put(`chuyenvien.${UNIT}`, resultData)
    expect(good.status, await good.clone().text()).toBe(200)
    expect(((await good.json()) as { resultData: unknown }).resultData).toEqual(resultData)
  })

  it('prints the document as escaped HTML and generates the PDF with its Vietnamese text in an embedded font', async () => {
    const html = await as(`chuyenvien.${UNIT}`, 'GET', `/api/desk/dossiers/${code}/result-document`)
    expect(html.status).toBe(200)
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'")
    const page = await html.text()
    expect(page).toContain('GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN')
    expect(page).toContain('Số: 125/UBND-XNTTHN')
    expect(page).toContain('Hà Khánh, ngày 03 tháng 02 năm 2026')
    expect(page).toContain('UBND PHƯỜNG HÀ KHÁNH')
    expect(page).toContain('Ngày, tháng, năm sinh:</span> 11/11/1996')
    expect(page).toContain('Giới tính:</span> Nữ; Dân tộc: Tày')
    expect(page).toContain('từ ngày 11 tháng 11 năm 2014, đến ngày 03 tháng 02 năm 2026')
    expect(page).toContain('chưa đăng ký kết hôn với ai &lt;script&gt;')
    expect(page).not.toContain('<script>')
    expect((await as('chuyenvien.06652', 'GET', `/api/desk/dossiers/${code}/result-document`)).status).toBe(403)
    expect((await as(`chuyenvien.${UNIT}`, 'GET', `/api/desk/dossiers/${code}/result-document/pdf`)).status).toBe(404)

    const generated = await as(`chuyenvien.${UNIT}`, 'POST', `/api/desk/dossiers/${code}/result-document`, {
      expectedVersion: await version(),
    })
    expect(generated.status, await generated.clone().text()).toBe(201)
    const { sha256, id } = (await generated.json()) as { sha256: string; id: string }
    const file = await as(`lanhdao.${UNIT}`, 'GET', `/api/desk/dossiers/${code}/result-document/pdf`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    const bytes = new Uint8Array(await file.arrayBuffer())
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-')
    const { text, fonts } = pdfText(bytes)
    expect(fonts).toEqual(expect.arrayContaining([expect.stringMatching(/\+DejaVuSerif$/)]))
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc')
    expect(text).toContain('GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN')
    expect(text).toContain('Lương Thị Ngọc')
    expect(text).toContain('Hà Khánh, ngày 03 tháng 02 năm 2026')
    expect(text).toContain('Đặng Thị Huyền')
    expect(text).not.toContain('\uFFFD')
    expect(sha256).toMatch(/^[0-9a-f]{64}$/)

    // before the result is ready the applicant neither sees nor fetches it, by any route
    const tracked = (await (
      await runtime.app.request(`/api/track/${code}`, { headers: { 'x-lookup-pin': pin } })
    ).json()) as { attachments: { kind: string }[] }
    expect(tracked.attachments.map((a) => a.kind)).not.toContain('result')
    expect(
      (await runtime.app.request(`/api/track/${code}/files/${id}`, { headers: { 'x-lookup-pin': pin } })).status,
    ).toBe(404)
  })

  it('lets the applicant download the electronic result with the PIN once it is ready, never before', async () => {
    expect((await download(pin)).status).toBe(409) // still being processed
    const wrongPin = pin === '000000' ? '111111' : '000000'
    await act(`chuyenvien.${UNIT}`, 'trinh_ky')
    await act(`lanhdao.${UNIT}`, 'phe_duyet')
    expect((await download(wrongPin)).status).toBe(403)
    expect((await download()).status).toBe(403)
    const file = await download(pin)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-disposition')).toContain(`ket-qua-${code}.pdf`)
    expect(pdfText(new Uint8Array(await file.arrayBuffer())).text).toContain('NGƯỜI KÝ GIẤY XÁC NHẬN')

    const counter = await as(`tiepnhan.${UNIT}`, 'POST', `/api/desk/dossiers/${code}/actions/tra_ket_qua`, {
      expectedVersion: await version(),
      deliveryMethod: 'counter',
    })
    expect(counter.status).toBe(400)
    expect(((await counter.json()) as Problem).error.issues?.map((i) => i.path)).toEqual(['/deliveryMethod'])
    await act(`tiepnhan.${UNIT}`, 'tra_ket_qua', { deliveryMethod: 'post' })
    const tracked = (await (
      await runtime.app.request(`/api/track/${code}`, { headers: { 'x-lookup-pin': pin } })
    ).json()) as { status: number; resultDownload: boolean; timeline: { actionName: { vi: string } }[] }
    expect(tracked).toMatchObject({ status: 10, resultDownload: true })
    expect(tracked.timeline.map((t) => t.actionName.vi)).toEqual(
      expect.arrayContaining(['Nhập thông tin kết quả giải quyết', 'Lập văn bản kết quả giải quyết']),
    )
    // the dossier has ended: its result can no longer change
    expect(
      (
        await as(`chuyenvien.${UNIT}`, 'POST', `/api/desk/dossiers/${code}/result-document`, {
          expectedVersion: await version(),
        })
      ).status,
    ).toBe(409)
  })
})
