import { computeDue, dueAfterResume } from '@motcua/core'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, openTestRuntime, signIn, submissionForm, type TestRuntime } from '../testing'

const vn = (local: string) => new Date(`${local}+07:00`)
const business = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh') // district level, 3 working days
const birth = libraryProcedure('dang-ky-khai-sinh') // commune level, same day with the 15:00 rule
const applicant = { fullName: 'Phạm Thị Dung', idNumber: '022190007777', phone: '0904555666' }

interface Desk {
  receiptCode: string
  version: number
  status: number
  dueAt: string | null
  paused: boolean
  timeliness: string
  workingMinutesLeft: number | null
  step: { key: string } | null
  actions: { key: string; type: string }[]
  events: {
    seq: number
    action: string
    actorName: string | null
    toStatus: number
    note: string | null
    data: Record<string, unknown>
  }[]
}

describe.each(testDrivers())('the officers’ desk on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = vn('2025-05-05T08:00:00')
  const tokens: Record<string, string> = {}
  const as = async (user: string, method: string, path: string, body?: unknown): Promise<Response> => {
    tokens[user] ??= await signIn(runtime, user)
    return runtime.app.request(path, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  }
  const view = async (user: string, code: string) =>
    (await (await as(user, 'GET', `/api/desk/dossiers/${code}`)).json()) as Desk
  const act = async (user: string, code: string, action: string, inputs: Record<string, unknown> = {}) => {
    const { version } = await view(user, code)
    return as(user, 'POST', `/api/desk/dossiers/${code}/actions/${action}`, { expectedVersion: version, ...inputs })
  }
  const submitOnline = async (lib: typeof business, unitCode: string) => {
    const res = await runtime.app.request('/api/dossiers', {
      method: 'POST',
      body: submissionForm(lib.definition, {
        procedureCode: lib.definition.code,
        unitCode,
        applicant,
        formData: lib.sample,
      }),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { receiptCode: string }).receiptCode
  }

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
  })
  afterAll(() => runtime?.close())

  it('runs a dossier from submission to returned result, each step by its role, with the due date from the engine', async () => {
    now = vn('2025-04-29T10:00:00')
    const code = await submitOnline(business, '193')
    const queue = (await (await as('tiepnhan.193', 'GET', '/api/desk/dossiers?mine=1')).json()) as { items: Desk[] }
    expect(queue.items.map((d) => d.receiptCode)).toContain(code)

    expect((await act('tiepnhan.193', code, 'tiep_nhan')).status).toBe(200)
    const calendar = await runtime.units.calendarOf((await runtime.units.byCode('193'))!.id)
    const received = await view('chuyenvien.193', code)
    expect(new Date(received.dueAt!)).toEqual(computeDue(calendar, now, { kind: 'workingDays', days: 3 }))
    // 3 working days over 30/4, 1/5 and 2/5 (swapped for Saturday 26/4, Công văn 8726/VPCP-KGVX) → Wednesday 7/5
    expect(received.dueAt).toBe(vn('2025-05-07T10:00:00').toISOString())
    expect(received).toMatchObject({
      status: 2,
      step: { key: 'tham_dinh' },
      timeliness: 'inTime',
      workingMinutesLeft: 3 * 480,
      workingDayMinutes: 480,
    })

    now = vn('2025-05-02T09:00:00')
    expect((await act('chuyenvien.193', code, 'trinh_ky')).status).toBe(200)
    now = vn('2025-05-05T09:00:00')
    expect((await act('lanhdao.193', code, 'phe_duyet')).status).toBe(200)
    const ready = (await view('tiepnhan.193', code)) as Desk & {
      definition: { steps: { key: string; name: string }[]; components: { key: string }[]; deliveryMethods: string[] }
    }
    expect(ready).toMatchObject({ status: 9, step: { key: 'tra_ket_qua' } })
    // the dossier's own version: the step names its log refers to, what it asks for, how it may be returned
    expect(ready.definition.steps.map((s) => s.key)).toContain('tham_dinh')
    expect(ready.definition.components.map((c) => c.key)).toEqual(business.definition.components.map((c) => c.key))
    expect(ready.definition.deliveryMethods.length).toBeGreaterThan(0)
    now = vn('2025-05-05T14:00:00')
    expect((await act('tiepnhan.193', code, 'tra_ket_qua', { deliveryMethod: 'counter' })).status).toBe(200)

    const done = await view('tiepnhan.193', code)
    expect(done).toMatchObject({ status: 10, step: null, timeliness: 'early', actions: [] })
    expect(done.events.map((e) => [e.action, e.toStatus, e.actorName?.split(' –')[0] ?? null])).toEqual([
      ['submit', 1, null],
      ['receive', 2, 'Cán bộ một cửa'],
      ['forward', 4, 'Chuyên viên'],
      ['approve', 9, 'Lãnh đạo'],
      ['return', 10, 'Cán bộ một cửa'],
    ])
    const tracked = (await (await runtime.app.request(`/api/track/${code}`)).json()) as {
      status: number
      timeline: unknown[]
    }
    expect(tracked).toMatchObject({ status: 10 })
    expect(tracked.timeline).toHaveLength(5)
  })

  it('stops the clock for a supplement and moves the due date by the working time it was stopped', async () => {
    now = vn('2025-05-05T09:00:00')
    const code = await submitOnline(business, '193')
    await act('tiepnhan.193', code, 'tiep_nhan')
    const dueBefore = new Date((await view('tiepnhan.193', code)).dueAt!)
    now = vn('2025-05-06T10:00:00')
    const asked = await act('chuyenvien.193', code, 'yeu_cau_bo_sung', {
      missingItems: ['Bản sao hợp đồng thuê nhà', 'Giấy ủy quyền có chữ ký'],
    })
    expect(asked.status).toBe(200)
    now = vn('2025-05-15T10:00:00') // long past the old due date: paused, so not overdue
    const paused = await view('tiepnhan.193', code)
    expect(paused).toMatchObject({ status: 5, paused: true, timeliness: 'inTime' })
    expect(paused.actions.map((a) => a.type)).toEqual(['acceptSupplement', 'withdraw'])
    expect(
      (await (await as('tiepnhan.193', 'GET', '/api/desk/dossiers?due=overdue')).json()) as { items: Desk[] },
    ).toMatchObject({ items: expect.not.arrayContaining([expect.objectContaining({ receiptCode: code })]) })

    now = vn('2025-05-16T14:00:00')
    expect((await act('tiepnhan.193', code, 'nhan_bo_sung')).status).toBe(200)
    const calendar = await runtime.units.calendarOf((await runtime.units.byCode('193'))!.id)
    const resumed = await view('chuyenvien.193', code)
    expect(new Date(resumed.dueAt!)).toEqual(dueAfterResume(calendar, dueBefore, vn('2025-05-06T10:00:00'), now))
    expect(resumed).toMatchObject({ status: 4, paused: false })
    expect(resumed.events.find((e) => e.action === 'requestSupplement')!.data).toMatchObject({
      missingItems: ['Bản sao hợp đồng thuê nhà', 'Giấy ủy quyền có chữ ký'],
    })
  })

  it('applies the 15:00 rule to a same-day procedure entered at the counter', async () => {
    for (const [at, due] of [
      ['2025-05-06T14:30:00', '2025-05-06T17:00:00'],
      ['2025-05-09T15:30:00', '2025-05-12T17:00:00'],
    ] as const) {
      now = vn(at)
      tokens['tiepnhan.06649'] ??= await signIn(runtime, 'tiepnhan.06649')
      const res = await runtime.app.request('/api/desk/intake', {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens['tiepnhan.06649']}` },
        body: submissionForm(birth.definition, {
          procedureCode: '1.001193',
          unitCode: '06649',
          channel: 1,
          applicant,
          formData: birth.sample,
        }),
      })
      expect(res.status).toBe(201)
      const body = (await res.json()) as { receiptCode: string; status: number; dueAt: string }
      expect(body).toMatchObject({ status: 2, dueAt: vn(due).toISOString() })
      const desk = await view('tiepnhan.06649', body.receiptCode)
      expect(desk.events.map((e) => e.action)).toEqual(['submit', 'receive'])
    }
  })

  it('refuses with a reason, apologises with a new date only before the deadline, stops, withdraws, and asks for payment', async () => {
    now = vn('2025-05-05T09:00:00')
    const refused = await submitOnline(business, '193')
    expect((await act('tiepnhan.193', refused, 'tu_choi', {})).status).toBe(400)
    expect((await act('tiepnhan.193', refused, 'tu_choi', { reason: 'Ngành nghề kinh doanh bị cấm' })).status).toBe(200)
    expect(await view('tiepnhan.193', refused)).toMatchObject({ status: 3, step: null })

    const late = await submitOnline(business, '193')
    await act('tiepnhan.193', late, 'tiep_nhan') // due Thursday 8/5 09:00
    now = vn('2025-05-07T16:00:00')
    expect(
      (
        await act('chuyenvien.193', late, 'xin_loi_hen_lai', {
          reason: 'Chờ ý kiến cơ quan thuế',
          newDueAt: vn('2025-05-12T17:00:00').toISOString(),
        })
      ).status,
    ).toBe(200)
    expect((await view('chuyenvien.193', late)).dueAt).toBe(vn('2025-05-12T17:00:00').toISOString())
    now = vn('2025-05-13T08:00:00')
    expect(await view('chuyenvien.193', late)).toMatchObject({ timeliness: 'overdue' })
    const tooLate = await act('chuyenvien.193', late, 'xin_loi_hen_lai', {
      reason: 'Muộn',
      newDueAt: vn('2025-05-20T17:00:00').toISOString(),
    })
    expect(tooLate.status).toBe(409)
    expect(
      (await (await as('tiepnhan.193', 'GET', '/api/desk/dossiers?due=overdue')).json()) as { items: Desk[] },
    ).toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ receiptCode: late })]) })
    expect(
      (await act('chuyenvien.193', late, 'dung_giai_quyet', { reason: 'Có tranh chấp về địa điểm kinh doanh' })).status,
    ).toBe(200)
    expect(await view('tiepnhan.193', late)).toMatchObject({ status: 8 })

    const withdrawn = await submitOnline(business, '193')
    expect((await act('tiepnhan.193', withdrawn, 'rut_ho_so', { reason: 'Công dân xin rút hồ sơ' })).status).toBe(200)
    expect(await view('tiepnhan.193', withdrawn)).toMatchObject({ status: 7 })

    const paying = await submitOnline(business, '193')
    expect((await act('tiepnhan.193', paying, 'yeu_cau_nop_phi', { amount: 100_000 })).status).toBe(200)
    expect(await view('tiepnhan.193', paying)).toMatchObject({ status: 6 })
    expect((await act('tiepnhan.193', paying, 'xac_nhan_nop_phi', { amount: 100_000 })).status).toBe(200)
    expect(await view('tiepnhan.193', paying)).toMatchObject({ status: 1 })
  })

  it('lets one of two concurrent actions win; the other gets a 409 and changes nothing', async () => {
    const code = await submitOnline(business, '193')
    const { version } = await view('tiepnhan.193', code)
    const [a, b] = await Promise.all([
      as('tiepnhan.193', 'POST', `/api/desk/dossiers/${code}/actions/tiep_nhan`, { expectedVersion: version }),
      as('tiepnhan.193', 'POST', `/api/desk/dossiers/${code}/actions/tu_choi`, {
        expectedVersion: version,
        reason: 'Thiếu hồ sơ',
      }),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const after = await view('tiepnhan.193', code)
    expect(after.version).toBe(version + 1)
    expect(after.events).toHaveLength(2)
  })

  it('keeps officers to their unit and their role', async () => {
    const code = await submitOnline(business, '193')
    expect((await as('tiepnhan.194', 'GET', `/api/desk/dossiers/${code}`)).status).toBe(403) // another district
    expect((await act('chuyenvien.193', code, 'tiep_nhan')).status).toBe(403) // a specialist cannot receive
    await act('tiepnhan.193', code, 'tiep_nhan')
    await act('chuyenvien.193', code, 'trinh_ky')
    const byReceiver = await act('tiepnhan.193', code, 'phe_duyet') // a leader’s action
    expect(byReceiver.status).toBe(403)
    expect(((await byReceiver.json()) as { error: { message: { vi: string } } }).error.message.vi).toMatch(
      /thuộc về lãnh đạo của đơn vị/,
    )
    expect((await as('congdan', 'GET', '/api/desk/dossiers')).status).toBe(403)
    expect((await runtime.app.request('/api/desk/dossiers')).status).toBe(401)
    expect((await as('admin', 'GET', `/api/desk/dossiers/${code}`)).status).toBe(200) // supervision, read-only
    expect((await act('admin', code, 'phe_duyet')).status).toBe(403)
    // a ward's officer searches by name without diacritics
    const found = (await (await as('tiepnhan.193', 'GET', '/api/desk/dossiers?q=pham thi dung')).json()) as {
      total: number
    }
    expect(found.total).toBeGreaterThan(0)
  })
  it('stops the clock while the applicant is asked to pay where the procedure says so (pausesClock)', async () => {
    // a version of the business registration whose appraisal asks for a fee with the clock stopped, published
    // before the dossier is filed (a version takes new dossiers from its publication on the runtime's clock)
    now = vn('2025-05-05T08:30:00')
    const draft = (await (await as('admin', 'POST', '/api/admin/procedures/1.001612/drafts', {})).json()) as {
      id: string
      definition: { steps: { key: string; actions: Record<string, unknown>[] }[] }
    }
    draft.definition.steps[1]!.actions.push(
      { key: 'yeu_cau_nop_thue', type: 'requestPayment', label: 'Yêu cầu nộp thuế', pausesClock: true },
      { key: 'xac_nhan_nop_thue', type: 'confirmPayment', label: 'Xác nhận đã nộp thuế' },
    )
    expect((await as('admin', 'PUT', `/api/admin/drafts/${draft.id}`, { definition: draft.definition })).status).toBe(
      200,
    )
    expect((await as('admin', 'POST', `/api/admin/drafts/${draft.id}/publish`, {})).status).toBe(201)

    now = vn('2025-05-05T09:00:00')
    const code = await submitOnline(business, '193')
    await act('tiepnhan.193', code, 'tiep_nhan')
    const dueBefore = new Date((await view('chuyenvien.193', code)).dueAt!)
    now = vn('2025-05-06T10:00:00')
    expect((await act('chuyenvien.193', code, 'yeu_cau_nop_thue')).status).toBe(200)
    now = vn('2025-05-15T10:00:00') // past the old due date, but the clock is stopped
    const waiting = await view('chuyenvien.193', code)
    expect(waiting).toMatchObject({ status: 6, paused: true, timeliness: 'inTime' })
    expect(waiting.actions.map((a) => a.key)).toEqual(['xac_nhan_nop_thue']) // no moving on unpaid

    now = vn('2025-05-16T14:00:00')
    expect((await act('chuyenvien.193', code, 'xac_nhan_nop_thue')).status).toBe(200)
    const calendar = await runtime.units.calendarOf((await runtime.units.byCode('193'))!.id)
    const resumed = await view('chuyenvien.193', code)
    expect(resumed).toMatchObject({ status: 4, paused: false })
    expect(new Date(resumed.dueAt!)).toEqual(dueAfterResume(calendar, dueBefore, vn('2025-05-06T10:00:00'), now))
    expect(new Date(resumed.dueAt!).getTime()).toBeGreaterThan(dueBefore.getTime())
  })
})
