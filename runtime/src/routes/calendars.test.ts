import { statutoryHolidays } from '@motcua/core'
import { testDrivers } from '@motcua/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { libraryProcedure, openTestRuntime, signIn, submissionForm, type TestRuntime } from '../testing'

const vn = (local: string) => new Date(`${local}+07:00`)
const iso = (local: string) => vn(local).toISOString()
const business = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh') // district, 3 working days; tham_dinh 12 h
const birth = libraryProcedure('dang-ky-khai-sinh') // commune, same day with the 15:00 rule
const applicant = { fullName: 'Vũ Thị Hạnh', idNumber: '022190008888' }

// The 2025 swap for công chức, viên chức: Friday 2/5 off, Saturday 26/4 worked (Thông báo 6150/TB-LĐTBXH, carrying
// out Công văn 8726/VPCP-KGVX of 26/11/2024). The notice's own date is not confirmed here: marked as a source would be.
const NOTICE_2025 =
  'Thông báo số 6150/TB-LĐTBXH (verify: ngày ban hành), thực hiện Công văn số 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ'
const LAW = 'Bộ luật Lao động 2019, Điều 112'
const statutory2025 = statutoryHolidays(2025).map((d) => ({ ...d, source: LAW }))
const saturdayMorning = [
  [],
  ...Array.from({ length: 5 }, () => [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ]),
  [{ start: '07:30', end: '11:30' }],
]

interface Desk {
  receiptCode: string
  version: number
  status: number
  dueAt: string | null
  dueProvisional: boolean
  receivedAt: string | null
  events: { action: string; stepDueAt: string | null; note: string | null; data: Record<string, unknown> }[]
}
interface Change {
  movedCount: number
  moved: { receiptCode: string; dueAtBefore: string; dueAtAfter: string }[]
  unexplained: string[]
}
interface Day {
  date: string
  kind: string
  name: string
  source: string | null
  calendarCode: string
}

