import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileFor, libraryProcedure, openTestRuntime, signIn, type TestRuntime } from '../testing'

const vn = (local: string) => new Date(`${local}+07:00`)
const copies = libraryProcedure('cap-ban-sao-trich-luc-ho-tich') // commune level, 8.000 đồng a copy
const applicant = { fullName: 'Vũ Thị Hoa', idNumber: '022302007812' }
// asks for someone else: the letter of authorisation (van_ban_uy_quyen) becomes required
const byProxy = {
  ...copies.sample,
  nguoi_yeu_cau: { ...(copies.sample.nguoi_yeu_cau as object), quan_he: 'nguoi_duoc_uy_quyen' },
}

describe.each(testDrivers())('counter intake on $name', ({ open }) => {
  let runtime: TestRuntime
  let token: string
  const intake = (dossier: Record<string, unknown>, files: Record<string, File> = {}) => {
    const form = new FormData()
    form.set(
      'dossier',
      JSON.stringify({ procedureCode: copies.definition.code, unitCode: '06649', channel: 1, applicant, ...dossier }),
    )
    for (const [key, file] of Object.entries(files)) form.append(`attachments.${key}`, file)
    return runtime.app.request('/api/desk/intake', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    })
  }
  const events = async (code: string) => {
    const res = await runtime.app.request(`/api/desk/dossiers/${code}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    return ((await res.json()) as { events: { action: string; data: Record<string, unknown> }[] }).events
  }

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => vn('2025-05-06T09:00:00') })
    token = await signIn(runtime, 'tiepnhan.06649')
  })
  afterAll(() => runtime?.close())

  it('takes a required component received on paper instead of a scan, and records it with the fees collected', async () => {
    const missing = await intake({ formData: byProxy })
    expect(missing.status).toBe(400)
    expect(
      ((await missing.json()) as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path),
    ).toEqual(['/components/van_ban_uy_quyen'])
    const res = await intake({
      formData: byProxy,
      received: { van_ban_uy_quyen: 'original', giay_to_nhan_than: 'copy' },
      feesPaid: { amount: 16_000 },
    })
    expect(res.status).toBe(201)
    const { receiptCode, status, fees } = (await res.json()) as { receiptCode: string; status: number; fees: unknown }
    expect({ status, fees }).toEqual({
      status: 2,
      fees: [{ key: 'phi_ban_sao', name: expect.any(String), amount: 16_000 }],
    })
    expect((await events(receiptCode))[0]!.data).toMatchObject({
      received: { van_ban_uy_quyen: 'original', giay_to_nhan_than: 'copy' },
      feesPaid: 16_000,
    })
  })

  it('refuses an amount collected that is not the fees, and a component the procedure does not have', async () => {
    const wrongAmount = await intake({ formData: copies.sample, feesPaid: { amount: 8_000 } })
    expect(wrongAmount.status).toBe(400)
    expect(await wrongAmount.json()).toMatchObject({
      error: { issues: [{ path: '/feesPaid/amount', message: { vi: expect.stringContaining('(16.000 đồng)') } }] },
    })
    const unknown = await intake({ formData: copies.sample, received: { giay_khac: 'copy' } })
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toMatchObject({ error: { issues: [{ path: '/received/giay_khac' }] } })
  })

  it('still takes a scan for a required component', async () => {
    const to = copies.definition.components.find((c) => c.key === 'van_ban_uy_quyen')!
    const res = await intake({ formData: byProxy }, { van_ban_uy_quyen: fileFor(to) })
    expect(res.status).toBe(201)
    expect((await events(((await res.json()) as { receiptCode: string }).receiptCode))[0]!.data).not.toHaveProperty(
      'feesPaid',
    )
  })
})
