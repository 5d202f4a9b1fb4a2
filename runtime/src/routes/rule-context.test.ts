import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, openTestRuntime, signIn, submissionForm, type TestRuntime } from '../testing'

// A copy of a library procedure whose forwarding guard reads the channel and today's date, published through the
// studio's API: guards see the dossier's channel and the date of the action in Vietnam.
const base = libraryProcedure('cap-ban-sao-trich-luc-ho-tich')
const definition = structuredClone(base.definition)
definition.code = 'QN-THU-01'
definition.name = 'Cấp bản sao trích lục (thử quy tắc theo kênh và ngày)'
definition.steps.find((s) => s.key === 'xu_ly')!.actions.find((a) => a.key === 'trinh_ky')!.guard = {
  and: [{ '==': [{ var: 'channel' }, 'online'] }, { '>=': [{ days_between: ['2025-06-11', { var: 'today' }] }, 0] }],
}
// a copy fee reduced by a province-set amount: valid while the reduction is below the fee
definition.constants = {
  phi_ban_sao: { name: 'Phí cấp bản sao trích lục', value: 8000, note: 'Thông tư 281/2016/TT-BTC' },
  muc_giam: { name: 'Mức giảm', value: 2000, note: 'Nghị quyết của HĐND tỉnh' },
}
definition.fees = [
  {
    key: 'phi_ban_sao',
    name: 'Phí cấp bản sao',
    rule: { '-': [{ var: 'const.phi_ban_sao' }, { var: 'const.muc_giam' }] },
  },
]
const vn = (local: string) => new Date(`${local}+07:00`)

describe.each(testDrivers())('guards that read the channel and today, on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = vn('2025-06-10T09:00:00')
  const tokens: Record<string, string> = {}
  const as = async (user: string, method: string, path: string, body?: unknown) =>
    runtime.app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${(tokens[user] ??= await signIn(runtime, user))}`,
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const act = async (user: string, code: string, action: string) => {
    const { version } = (await (await as(user, 'GET', `/api/desk/dossiers/${code}`)).json()) as { version: number }
    return as(user, 'POST', `/api/desk/dossiers/${code}/actions/${action}`, { expectedVersion: version })
  }
  const file = async (channel?: 1) => {
    const dossier = {
      procedureCode: 'QN-THU-01',
      unitCode: '06649',
      applicant: { fullName: 'Vũ Văn Nam' },
      formData: base.sample,
    }
    const res = channel
      ? await runtime.app.request('/api/desk/intake', {
          method: 'POST',
          headers: {
            authorization: `Bearer ${(tokens['tiepnhan.06649'] ??= await signIn(runtime, 'tiepnhan.06649'))}`,
          },
          body: submissionForm(definition, { ...dossier, channel }),
        })
      : await runtime.app.request('/api/dossiers', { method: 'POST', body: submissionForm(definition, dossier) })
    expect(res.status, await res.clone().text()).toBe(201)
    return ((await res.json()) as { receiptCode: string }).receiptCode
  }

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
    const draft = await as('admin', 'POST', '/api/admin/drafts', { definition })
    expect(draft.status, await draft.clone().text()).toBe(201)
    const { id } = (await draft.json()) as { id: string }
    expect((await as('admin', 'POST', `/api/admin/drafts/${id}/publish`, {})).status).toBe(201)
  })
  afterAll(() => runtime?.close())

  it('refuses a constant that would let a fee go below 0, naming the fee', async () => {
    const path = '/api/admin/procedures/QN-THU-01/constants/muc_giam'
    const refused = await as('admin', 'PUT', path, { value: 9000, source: 'Nghị quyết số 5/2025/NQ-HĐND' })
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { error: { issues: unknown[] } }).error.issues).toEqual([
      expect.objectContaining({
        code: 'fee.mayBeNegative',
        path: '/value',
        params: expect.objectContaining({ feePath: '/fees/0/rule' }),
      }),
    ])
    expect((await as('admin', 'PUT', path, { value: 3000, source: 'Nghị quyết số 5/2025/NQ-HĐND' })).status).toBe(200)
  })

  it('offers the guarded action from the day it names, for a dossier filed online only', async () => {
    now = vn('2025-06-10T09:00:00')
    const online = await file()
    const counter = await file(1)
    expect((await act('tiepnhan.06649', online, 'tiep_nhan')).status).toBe(200)
    expect((await act('chuyenvien.06649', online, 'trinh_ky')).status).toBe(409)
    // 23:30 on 10 June in UTC is 11 June in Vietnam
    now = new Date('2025-06-10T17:30:00Z')
    expect((await act('chuyenvien.06649', online, 'trinh_ky')).status).toBe(200)
    expect((await act('chuyenvien.06649', counter, 'trinh_ky')).status).toBe(409)
  })
})