describe.each(testDrivers())('administered calendars on $name', ({ open }) => {
  let runtime: TestRuntime
  let now = vn('2025-04-28T09:00:00')
  const tokens: Record<string, string> = {}
  const as = async (user: string, method: string, path: string, body?: unknown): Promise<Response> => {
    tokens[user] ??= await signIn(runtime, user)
    return runtime.app.request(path, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  }
  const json = async <T>(res: Response | Promise<Response>, status = 200): Promise<T> => {
    const r = await res
    const text = await r.text()
    expect(r.status, text).toBe(status)
    return JSON.parse(text) as T
  }
  const view = (user: string, code: string) => json<Desk>(as(user, 'GET', `/api/desk/dossiers/${code}`))
  const act = async (user: string, code: string, action: string, inputs: Record<string, unknown> = {}) => {
    const { version } = await view(user, code)
    await json(
      as(user, 'POST', `/api/desk/dossiers/${code}/actions/${action}`, { expectedVersion: version, ...inputs }),
    )
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
    return (await res.json()) as { receiptCode: string; pin: string }
  }
  const intake = async (unitCode: string) => {
    tokens[`tiepnhan.${unitCode}`] ??= await signIn(runtime, `tiepnhan.${unitCode}`)
    return runtime.app.request('/api/desk/intake', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[`tiepnhan.${unitCode}`]}` },
      body: submissionForm(birth.definition, {
        procedureCode: birth.definition.code,
        unitCode,
        channel: 1,
        applicant,
        formData: birth.sample,
      }),
    })
  }
  const year = (calendar: string, y: number) =>
    json<{ provisional: boolean; source: string | null; days: Day[] }>(
      as('admin', 'GET', `/api/admin/calendars/${calendar}/years/${y}`),
    )

  beforeAll(async () => {
    runtime = await openTestRuntime(open, { clock: () => now }) // with the demo administrators quantri.193, quantri.207
  })
  afterAll(() => runtime?.close())

  it('moves the due date of an open dossier when a year’s decision is recorded, with an event saying before, after and why; a dossier already done keeps its own', async () => {
    // the year as the law alone sets it: 30/4 and 1/5 off, provisional
    await json(
      as('admin', 'PUT', '/api/admin/calendars/default/years/2025', {
        provisional: true,
        holidays: statutory2025,
        makeUpDays: [],
      }),
    )
    now = vn('2025-04-29T10:00:00')
    const open = await submitOnline(business, '193')
    const done = await submitOnline(business, '193')
    await act('tiepnhan.193', open.receiptCode, 'tiep_nhan')
    await act('tiepnhan.193', done.receiptCode, 'tiep_nhan')
    await act('chuyenvien.193', done.receiptCode, 'trinh_ky')
    await act('lanhdao.193', done.receiptCode, 'phe_duyet')
    // 3 working days from Tuesday 10:00 over 30/4 and 1/5: Tue 5 h, Fri 8 h, Mon 8 h, Tue 3 h
    expect(await view('tiepnhan.193', open.receiptCode)).toMatchObject({
      dueAt: iso('2025-05-06T10:00:00'),
      dueProvisional: true,
    })
    const tracked = await json<{ dueProvisional: boolean }>(runtime.app.request(`/api/track/${open.receiptCode}`))
    expect(tracked.dueProvisional).toBe(true)
    const doneBefore = await view('tiepnhan.193', done.receiptCode)
    expect(doneBefore.status).toBe(9)

    now = vn('2025-04-29T15:00:00')
    const recorded = await json<{ year: { provisional: boolean }; change: Change }>(
      as('admin', 'PUT', '/api/admin/calendars/default/years/2025', {
        source: NOTICE_2025,
        holidays: [...statutory2025, { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)' }],
        makeUpDays: [{ date: '2025-04-26', name: 'Làm bù cho thứ Sáu 2/5/2025' }],
      }),
    )
    // now Wed 30/4 to Sun 4/5 off: Tue 5 h, Mon 8 h, Tue 8 h, Wed 3 h
    expect(recorded.year.provisional).toBe(false)
    expect(recorded.change.moved).toEqual([
      expect.objectContaining({
        receiptCode: open.receiptCode,
        dueAtBefore: iso('2025-05-06T10:00:00'),
        dueAtAfter: iso('2025-05-07T10:00:00'),
      }),
    ])
    const moved = await view('tiepnhan.193', open.receiptCode)
    expect(moved).toMatchObject({ dueAt: iso('2025-05-07T10:00:00'), dueProvisional: false })
    const event = moved.events.at(-1)!
    expect(event).toMatchObject({
      action: 'calendarChange',
      // the 12 h of tham_dinh: Fri 2/5 16:00 before, Mon 5/5 16:00 now
      stepDueAt: iso('2025-05-05T16:00:00'),
      data: {
        dueAtBefore: iso('2025-05-06T10:00:00'),
        dueAtAfter: iso('2025-05-07T10:00:00'),
        stepDueAtBefore: iso('2025-05-02T16:00:00'),
        stepDueAtAfter: iso('2025-05-05T16:00:00'),
      },
    })
    expect(event.data.source).toContain('6150/TB-LĐTBXH')
    // the unconfirmed mark stays in the calendar, never in what the citizen reads
    const withPin = await runtime.app.request(`/api/track/${open.receiptCode}`, {
      headers: { 'x-lookup-pin': open.pin },
    })
    const text = await withPin.text()
    expect(text).toContain('Tính lại hạn giải quyết theo lịch làm việc')
    expect(text).not.toContain('verify')
    expect(JSON.parse(text)).toMatchObject({ dueAt: iso('2025-05-07T10:00:00'), dueProvisional: false })

    const untouched = await view('tiepnhan.193', done.receiptCode)
    expect(untouched.dueAt).toBe(doneBefore.dueAt)
    expect(untouched.events.map((e) => e.action)).not.toContain('calendarChange')

    const stored = await year('default', 2025)
    expect(stored).toMatchObject({ provisional: false, source: NOTICE_2025 })
    expect(stored.days).toContainEqual(
      expect.objectContaining({ date: '2025-05-02', kind: 'holiday', source: NOTICE_2025 }),
    )
    expect(stored.days).toContainEqual(expect.objectContaining({ date: '2025-04-30', source: LAW }))
  })

  it('refuses a date twice, a make-up day on a working day and a day off that means nothing, naming each, and saves nothing', async () => {
    const before = await year('default', 2025)
    const twice = await as('admin', 'PUT', '/api/admin/calendars/default/years/2025', {
      source: NOTICE_2025,
      holidays: [...statutory2025, { date: '2025-09-01', name: 'Quốc khánh' }, { date: '2025-09-01', name: 'x' }],
      makeUpDays: [{ date: '2025-04-28', name: 'Làm bù' }],
    })
    expect(twice.status).toBe(400)
    const issues = ((await twice.json()) as { error: { issues: { code: string; path: string }[] } }).error.issues
    const n = statutory2025.length
    expect(issues.map((i) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ['calendar.dateTwice', `/holidays/${n + 1}/date`],
        ['calendar.makeUpOnWorkingDay', '/makeUpDays/0/date'],
      ]),
    )
    const sunday = await as('admin', 'PUT', '/api/admin/calendars/default/days/2025-05-11', {
      kind: 'holiday',
      name: 'Nghỉ',
      source: NOTICE_2025,
    })
    expect(sunday.status).toBe(400)
    expect(await sunday.json()).toMatchObject({
      error: { issues: [{ code: 'calendar.dayOffWhenClosed', path: '/path/date' }] },
    })
    const unsourced = await as('admin', 'PUT', '/api/admin/calendars/default/years/2025', {
      holidays: statutory2025,
      makeUpDays: [],
    })
    expect(await unsourced.json()).toMatchObject({
      error: { issues: [{ code: 'calendar.sourceRequired', path: '/source' }] },
    })
    const notADate = await as('admin', 'PUT', '/api/admin/calendars/default/years/2025', {
      source: NOTICE_2025,
      holidays: [{ date: '2025-02-30', name: 'x' }],
      makeUpDays: [],
    })
    expect(await notADate.json()).toMatchObject({ error: { issues: [{ path: '/holidays/0/date' }] } })
    expect(await year('default', 2025)).toEqual(before)
  })

  it('lets a unit’s calendar inherit the province’s days and override them, and its counter open on Saturday morning', async () => {
    const created = await json<{ calendar: { officeHours: unknown; counterHours: unknown; parentCode: string } }>(
      as('quantri.207', 'POST', '/api/admin/calendars', {
        code: 'co-to',
        name: 'Lịch làm việc huyện Cô Tô',
        ownerUnitCode: '207',
        counterHours: saturdayMorning,
      }),
      201,
    )
    expect(created.calendar).toMatchObject({ parentCode: 'default', counterHours: saturdayMorning })
    expect(created.calendar.officeHours).toEqual(saturdayMorning.map((d, i) => (i === 6 ? [] : d)))
    await json(as('quantri.207', 'PUT', '/api/admin/units/07192/calendar', { calendarCode: 'co-to' }))
    expect((await year('co-to', 2025)).days).toContainEqual(
      expect.objectContaining({ date: '2025-05-02', calendarCode: 'default' }),
    )

    // Saturday 10/5/2025 09:00: the counter is open, the office is not; the same-day deadline counts from Monday
    now = vn('2025-05-10T09:00:00')
    const atCounter = await json<{ receiptCode: string; dueAt: string }>(intake('07192'), 201)
    expect(atCounter.dueAt).toBe(iso('2025-05-12T17:00:00'))
    expect((await view('tiepnhan.07192', atCounter.receiptCode)).receivedAt).toBe(iso('2025-05-10T09:00:00'))
    expect((await intake('06649')).status).toBe(409) // the province’s calendar: closed on Saturday
    now = vn('2025-05-10T14:00:00')
    const closed = await intake('07192')
    expect(closed.status).toBe(409)
    const refusal = (await closed.json()) as { error: { message: { vi: string }; issues: { code: string }[] } }
    expect(refusal.error.issues[0]!.code).toBe('counter.closed')
    expect(refusal.error.message.vi).toContain('thứ Bảy 07:30–11:30')
    expect(refusal.error.message.vi).toContain('thứ Hai 12/05/2025, 07:00')

    // an online dossier sent Friday night and received on Saturday morning counts from Monday too
    now = vn('2025-05-09T20:00:00')
    const online = await submitOnline(birth, '07192')
    now = vn('2025-05-10T08:00:00')
    await act('tiepnhan.07192', online.receiptCode, 'tiep_nhan')
    expect((await view('tiepnhan.07192', online.receiptCode)).dueAt).toBe(iso('2025-05-12T17:00:00'))

    // a day off the province adds reaches the unit's calendar; the unit overrides it with a working day
    now = vn('2025-05-10T10:00:00')
    const added = await json<{ change: Change }>(
      as('admin', 'PUT', '/api/admin/calendars/default/days/2025-05-12', {
        kind: 'holiday',
        name: 'Ngày nghỉ (dữ liệu thử)',
        source: 'Dữ liệu thử',
      }),
    )
    expect(added.change.moved).toContainEqual(
      expect.objectContaining({ receiptCode: atCounter.receiptCode, dueAtAfter: iso('2025-05-13T17:00:00') }),
    )
    const overridden = await json<{ day: Day; change: Change }>(
      as('quantri.207', 'PUT', '/api/admin/calendars/co-to/days/2025-05-12', {
        kind: 'makeUp',
        name: 'Làm việc bình thường (dữ liệu thử)',
        source: 'Dữ liệu thử',
      }),
    )
    expect(overridden.day).toMatchObject({ calendarCode: 'co-to', kind: 'makeUp' })
    expect(overridden.change.moved).toContainEqual(
      expect.objectContaining({ receiptCode: atCounter.receiptCode, dueAtAfter: iso('2025-05-12T17:00:00') }),
    )
    expect((await view('tiepnhan.07192', atCounter.receiptCode)).dueAt).toBe(iso('2025-05-12T17:00:00'))
    // the province's other units keep the day off
    expect((await year('default', 2025)).days).toContainEqual(
      expect.objectContaining({ date: '2025-05-12', kind: 'holiday' }),
    )
  })

  it('saves an edit made while an officer acts on a dossier it moves: the action goes first, or finds the dossier moved', async () => {
    now = vn('2025-06-02T09:00:00') // a Monday
    const { receiptCode } = await submitOnline(business, '193')
    await act('tiepnhan.193', receiptCode, 'tiep_nhan')
    const { version, dueAt } = await view('tiepnhan.193', receiptCode)
    expect(dueAt).toBe(iso('2025-06-05T09:00:00'))
    const [edit, action] = await Promise.all([
      as('admin', 'PUT', '/api/admin/calendars/default/days/2025-06-03', {
        kind: 'holiday',
        name: 'Ngày nghỉ (dữ liệu thử)',
        source: 'Dữ liệu thử',
      }),
      as('chuyenvien.193', 'POST', `/api/desk/dossiers/${receiptCode}/actions/trinh_ky`, { expectedVersion: version }),
    ])
    expect(edit.status).toBe(200)
    expect([200, 409]).toContain(action.status)
    const after = await view('tiepnhan.193', receiptCode)
    expect(after.dueAt).toBe(iso('2025-06-06T09:00:00'))
    expect(after.events.at(-1)!.action).toBe('calendarChange')
    expect(after.events.map((e) => e.action).includes('forward')).toBe(action.status === 200)
  })

  it('checks the hours it is given; counter hours move no deadline, office hours do', async () => {
    const badInterval = saturdayMorning.map((d, i) => (i === 6 ? [{ start: '11:30', end: '07:30' }] : d))
    const bad = await as('quantri.207', 'PUT', '/api/admin/calendars/co-to/hours', {
      counterHours: badInterval,
      source: 'Dữ liệu thử',
    })
    expect(await bad.json()).toMatchObject({
      error: { issues: [{ code: 'calendar.interval', path: '/counterHours/6/0' }] },
    })
    const rootless = await as('admin', 'PUT', '/api/admin/calendars/default/hours', {
      officeHours: null,
      source: 'Dữ liệu thử',
    })
    expect(await rootless.json()).toMatchObject({ error: { issues: [{ code: 'calendar.rootHours' }] } })

    now = vn('2025-06-09T08:00:00') // a Monday
    const atCounter = await json<{ receiptCode: string; dueAt: string }>(intake('07192'), 201)
    expect(atCounter.dueAt).toBe(iso('2025-06-09T17:00:00'))
    const counterOnly = await json<{ change: Change }>(
      as('quantri.207', 'PUT', '/api/admin/calendars/co-to/hours', {
        counterHours: saturdayMorning.map((d, i) => (i === 6 ? [{ start: '07:00', end: '11:00' }] : d)),
        source: 'Dữ liệu thử',
      }),
    )
    expect(counterOnly.change.movedCount).toBe(0)
    const shorter = [0, 1, 2, 3, 4, 5, 6].map((i) => (i === 6 || i === 0 ? [] : [{ start: '07:00', end: '11:30' }]))
    const mornings = await json<{ change: Change }>(
      as('quantri.207', 'PUT', '/api/admin/calendars/co-to/hours', { officeHours: shorter, source: 'Dữ liệu thử' }),
    )
    expect(mornings.change.moved).toContainEqual(
      expect.objectContaining({ receiptCode: atCounter.receiptCode, dueAtAfter: iso('2025-06-09T11:30:00') }),
    )
  })

  it('lets a unit’s administrators edit only their units’ calendars', async () => {
    const day = { kind: 'holiday', name: 'Nghỉ', source: 'Dữ liệu thử' }
    expect((await as('quantri.193', 'PUT', '/api/admin/calendars/default/days/2025-06-02', day)).status).toBe(403)
    expect((await as('quantri.193', 'PUT', '/api/admin/calendars/co-to/days/2025-06-02', day)).status).toBe(403)
    const elsewhere = { code: 'x', name: 'Lịch', ownerUnitCode: '207' }
    expect((await as('quantri.193', 'POST', '/api/admin/calendars', elsewhere)).status).toBe(403)
    await json(
      as('quantri.193', 'POST', '/api/admin/calendars', {
        code: 'ha-khanh',
        name: 'Lịch phường',
        ownerUnitCode: '06649',
      }),
      201,
    )
    const neighbours = await as('quantri.193', 'PUT', '/api/admin/units/06649/calendar', { calendarCode: 'co-to' })
    expect(neighbours.status).toBe(400)
    expect(await neighbours.json()).toMatchObject({ error: { issues: [{ code: 'calendar.notInScope' }] } })
    await json(as('quantri.193', 'PUT', '/api/admin/units/06649/calendar', { calendarCode: 'ha-khanh' }))
    expect(
      (await as('quantri.193', 'PUT', '/api/admin/units/07192/calendar', { calendarCode: 'default' })).status,
    ).toBe(403)
    expect((await as('tiepnhan.193', 'GET', '/api/admin/calendars')).status).toBe(403)
    expect((await as('admin', 'PUT', '/api/admin/calendars/co-to/days/2025-06-02', day)).status).toBe(200)

    const all = await json<{ code: string; unitCodes: string[]; years: { year: number }[] }[]>(
      as('quantri.193', 'GET', '/api/admin/calendars'),
    )
    expect(all.find((c) => c.code === 'ha-khanh')!.unitCodes).toEqual(['06649'])
    expect(all.find((c) => c.code === 'default')!.years.map((y) => y.year)).toEqual(
      expect.arrayContaining([2019, 2025, 2035]),
    )
  })
})
