import { computeDue } from '@motcua/core'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sweepConsultations } from '../consultations/sweep'
import { asOfficers, libraryProcedure, openTestRuntime, sampleSubmission, type TestRuntime } from '../testing'

const vn = (local: string) => new Date(`${local}+07:00`)
const investment = libraryProcedure('chap-thuan-chu-truong-dau-tu') // Sở KH&ĐT asks STNMT, SXD and STC

interface Consultation {
  id: string
  unit: { code: string; name: string }
  role: string
  dueAt: string
  answeredAt: string | null
  answeredBy: string | null
  opinion: string | null
  note: string | null
  state: string
}
interface Desk {
  version: number
  status: number
  step: { key: string } | null
  consultations: Consultation[]
  events: { action: string; actorRole: string | null; note: string | null; data: Record<string, unknown> }[]
}

describe.each(testDrivers())('consultations (lấy ý kiến) on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = vn('2025-06-02T08:00:00')
  const { as, act, ...officers } = asOfficers(() => runtime)
  const view = (code: string, user = 'chuyenvien.skhdt') => officers.view<Desk>(user, code)
  const answer = (user: string, code: string, id: string, body: unknown) =>
    as(user, 'POST', `/api/desk/dossiers/${code}/consultations/${id}/answer`, body)
  const byUnit = (desk: Desk, unit: string) => desk.consultations.find((q) => q.unit.code === unit)!

  /** Files the sample, receives it and sends it for opinions: the dossier waits at `lay_y_kien`. */
  const consulting = async (at: string) => {
    now = vn(at)
    const res = await runtime.app.request('/api/dossiers', sampleSubmission(investment, 'SKHDT'))
    expect(res.status).toBe(201)
    const { receiptCode } = (await res.json()) as { receiptCode: string }
    expect((await act('tiepnhan.skhdt', receiptCode, 'tiep_nhan')).status).toBe(200)
    expect((await act('chuyenvien.skhdt', receiptCode, 'gui_lay_y_kien')).status).toBe(200)
    return receiptCode
  }

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
  })
  afterAll(() => runtime?.close())

  it('opens one consultation per unit on entering the step, each due by its own calendar, each with an event', async () => {
    const code = await consulting('2025-06-02T09:00:00')
    const desk = await view(code)
    expect(desk).toMatchObject({ status: 4, step: { key: 'lay_y_kien' } })
    const calendar = await runtime.units.calendarOf((await runtime.units.byCode('STNMT'))!.id)
    const due = computeDue(calendar, now, { kind: 'calendarDays', days: 15 })!.toISOString()
    expect(desk.consultations.map((q) => [q.unit.code, q.role, q.state, q.dueAt])).toEqual([
      ['STC', 'specialist', 'open', due],
      ['STNMT', 'specialist', 'open', due],
      ['SXD', 'specialist', 'open', due],
    ])
    // the law's 15 days are calendar days: from Monday 2/6/2025, the close of Tuesday 17/6/2025
    expect(due).toBe(vn('2025-06-17T17:00:00').toISOString())
    const opened = desk.events.filter((e) => e.action === 'openConsultation')
    expect(opened.map((e) => e.data.consultedUnit).sort()).toEqual([
      'Sở Tài chính',
      'Sở Tài nguyên và Môi trường',
      'Sở Xây dựng',
    ])
    expect(opened.every((e) => e.actorRole === 'specialist')).toBe(true)
  })

  it('shows each consulted unit its own requests, answers them once, and moves the dossier on with the last answer', async () => {
    const code = await consulting('2025-06-03T08:00:00')
    const queue = async (user: string, state = 'open') =>
      (
        (await (await as(user, 'GET', `/api/desk/consultations?state=${state}`)).json()) as {
          items: (Consultation & {
            dossier: { receiptCode: string; procedure: { code: string }; unit: { code: string } }
          })[]
        }
      ).items.filter((q) => q.dossier.receiptCode === code)
    const mine = await queue('chuyenvien.stnmt')
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({
      unit: { code: 'STNMT' },
      state: 'open',
      dossier: { procedure: { code: '1.009645' }, unit: { code: 'SKHDT' } },
      workingDayMinutes: 480,
    })
    // 15 calendar days from Tuesday 3/6 hold 11 working days, told in the department's working time
    const left = (mine[0] as unknown as { workingMinutesLeft: number }).workingMinutesLeft
    expect(left).toBeGreaterThan(10 * 480)
    expect(left).toBeLessThanOrEqual(12 * 480)
    // the leader of the same department is not who was asked, nor is any other unit
    expect(await queue('lanhdao.stnmt')).toEqual([])
    expect(await queue('chuyenvien.stp')).toEqual([])
    const detail = await as('chuyenvien.stnmt', 'GET', `/api/desk/consultations/${mine[0]!.id}`)
    expect(detail.status).toBe(200)
    const detailBody = await detail.json()
    expect(detailBody).toMatchObject({
      dossier: { receiptCode: code, formData: { du_an: { ten: 'Khu dịch vụ du lịch sinh thái Vịnh Xanh' } } },
    })
    expect((await as('chuyenvien.sxd', 'GET', `/api/desk/consultations/${mine[0]!.id}`)).status).toBe(403)
    // the unit asked reads the files filed with the dossier
    const { dossier: filed } = detailBody as {
      dossier: { attachments: { id: string; componentKey: string }[] }
    }
    const proposal = filed.attachments.find((f) => f.componentKey === 'de_xuat_du_an')!
    const file = await as('chuyenvien.stnmt', 'GET', `/api/desk/consultations/${mine[0]!.id}/files/${proposal.id}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    expect(
      (await as('chuyenvien.sxd', 'GET', `/api/desk/consultations/${mine[0]!.id}/files/${proposal.id}`)).status,
    ).toBe(403)

    const ids = Object.fromEntries((await view(code)).consultations.map((q) => [q.unit.code, q.id]))
    // wrong unit, wrong role, the resolving unit itself: 403
    for (const user of ['chuyenvien.sxd', 'lanhdao.stnmt', 'chuyenvien.skhdt', 'tiepnhan.stnmt']) {
      const res = await answer(user, code, ids.STNMT!, { opinion: 'agree' })
      expect(res.status, user).toBe(403)
    }
    now = vn('2025-06-05T10:00:00')
    const first = await answer('chuyenvien.stnmt', code, ids.STNMT!, {
      opinion: 'agree',
      note: 'Phù hợp quy hoạch sử dụng đất.',
    })
    expect(first.status).toBe(200)
    expect(await first.json()).toMatchObject({ movedOn: false, dossier: { currentStep: 'lay_y_kien', status: 4 } })
    // a second answer of the same request is refused
    const again = await answer('chuyenvien.stnmt', code, ids.STNMT!, { opinion: 'disagree', note: 'Đổi ý' })
    expect(again.status).toBe(409)
    expect(await queue('chuyenvien.stnmt')).toEqual([])
    expect((await queue('chuyenvien.stnmt', 'answered'))[0]).toMatchObject({ opinion: 'agree', state: 'answered' })

    // a disagreement must say why
    const bare = await answer('chuyenvien.sxd', code, ids.SXD!, { opinion: 'disagree' })
    expect(bare.status).toBe(400)
    expect(await bare.json()).toMatchObject({ error: { issues: [{ path: '/note' }] } })
    expect(
      (await answer('chuyenvien.sxd', code, ids.SXD!, { opinion: 'disagree', note: 'Mật độ xây dựng vượt quy hoạch.' }))
        .status,
    ).toBe(200)
    now = vn('2025-06-06T15:00:00')
    const last = await answer('chuyenvien.stc', code, ids.STC!, { opinion: 'comments', note: 'Bổ sung phương án vốn.' })
    expect(await last.json()).toMatchObject({ movedOn: true, dossier: { currentStep: 'tham_dinh', status: 4 } })

    const desk = await view(code)
    expect(desk.step?.key).toBe('tham_dinh')
    expect(byUnit(desk, 'SXD')).toMatchObject({
      opinion: 'disagree',
      note: 'Mật độ xây dựng vượt quy hoạch.',
      state: 'answered',
    })
    expect(desk.events.at(-1)).toMatchObject({
      action: 'completeConsultation',
      actorRole: 'system',
      note: 'Đồng ý 1, không đồng ý 1, ý kiến khác 1, chưa trả lời 0',
      data: { by: 'quorum', agree: 1, disagree: 1, comments: 1, unanswered: 0 },
    })
    // answering after the dossier moved on is refused
    expect((await answer('chuyenvien.stc', code, ids.STC!, { opinion: 'agree' })).status).toBe(409)

    // the citizen sees the dossier being processed, not the opinions
    const tracked = (await (await runtime.app.request(`/api/track/${code}`)).json()) as {
      status: number
      timeline: { action: string }[]
    }
    expect(tracked.status).toBe(4)
    expect(tracked.timeline.map((e) => e.action)).toEqual(['submit', 'receive', 'forward'])
    expect(JSON.stringify(tracked)).not.toContain('Mật độ')

    // the control slip lists each request and answer with its unit
    const slip = await (await as('chuyenvien.skhdt', 'GET', `/api/desk/dossiers/${code}/slips/control-slip`)).text()
    expect(slip).toContain('Gửi lấy ý kiến: Sở Xây dựng')
    expect(slip).toContain('Hạn trả lời ý kiến: ')
    expect(slip).toContain('Không đồng ý: Mật độ xây dựng vượt quy hoạch.')
    const rowOf = (text: string) => slip.split('<tr').find((r) => r.includes(text)) ?? ''
    // a request carries no mark; an answer is judged by that request's own deadline
    expect(rowOf('Gửi lấy ý kiến: Sở Xây dựng')).not.toContain('Trước hạn')
    expect(rowOf('Sở Xây dựng trả lời ý kiến')).toContain('Trước hạn')
  })

  it('moves the dossier on when the time runs out (the sweep), closing the requests left unanswered', async () => {
    const code = await consulting('2025-06-09T08:00:00')
    const ids = Object.fromEntries((await view(code)).consultations.map((q) => [q.unit.code, q.id]))
    const due = new Date(byUnit(await view(code), 'STC').dueAt)
    now = vn('2025-06-10T09:00:00')
    expect((await answer('chuyenvien.stc', code, ids.STC!, { opinion: 'agree' })).status).toBe(200)
    // the officer cannot conclude while requests are still in time
    const early = await as('chuyenvien.skhdt', 'POST', `/api/desk/dossiers/${code}/consultations/conclude`, {
      expectedVersion: (await view(code)).version,
    })
    expect(early.status).toBe(409)
    await sweepConsultations(runtime, new Date(due.getTime() - 60_000))
    expect((await view(code)).step?.key).toBe('lay_y_kien')

    now = new Date(due.getTime() + 3_600_000)
    expect(await sweepConsultations(runtime, now)).toBeGreaterThanOrEqual(1)
    const desk = await view(code)
    expect(desk.step?.key).toBe('tham_dinh')
    expect(desk.consultations.map((q) => [q.unit.code, q.state])).toEqual([
      ['STC', 'answered'],
      ['STNMT', 'closed'],
      ['SXD', 'closed'],
    ])
    expect(desk.events.at(-1)).toMatchObject({
      action: 'completeConsultation',
      actorRole: 'system',
      data: { by: 'timeout', agree: 1, unanswered: 2 },
    })
    expect((await answer('chuyenvien.sxd', code, ids.SXD!, { opinion: 'agree' })).status).toBe(409)
    expect(await sweepConsultations(runtime, now)).toBe(0)
  })

  it('lets the resolving officer move on once the time is up', async () => {
    const code = await consulting('2025-06-16T08:00:00')
    now = new Date(new Date(byUnit(await view(code), 'SXD').dueAt).getTime() + 60_000)
    const concluded = async (user: string, version: number) =>
      as(user, 'POST', `/api/desk/dossiers/${code}/consultations/conclude`, { expectedVersion: version })
    const { version } = await view(code)
    expect((await concluded('lanhdao.skhdt', version)).status).toBe(403)
    expect((await concluded('chuyenvien.stnmt', version)).status).toBe(403)
    expect((await concluded('chuyenvien.skhdt', version - 1)).status).toBe(409)
    const res = await concluded('chuyenvien.skhdt', version)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ currentStep: 'tham_dinh', status: 4 })
    expect((await view(code)).events.at(-1)).toMatchObject({
      action: 'completeConsultation',
      actorRole: 'specialist',
      data: { by: 'timeout', agree: 0, unanswered: 3 },
    })
    expect((await concluded('chuyenvien.skhdt', version + 1)).status).toBe(409)
  })

  it('takes a late answer while the round is open: after the last deadline it completes the round at once', async () => {
    const code = await consulting('2025-06-17T08:00:00')
    const desk = await view(code)
    const ids = Object.fromEntries(desk.consultations.map((q) => [q.unit.code, q.id]))
    now = new Date(new Date(byUnit(desk, 'SXD').dueAt).getTime() + 60_000)
    const res = await answer('chuyenvien.sxd', code, ids.SXD!, { opinion: 'agree' })
    expect(await res.json()).toMatchObject({ movedOn: true, dossier: { currentStep: 'tham_dinh' } })
    const after = await view(code)
    expect(byUnit(after, 'SXD').state).toBe('late')
    expect(after.events.at(-1)).toMatchObject({
      action: 'completeConsultation',
      actorRole: 'system',
      data: { by: 'timeout', agree: 1, late: 1, unanswered: 2 },
    })
  })

  it('moves on exactly once when the last answers arrive together, and takes one of two answers to one request', async () => {
    const code = await consulting('2025-06-18T08:00:00')
    const ids = Object.fromEntries((await view(code)).consultations.map((q) => [q.unit.code, q.id]))
    const twice = await Promise.all([
      answer('chuyenvien.stnmt', code, ids.STNMT!, { opinion: 'agree' }),
      answer('chuyenvien.stnmt', code, ids.STNMT!, { opinion: 'comments', note: 'Trùng' }),
    ])
    expect(twice.map((r) => r.status).sort()).toEqual([200, 409])
    const last = await Promise.all([
      answer('chuyenvien.sxd', code, ids.SXD!, { opinion: 'agree' }),
      answer('chuyenvien.stc', code, ids.STC!, { opinion: 'agree' }),
    ])
    expect(last.map((r) => r.status)).toEqual([200, 200])
    const desk = await view(code)
    expect(desk.step?.key).toBe('tham_dinh')
    expect(desk.events.filter((e) => e.action === 'completeConsultation')).toHaveLength(1)
    expect(desk.events.filter((e) => e.action === 'answerConsultation')).toHaveLength(3)
  })

  it('closes the open requests when the dossier leaves the step another way (withdrawn)', async () => {
    const code = await consulting('2025-06-19T08:00:00')
    const id = byUnit(await view(code), 'STC').id
    expect((await act('tiepnhan.skhdt', code, 'rut_ho_so', { reason: 'Nhà đầu tư rút hồ sơ' })).status).toBe(200)
    const desk = await view(code)
    expect(desk.consultations.map((q) => q.state)).toEqual(['closed', 'closed', 'closed'])
    expect((await answer('chuyenvien.stc', code, id, { opinion: 'agree' })).status).toBe(409)
  })

  it('refuses hostile input with 4xx', async () => {
    const code = await consulting('2025-06-23T08:00:00')
    const id = byUnit(await view(code), 'STNMT').id
    const cases: [unknown, number][] = [
      [{ opinion: 'maybe' }, 400],
      [{ opinion: 'agree', extra: 1 }, 400],
      [{ opinion: 'comments', note: 'x'.repeat(5001) }, 400],
      [{ opinion: ['agree'] }, 400],
      [{}, 400],
      ['{"opinion":', 400],
    ]
    for (const [body, status] of cases)
      expect((await answer('chuyenvien.stnmt', code, id, body)).status, JSON.stringify(body)).toBe(status)
    expect((await answer('chuyenvien.stnmt', code, "1' or '1'='1", { opinion: 'agree' })).status).toBe(404)
    expect(
      (await answer('chuyenvien.stnmt', code, '00000000-0000-4000-8000-000000000000', { opinion: 'agree' })).status,
    ).toBe(404)
    expect((await answer('chuyenvien.stnmt', '000.00.00.H49-000000-0000', id, { opinion: 'agree' })).status).toBe(404)
    // a request of this dossier named under another dossier's code
    const other = await consulting('2025-06-23T09:00:00')
    expect((await answer('chuyenvien.stnmt', other, id, { opinion: 'agree' })).status).toBe(404)
    expect((await as('chuyenvien.stnmt', 'GET', '/api/desk/consultations?state=bogus')).status).toBe(400)
    expect((await as('chuyenvien.stnmt', 'GET', '/api/desk/consultations/not-a-uuid')).status).toBe(404)
    expect((await runtime.app.request('/api/desk/consultations')).status).toBe(401)
    expect(byUnit(await view(code), 'STNMT').state).toBe('open')
  })

  // last: it publishes a version 2 that every later submission would use
  it('moves on at a quorum of 2 of 3, and opens a new round when sent back and forwarded again', async () => {
    const draft = (await (await as('admin', 'POST', '/api/admin/procedures/1.009645/drafts', {})).json()) as {
      id: string
      definition: typeof investment.definition
    }
    const step = draft.definition.steps.find((s) => s.key === 'lay_y_kien')!
    step.consult!.quorum = 2
    step.actions.push({
      key: 'tra_lai',
      type: 'sendBack',
      label: 'Trả lại để kiểm tra lại hồ sơ',
      to: 'gui_lay_y_kien',
      requires: ['note'],
    })
    expect((await as('admin', 'PUT', `/api/admin/drafts/${draft.id}`, { definition: draft.definition })).status).toBe(
      200,
    )
    expect((await as('admin', 'POST', `/api/admin/drafts/${draft.id}/publish`, {})).status).toBe(201)

    const code = await consulting('2025-07-01T08:00:00')
    const first = await view(code)
    expect((await act('chuyenvien.skhdt', code, 'tra_lai', { note: 'Kiểm tra lại diện tích đất' })).status).toBe(200)
    expect((await view(code)).consultations.map((q) => q.state)).toEqual(['closed', 'closed', 'closed'])
    expect((await act('chuyenvien.skhdt', code, 'gui_lay_y_kien')).status).toBe(200)
    const second = await view(code)
    const fresh = second.consultations.filter((q) => !first.consultations.some((f) => f.id === q.id))
    expect(fresh.map((q) => [q.unit.code, q.state])).toEqual([
      ['STC', 'open'],
      ['STNMT', 'open'],
      ['SXD', 'open'],
    ])
    const ids = Object.fromEntries(fresh.map((q) => [q.unit.code, q.id]))
    expect(await (await answer('chuyenvien.stnmt', code, ids.STNMT!, { opinion: 'agree' })).json()).toMatchObject({
      movedOn: false,
    })
    expect(await (await answer('chuyenvien.stc', code, ids.STC!, { opinion: 'agree' })).json()).toMatchObject({
      movedOn: true,
      dossier: { currentStep: 'tham_dinh' },
    })
    const after = await view(code)
    expect(after.events.at(-1)).toMatchObject({ data: { by: 'quorum', quorum: 2, agree: 2, unanswered: 1 } })
    expect(byUnit({ ...after, consultations: after.consultations.filter((q) => ids.SXD === q.id) }, 'SXD').state).toBe(
      'closed',
    )
  })
})
