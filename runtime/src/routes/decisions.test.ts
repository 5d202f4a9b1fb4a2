import { computeDue, dueAfterResume } from '@motcua/core'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOfficers, libraryProcedure, openTestRuntime, submissionForm, type TestRuntime } from '../testing'

// Officer decisions over real HTTP, with the library's Đăng ký nhận cha, mẹ, con: the specialist chooses
// verification (the case, 8 working days instead of 3), records its result, which routes the dossier and
// guards the leader's actions.
const vn = (local: string) => new Date(`${local}+07:00`)
const recognition = libraryProcedure('dang-ky-nhan-cha-me-con')
const applicant = { fullName: 'Hoàng Văn Đức', idNumber: '022090004567', phone: '0912468013' }

interface Issue {
  code: string
  path: string
  message: { vi: string; en: string }
}
interface Desk {
  version: number
  status: number
  dueAt: string | null
  step: { key: string } | null
  case: { key: string; name: string; nameEn?: string } | null
  decisions: { actionKey: string; label: string; values: { field: string; title: string; text: string }[] }[]
  actions: { key: string; input?: Record<string, unknown>; inputUi?: Record<string, unknown>; setsCase?: boolean }[]
  events: { action: string; note: string | null; data: Record<string, unknown> }[]
}

describe.each(testDrivers())('officer decisions on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = vn('2025-05-05T08:00:00')
  const { as, act, ...officers } = asOfficers(() => runtime)
  const view = (user: string, code: string) => officers.view<Desk>(user, code)
  const issuesOf = async (res: Response) => ((await res.json()) as { error: { issues: Issue[] } }).error.issues
  /** Filed online, received Monday 5/5/2025 09:00 at the commune: due in 3 working days. */
  const receivedDossier = async () => {
    now = vn('2025-05-05T08:30:00')
    const res = await runtime.app.request('/api/dossiers', {
      method: 'POST',
      body: submissionForm(recognition.definition, {
        procedureCode: recognition.definition.code,
        unitCode: '06649',
        applicant,
        formData: recognition.sample,
      }),
    })
    expect(res.status).toBe(201)
    const { receiptCode } = (await res.json()) as { receiptCode: string }
    now = vn('2025-05-05T09:00:00')
    expect((await act('tiepnhan.06649', receiptCode, 'tiep_nhan')).status).toBe(200)
    return receiptCode
  }
  const verification = { reason: 'Chứng cứ là ảnh, thư từ; cần lấy ý kiến người làm chứng' }
  const chooseVerification = (code: string) =>
    act('chuyenvien.06649', code, 'chuyen_xac_minh', {
      ...verification,
      input: { case: 'can_xac_minh', noi_dung_xac_minh: 'Lấy ý kiến hai người thân thích làm chứng' },
    })

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now })
  })
  afterAll(() => runtime?.close())

  it('offers the officer a form for each decision: the case limited to the procedure’s cases, with their names', async () => {
    const code = await receivedDossier()
    const desk = await view('chuyenvien.06649', code)
    expect(desk.case).toBeNull()
    expect(desk.actions.find((a) => a.key === 'chuyen_xac_minh')).toMatchObject({
      setsCase: true,
      input: {
        type: 'object',
        required: ['noi_dung_xac_minh', 'case'],
        additionalProperties: false,
        properties: { case: { type: 'string', enum: ['can_xac_minh'] } },
      },
      inputUi: { case: { 'ui:enumNames': ['Trường hợp cần xác minh việc nhận cha, mẹ, con'] } },
    })
  })

  it('refuses input that does not fit, with every field’s path and a Vietnamese message, and hostile input', async () => {
    const code = await receivedDossier()
    const bad = await act('chuyenvien.06649', code, 'chuyen_xac_minh', {
      ...verification,
      input: { case: 'khong_can', them: 'x' },
    })
    expect(bad.status).toBe(400)
    const issues = await issuesOf(bad)
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['required', '/input/noi_dung_xac_minh'],
      ['additionalProperties', '/input/them'],
      ['enum', '/input/case'],
    ])
    expect(issues[0]!.message.vi).toBe('Vui lòng nhập thông tin bắt buộc này')
    // shapes the API never accepts: an array, nested objects, keys that are no field name, input to an action without any
    for (const input of [['can_xac_minh'], { case: { $ne: null } }, { 'constructor.prototype': 1 }]) {
      const res = await act('chuyenvien.06649', code, 'chuyen_xac_minh', { ...verification, input })
      expect(res.status, JSON.stringify(input)).toBe(400)
    }
    const notAsked = await act('chuyenvien.06649', code, 'trinh_ky', { input: { so: '1' } })
    expect(notAsked.status).toBe(400)
    expect((await issuesOf(notAsked)).map((i) => i.path)).toEqual(['/input'])
    // nothing moved
    expect(await view('chuyenvien.06649', code)).toMatchObject({ step: { key: 'xu_ly' }, case: null, decisions: [] })
  })

  it('a case chosen by the officer moves the due date, with the event, the slip and the citizen’s tracking saying why', async () => {
    const code = await receivedDossier()
    const unitId = (await runtime.units.byCode('06649'))!.id
    const calendar = await runtime.units.calendarOf(unitId)
    // a supplement stops the clock for a working day first: the new due date replays it
    now = vn('2025-05-05T10:00:00')
    expect((await act('chuyenvien.06649', code, 'yeu_cau_bo_sung', { missingItems: ['Ảnh chụp chung'] })).status).toBe(
      200,
    )
    now = vn('2025-05-06T10:00:00')
    expect((await act('chuyenvien.06649', code, 'nhan_bo_sung')).status).toBe(200)
    const before = await view('chuyenvien.06649', code)

    now = vn('2025-05-06T14:00:00')
    const chosen = await chooseVerification(code)
    expect(chosen.status).toBe(200)
    const expected = dueAfterResume(
      calendar,
      computeDue(calendar, vn('2025-05-05T09:00:00'), { kind: 'workingDays', days: 8 })!,
      vn('2025-05-05T10:00:00'),
      vn('2025-05-06T10:00:00'),
    )
    // 8 working days from Monday 5/5 09:00 is Thursday 15/5 09:00; the working day stopped makes it Friday 16/5
    // (3 working days gave Friday 9/5)
    expect(expected).toEqual(vn('2025-05-16T09:00:00'))
    expect(before.dueAt).toBe(vn('2025-05-09T09:00:00').toISOString())
    expect(await chosen.json()).toMatchObject({
      caseKey: 'can_xac_minh',
      currentStep: 'xac_minh',
      dueAt: expected.toISOString(),
    })

    const desk = await view('chuyenvien.06649', code)
    expect(desk).toMatchObject({
      step: { key: 'xac_minh' },
      case: { key: 'can_xac_minh', name: 'Trường hợp cần xác minh việc nhận cha, mẹ, con' },
      dueAt: expected.toISOString(),
      decisions: [
        {
          actionKey: 'chuyen_xac_minh',
          values: [
            { field: 'case', title: 'Trường hợp giải quyết', text: 'Trường hợp cần xác minh việc nhận cha, mẹ, con' },
            { field: 'noi_dung_xac_minh', text: 'Lấy ý kiến hai người thân thích làm chứng' },
          ],
        },
      ],
    })
    expect(desk.events.at(-1)).toMatchObject({
      action: 'forward',
      note: verification.reason,
      data: {
        decision: { case: 'can_xac_minh', noi_dung_xac_minh: 'Lấy ý kiến hai người thân thích làm chứng' },
        caseChange: { from: null, to: 'can_xac_minh', oldDueAt: before.dueAt, newDueAt: expected.toISOString() },
      },
    })

    const tracked = (await (await runtime.app.request(`/api/track/${code}`)).json()) as {
      dueAt: string
      timeline: { dueChange?: { dueAt: string; reason: { vi: string; en: string } } }[]
    }
    expect(tracked.dueAt).toBe(expected.toISOString())
    expect(tracked.timeline.at(-1)!.dueChange).toEqual({
      dueAt: expected.toISOString(),
      reason: {
        vi: 'Cán bộ xác định hồ sơ thuộc trường hợp "Trường hợp cần xác minh việc nhận cha, mẹ, con"; thời hạn giải quyết được tính lại theo trường hợp này.',
        en: 'The officer found that the dossier falls under "Verification of the recognition needed"; the due date now follows that case’s processing time.',
      },
    })

    const slip = await (await as('chuyenvien.06649', 'GET', `/api/desk/dossiers/${code}/slips/control-slip`)).text()
    expect(slip).toContain('Chuyển sang trường hợp: Trường hợp cần xác minh việc nhận cha, mẹ, con')
    expect(slip).toContain('Hạn trả kết quả tính lại')
  })

  it('a decision chooses the next step, and a later guard depends on it', async () => {
    const negative = await receivedDossier()
    expect((await chooseVerification(negative)).status).toBe(200)
    const routed = await act('chuyenvien.06649', negative, 'ghi_nhan_ket_qua_xac_minh', {
      input: { ket_qua: 'khong_phu_hop', so_van_ban: '12/BB-XM' },
    })
    expect(routed.status).toBe(200)
    expect(await routed.json()).toMatchObject({ currentStep: 'phe_duyet' })
    // the leader cannot sign the extract after a negative verification, only refuse: the desk does not offer it
    const offered = (await view('lanhdao.06649', negative)).actions.map((a) => a.key)
    expect(offered).toContain('tu_choi_dang_ky')
    expect(offered).not.toContain('phe_duyet')
    const signed = await act('lanhdao.06649', negative, 'phe_duyet')
    expect(signed.status).toBe(409)
    const refused = await act('lanhdao.06649', negative, 'tu_choi_dang_ky', {
      reason: 'Có tranh chấp về quan hệ cha con',
    })
    expect(refused.status).toBe(200)
    expect(await refused.json()).toMatchObject({ status: 8, currentStep: null })

    const positive = await receivedDossier()
    expect((await chooseVerification(positive)).status).toBe(200)
    const back = await act('chuyenvien.06649', positive, 'ghi_nhan_ket_qua_xac_minh', { input: { ket_qua: 'phu_hop' } })
    expect(await back.json()).toMatchObject({ currentStep: 'xu_ly' })
    expect((await act('chuyenvien.06649', positive, 'trinh_ky')).status).toBe(200)
    expect((await view('lanhdao.06649', positive)).actions.map((a) => a.key)).toContain('phe_duyet')
    expect((await act('lanhdao.06649', positive, 'phe_duyet')).status).toBe(200)
  })

  it('refuses a decision taken on a stale version with 409, leaving the case and due date alone', async () => {
    const code = await receivedDossier()
    const { version, dueAt } = await view('chuyenvien.06649', code)
    const first = await as('chuyenvien.06649', 'POST', `/api/desk/dossiers/${code}/actions/yeu_cau_bo_sung`, {
      expectedVersion: version,
      missingItems: ['Ảnh chụp chung'],
    })
    expect(first.status).toBe(200)
    const stale = await as('chuyenvien.06649', 'POST', `/api/desk/dossiers/${code}/actions/chuyen_xac_minh`, {
      expectedVersion: version,
      ...verification,
      input: { case: 'can_xac_minh', noi_dung_xac_minh: 'Lấy ý kiến người làm chứng' },
    })
    expect(stale.status).toBe(409)
    expect(await view('chuyenvien.06649', code)).toMatchObject({ case: null, dueAt, decisions: [] })
  })
})
