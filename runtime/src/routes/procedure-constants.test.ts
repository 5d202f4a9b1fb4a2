import { dossiers, procedureConstantChanges } from '@motcua/db'
import { testDrivers } from '@motcua/db/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, openTestRuntime, signIn, submissionForm, type TestRuntime } from '../testing'

const licence = libraryProcedure('cap-giay-phep-lai-xe-quoc-te') // QN-GPLX-02 at SGTVT: 115.000 đ online from 01/12/2023, until it was retired
const business = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh') // 1.001612: const.le_phi_dang_ky_ho_kinh_doanh
const birth = libraryProcedure('dang-ky-khai-sinh') // 1.001193: late after 60 days, const.le_phi_khai_sinh_qua_han
const vn = (local: string) => new Date(`${local}+07:00`)

interface Filed {
  receiptCode: string
  fees: { key: string; amount: number }[]
}

describe.each(testDrivers())('fees by channel and date, and named constants, on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = vn('2025-06-10T09:00:00') // a Tuesday, counters open
  const tokens: Record<string, string> = {}
  const token = async (username: string) => (tokens[username] ??= await signIn(runtime, username))

  const file = async (
    procedure: typeof licence,
    unitCode: string,
    formData: Record<string, unknown> = procedure.sample,
    counter?: { officer: string; channel: 1 | 3 },
  ): Promise<Filed> => {
    const dossier = {
      procedureCode: procedure.definition.code,
      unitCode,
      applicant: { fullName: 'Phạm Thị Hoa' },
      formData,
      ...(counter ? { channel: counter.channel } : {}),
    }
    const res = await runtime.app.request(counter ? '/api/desk/intake' : '/api/dossiers', {
      method: 'POST',
      body: submissionForm(procedure.definition, dossier),
      ...(counter ? { headers: { authorization: `Bearer ${await token(counter.officer)}` } } : {}),
    })
    expect(res.status, await res.clone().text()).toBe(201)
    return (await res.json()) as Filed
  }
  const admin = async (username: string | null, method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (username) headers.authorization = `Bearer ${await token(username)}`
    return runtime.app.request(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
  }
  const storedConstants = async (receiptCode: string) =>
    (await runtime.database.db.select().from(dossiers).where(eq(dossiers.receiptCode, receiptCode)))[0]

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
    // quantri.193, the demo administrator of Hạ Long (193): library procedures are the province's, not his
  })
  afterAll(() => runtime?.close())

  it('charges the online fee online and the full fee at the counter, by the date of filing', async () => {
    // the reduction ran from 01/12/2023; the procedure itself took its last dossiers on 28/02/2025
    now = vn('2025-02-10T09:00:00')
    expect((await file(licence, 'SGTVT')).fees).toEqual([expect.objectContaining({ amount: 115_000 })])
    const atCounter = await file(licence, 'SGTVT', licence.sample, { officer: 'tiepnhan.ttpvhcc', channel: 1 })
    expect(atCounter.fees).toEqual([expect.objectContaining({ amount: 135_000 })])
    now = vn('2023-11-20T09:00:00')
    expect((await file(licence, 'SGTVT')).fees).toEqual([expect.objectContaining({ amount: 135_000 })])
  })

  it('uses a constant changed through the API for new dossiers only, and shows it in the catalogue', async () => {
    now = vn('2025-06-10T09:00:00')
    const before = await file(business, '193')
    expect(before.fees).toEqual([expect.objectContaining({ key: 'le_phi_dang_ky', amount: 100_000 })])

    const source = 'Nghị quyết số 12/2025/NQ-HĐND của HĐND tỉnh Quảng Ninh'
    const put = await admin('admin', 'PUT', '/api/admin/procedures/1.001612/constants/le_phi_dang_ky_ho_kinh_doanh', {
      value: 150_000,
      source,
    })
    expect(put.status, await put.clone().text()).toBe(200)
    expect(await put.json()).toMatchObject({
      key: 'le_phi_dang_ky_ho_kinh_doanh',
      value: 150_000,
      source,
      definitionValue: 100_000,
    })

    const after = await file(business, '193')
    expect(after.fees).toEqual([expect.objectContaining({ amount: 150_000 })])
    // the dossier filed before keeps its fee and the constants it was filed with
    expect(await storedConstants(before.receiptCode)).toMatchObject({
      fees: [expect.objectContaining({ amount: 100_000 })],
      constants: { le_phi_dang_ky_ho_kinh_doanh: 100_000 },
    })
    expect((await storedConstants(after.receiptCode))?.constants).toEqual({ le_phi_dang_ky_ho_kinh_doanh: 150_000 })

    const detail = (await (await runtime.app.request('/api/procedures/1.001612')).json()) as {
      constants: Record<string, { value: number; note: string }>
    }
    expect(detail.constants.le_phi_dang_ky_ho_kinh_doanh).toMatchObject({ value: 150_000, note: source })
    const listed = (await (await admin('admin', 'GET', '/api/admin/procedures/1.001612/constants')).json()) as unknown[]
    expect(listed).toEqual([expect.objectContaining({ key: 'le_phi_dang_ky_ho_kinh_doanh', value: 150_000 })])

    // audited, and back to the definition's value
    expect(
      (await admin('admin', 'DELETE', '/api/admin/procedures/1.001612/constants/le_phi_dang_ky_ho_kinh_doanh')).status,
    ).toBe(204)
    expect((await file(business, '193')).fees).toEqual([expect.objectContaining({ amount: 100_000 })])
    const trail = await runtime.database.db
      .select()
      .from(procedureConstantChanges)
      .where(eq(procedureConstantChanges.procedureCode, '1.001612'))
    expect(trail.map((t) => [t.oldValue, t.newValue, t.source])).toEqual([
      [null, 150_000, source],
      [150_000, null, null],
    ])
  })

  it('charges a late birth registration the province’s amount, not an on-time one or an exempt family', async () => {
    now = vn('2025-06-10T09:00:00')
    const set = await admin('admin', 'PUT', '/api/admin/procedures/1.001193/constants/le_phi_khai_sinh_qua_han', {
      value: 5_000,
      source: 'Nghị quyết số 12/2025/NQ-HĐND của HĐND tỉnh Quảng Ninh',
    })
    expect(set.status).toBe(200)
    const born = (date: string, exempt = false) => ({
      ...birth.sample,
      nguoi_duoc_khai_sinh: { ...(birth.sample.nguoi_duoc_khai_sinh as object), ngay_sinh: date },
      thuoc_dien_mien_le_phi: exempt,
    })
    const fee = async (form: Record<string, unknown>) =>
      (await file(birth, '06649', form)).fees.find((f) => f.key === 'le_phi_dang_ky')!.amount
    expect(await fee(born('2025-04-11'))).toBe(0) // the 60th day
    expect(await fee(born('2025-04-10'))).toBe(5_000) // the 61st
    expect(await fee(born('2020-01-01', true))).toBe(0)
  })

  it('lets only the administrators over the procedure edit its constants', async () => {
    const path = '/api/admin/procedures/1.001612/constants/le_phi_dang_ky_ho_kinh_doanh'
    const body = { value: 1, source: 'Nghị quyết số 1/2025/NQ-HĐND' }
    expect((await admin('quantri.193', 'PUT', path, body)).status).toBe(403)
    expect((await admin('quantri.193', 'GET', '/api/admin/procedures/1.001612/constants')).status).toBe(403)
    expect((await admin('congdan', 'PUT', path, body)).status).toBe(403)
    expect((await admin(null, 'PUT', path, body)).status).toBe(401)
  })

  it('refuses hostile or wrong input with a 4xx naming the problem', async () => {
    const path = '/api/admin/procedures/1.001612/constants/le_phi_dang_ky_ho_kinh_doanh'
    const issues = async (res: Response) =>
      ((await res.json()) as { error: { issues?: { code: string; path: string }[] } }).error.issues
    for (const body of [
      { value: -5, source: 'Nghị quyết số 1/2025/NQ-HĐND' },
      { value: '100000', source: 'Nghị quyết số 1/2025/NQ-HĐND' },
      { value: 1e20, source: 'Nghị quyết số 1/2025/NQ-HĐND' },
      { value: 1000 },
      { value: 1000, source: '   ' },
      { value: 1000, source: 'Nghị quyết', extra: true },
    ]) {
      const res = await admin('admin', 'PUT', path, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
    const marked = await admin('admin', 'PUT', path, { value: 1000, source: 'Nghị quyết số 1/2025 (verify)' })
    expect(marked.status).toBe(400)
    expect(await issues(marked)).toEqual([expect.objectContaining({ code: 'text.editingMark', path: '/source' })])
    const notJson = await runtime.app.request(path, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await token('admin')}`, 'content-type': 'application/json' },
      body: '{"value": 1',
    })
    expect(notJson.status).toBe(400)
    const body = { value: 1000, source: 'Nghị quyết số 1/2025/NQ-HĐND' }
    expect((await admin('admin', 'PUT', '/api/admin/procedures/1.001612/constants/khong_co', body)).status).toBe(404)
    expect((await admin('admin', 'PUT', '/api/admin/procedures/1.001612/constants/..%2F..%2Fx', body)).status).toBe(404)
    expect((await admin('admin', 'PUT', '/api/admin/procedures/9.999999/constants/x', body)).status).toBe(404)
    // nothing of that reached new dossiers
    now = vn('2025-06-11T09:00:00')
    expect((await file(business, '193')).fees).toEqual([expect.objectContaining({ amount: 100_000 })])
  })
})
