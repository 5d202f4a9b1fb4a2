import { describe, expect, it } from 'vitest'
import { sampleDefinition } from '../definition/test-fixture'
import { DomainError } from '../errors'
import { createCalendar, dueAfterResume, statutoryCalendar, workingMinutesBetween } from '../time'
import { applyAction, availableActions } from './index'
import type { ActionInputs, DossierState } from './types'

const calendar = createCalendar(statutoryCalendar(2024, 2027))
const vn = (local: string) => new Date(`${local}+07:00`)
const form = { giay_to: [{ ten: 'Bằng tốt nghiệp', so_trang: 2 }] }
const submitted: DossierState = {
  status: 1,
  currentStep: 'tiep_nhan',
  caseKey: null,
  receivedAt: null,
  dueAt: null,
  pausedAt: null,
  doneAt: null,
  returnedAt: null,
}

// the fixture, with what a longer procedure has: supplements, payment and apology while processing
const def = sampleDefinition()
def.processingTime = { kind: 'workingDays', days: 3 }
def.steps[1]!.budget = { kind: 'workingDays', days: 2 }
def.steps[1]!.actions.push(
  { key: 'bo_sung', type: 'requestSupplement', label: 'Yêu cầu bổ sung', requires: ['missingItems'] },
  { key: 'xac_nhan_phi', type: 'confirmPayment', label: 'Xác nhận đã nộp phí' },
  { key: 'xin_loi', type: 'extend', label: 'Xin lỗi và hẹn lại' },
)

const act = (state: DossierState, key: string, now: string, inputs: ActionInputs = {}, formData: unknown = form) =>
  applyAction(def, state, key, inputs, { calendar, now: vn(now), formData })
function refusal(fn: () => unknown): DomainError {
  try {
    fn()
  } catch (error) {
    if (DomainError.is(error)) return error
    throw error
  }
  throw new Error('expected the action to be refused')
}
const receivedMonday = () => act(submitted, 'tiep_nhan', '2025-05-05T09:00:00').next // due Thursday 8/5 09:00

describe('applyAction: the dossier lifecycle', () => {
  it('receives: the clock starts from the case’s processing time and the calendar', () => {
    const { next, event } = act(submitted, 'tiep_nhan', '2025-04-29T10:00:00')
    // 3 working days over 30/4 and 1/5
    expect(next).toMatchObject({
      status: 2,
      currentStep: 'xu_ly',
      receivedAt: vn('2025-04-29T10:00:00'),
      dueAt: vn('2025-05-06T10:00:00'),
    })
    expect(event).toMatchObject({
      action: 'receive',
      actionKey: 'tiep_nhan',
      fromStep: 'tiep_nhan',
      toStep: 'xu_ly',
      fromStatus: 1,
      toStatus: 2,
      stepDueAt: vn('2025-05-05T10:00:00'),
    })
  })

  it('keeps a received dossier at 2 (Được tiếp nhận) until its step first acts on it, then 4 (Đang xử lý)', () => {
    const received = receivedMonday()
    expect(received.status).toBe(2)
    const apologised = act(received, 'xin_loi', '2025-05-06T09:00:00', {
      reason: 'Chờ xác minh',
      newDueAt: vn('2025-05-12T17:00:00'),
    }).next
    expect(apologised.status).toBe(2) // a new date is no processing step
    expect(act(received, 'trinh_ky', '2025-05-05T10:00:00').event).toMatchObject({ fromStatus: 2, toStatus: 4 })
    const asked = act(received, 'bo_sung', '2025-05-05T10:00:00', { missingItems: ['Tờ khai'] }).next
    expect(act(asked, 'nhan_bo_sung', '2025-05-06T10:00:00').next.status).toBe(4)
    const paying = act(received, 'yeu_cau_nop_phi', '2025-05-05T10:00:00', { amount: 4000 }).next
    expect(act(paying, 'xac_nhan_phi', '2025-05-05T11:00:00').next.status).toBe(4)
  })

  it('keeps 9 when reception leads straight to the result', () => {
    const atOnce = sampleDefinition()
    atOnce.steps[0]!.actions[0]!.to = 'tra_ket_qua'
    const { next } = applyAction(
      atOnce,
      submitted,
      'tiep_nhan',
      {},
      { calendar, now: vn('2025-05-05T09:00:00'), formData: form },
    )
    expect(next).toMatchObject({ status: 9, currentStep: 'tra_ket_qua', doneAt: vn('2025-05-05T09:00:00') })
  })

  it('keeps the same-day 15:00 rule of the original fixture: 14:59 → today 17:00, 15:00 on Friday → Monday 17:00', () => {
    const sameDay = sampleDefinition()
    const run = (now: string) =>
      applyAction(sameDay, submitted, 'tiep_nhan', {}, { calendar, now: vn(now), formData: form }).next.dueAt
    expect(run('2025-05-06T14:59:00')).toEqual(vn('2025-05-06T17:00:00'))
    expect(run('2025-05-09T15:00:00')).toEqual(vn('2025-05-12T17:00:00'))
  })

  it('stops the clock for a supplement and, when it comes back, moves the due date by the working time stopped', () => {
    const received = receivedMonday()
    const paused = act(received, 'bo_sung', '2025-05-06T10:00:00', {
      missingItems: ['Bản sao căn cước', 'Tờ khai có chữ ký'],
    })
    expect(paused.next).toMatchObject({ status: 5, pausedAt: vn('2025-05-06T10:00:00'), currentStep: 'xu_ly' })
    expect(paused.event.data).toEqual({ missingItems: ['Bản sao căn cước', 'Tờ khai có chữ ký'] })
    expect(availableActions(def, paused.next).map((a) => a.type)).toEqual(['acceptSupplement', 'withdraw'])
    // 9 h were used (Mon 09:00–17:00, Tue 07:00–10:00), 15 h remain from Friday 14:00 → Tuesday 13/5 11:00
    const resumed = act(paused.next, 'nhan_bo_sung', '2025-05-09T14:00:00').next
    const stopped = workingMinutesBetween(calendar, vn('2025-05-06T10:00:00'), vn('2025-05-09T14:00:00'))
    expect(resumed).toMatchObject({ status: 4, pausedAt: null })
    expect(workingMinutesBetween(calendar, received.dueAt!, resumed.dueAt!)).toBe(stopped)
    expect(resumed.dueAt).toEqual(vn('2025-05-13T11:00:00'))
  })

  it('never makes a dossier overdue through repeated supplement requests', () => {
    let state = receivedMonday()
    for (const [from, to] of [
      ['2025-05-05T10:00:00', '2025-05-07T10:00:00'],
      ['2025-05-07T11:00:00', '2025-05-12T11:00:00'],
      ['2025-05-12T11:30:00', '2025-05-12T15:00:00'],
    ] as const) {
      state = act(state, 'bo_sung', from, { missingItems: ['Giấy tờ'] }).next
      state = act(state, 'nhan_bo_sung', to).next
    }
    // the clock ran 1 h, 1 h and 30 min between the pauses: 21.5 h of the 24 remain
    expect(workingMinutesBetween(calendar, vn('2025-05-12T15:00:00'), state.dueAt!)).toBe(24 * 60 - 60 - 60 - 30)
  })

  it('asks for the inputs an action requires, naming each, and changes nothing', () => {
    const error = refusal(() => act(submitted, 'tu_choi', '2025-05-05T09:00:00', { reason: '  ' }))
    expect(error.code).toBe('INVALID_DATA')
    expect(error.issues).toEqual([
      expect.objectContaining({ path: '/reason', message: expect.objectContaining({ vi: 'Vui lòng nêu rõ lý do.' }) }),
    ])
    expect(
      refusal(() => act(receivedMonday(), 'bo_sung', '2025-05-05T10:00:00', { missingItems: [] })).issues[0]!.path,
    ).toBe('/missingItems')
  })

  it('refuses at reception with a reason: status 3, ended', () => {
    const { next, event } = act(submitted, 'tu_choi', '2025-05-05T09:00:00', { reason: 'Không thuộc thẩm quyền' })
    expect(next).toMatchObject({ status: 3, currentStep: null })
    expect(event).toMatchObject({
      toStep: null,
      toStatus: 3,
      note: 'Không thuộc thẩm quyền',
      data: { reason: 'Không thuộc thẩm quyền' },
    })
    expect(refusal(() => act(next, 'tiep_nhan', '2025-05-05T10:00:00')).code).toBe('CONFLICT')
  })

  it('checks a guard against the form data', () => {
    const state = receivedMonday()
    expect(
      refusal(() => act(state, 'trinh_ky', '2025-05-05T10:00:00', {}, { giay_to: [{ ten: 'x', so_trang: 0 }] })).code,
    ).toBe('CONFLICT')
    expect(act(state, 'trinh_ky', '2025-05-05T10:00:00').next.currentStep).toBe('phe_duyet')
  })

  it('accepts the apology (Mẫu 04) until the end of the working day before the deadline’s day, not later', () => {
    const state = receivedMonday() // due Thursday 8/5 09:00
    const apologise = (now: string, s = state) =>
      act(s, 'xin_loi', now, { reason: 'Chờ xác minh', newDueAt: vn('2025-05-14T17:00:00') })
    expect(apologise('2025-05-07T16:59:00').next.dueAt).toEqual(vn('2025-05-14T17:00:00'))
    expect(apologise('2025-05-07T23:59:00').next.dueAt).toEqual(vn('2025-05-14T17:00:00')) // still Wednesday
    const tooLate = refusal(() => apologise('2025-05-08T07:30:00')) // the deadline's own day, before the deadline
    expect(tooLate.code).toBe('CONFLICT')
    expect(tooLate.userMessage.vi).toContain(
      'chậm nhất 01 ngày làm việc trước hạn giải quyết, tức trong ngày 07/05/2025',
    )
    // due Monday 12/5: the working day before is Friday 9/5, not the weekend
    const dueMonday = { ...state, dueAt: vn('2025-05-12T10:00:00') }
    expect(apologise('2025-05-09T16:00:00', dueMonday).next.dueAt).toEqual(vn('2025-05-14T17:00:00'))
    expect(refusal(() => apologise('2025-05-10T09:00:00', dueMonday)).code).toBe('CONFLICT')
  })

  it('extends with an apology only before the deadline, and only to a later date', () => {
    const state = receivedMonday()
    const { next, event } = act(state, 'xin_loi', '2025-05-07T09:00:00', {
      reason: 'Chờ xác minh',
      newDueAt: vn('2025-05-12T17:00:00'),
    })
    expect(next.dueAt).toEqual(vn('2025-05-12T17:00:00'))
    expect(event.data).toMatchObject({ oldDueAt: vn('2025-05-08T09:00:00'), newDueAt: vn('2025-05-12T17:00:00') })
    expect(
      refusal(() =>
        act(state, 'xin_loi', '2025-05-08T09:00:00', { reason: 'Muộn', newDueAt: vn('2025-05-12T17:00:00') }),
      ).code,
    ).toBe('CONFLICT')
    expect(
      refusal(() => act(state, 'xin_loi', '2025-05-06T09:00:00', { reason: 'x', newDueAt: vn('2025-05-07T09:00:00') }))
        .issues[0]!.path,
    ).toBe('/newDueAt')
    expect(refusal(() => act(state, 'xin_loi', '2025-05-06T09:00:00', { reason: 'x' })).issues[0]!.path).toBe(
      '/newDueAt',
    )
  })

  it('requests and confirms payment beside the status', () => {
    const requested = act(receivedMonday(), 'yeu_cau_nop_phi', '2025-05-05T10:00:00', { amount: 4000 })
    expect(requested.next.status).toBe(6)
    expect(requested.event.data).toEqual({ amount: 4000 })
    expect(availableActions(def, requested.next).map((a) => a.key)).not.toContain('yeu_cau_nop_phi')
    expect(act(requested.next, 'xac_nhan_phi', '2025-05-05T11:00:00').next).toMatchObject({
      status: 4,
      currentStep: 'xu_ly',
    })
  })

  it('stops the clock while the applicant is asked to pay when the procedure says so, as for a supplement', () => {
    const pausing = structuredClone(def)
    pausing.steps[1]!.actions.find((a) => a.key === 'yeu_cau_nop_phi')!.pausesClock = true
    const run = (state: DossierState, key: string, now: string, inputs: ActionInputs = {}) =>
      applyAction(pausing, state, key, inputs, { calendar, now: vn(now), formData: form }).next
    const received = receivedMonday() // due Thursday 8/5 09:00
    const asked = run(received, 'yeu_cau_nop_phi', '2025-05-06T10:00:00', { amount: 4000 })
    expect(asked).toMatchObject({ status: 6, pausedAt: vn('2025-05-06T10:00:00'), dueAt: received.dueAt })
    expect(availableActions(pausing, asked).map((a) => a.key)).toEqual(['xac_nhan_phi', 'rut_ho_so'])
    // 9 h were used (Mon 09:00–17:00, Tue 07:00–10:00); paid Friday 14:00, the 15 h left end Tuesday 13/5 11:00
    const paid = run(asked, 'xac_nhan_phi', '2025-05-09T14:00:00')
    expect(paid).toMatchObject({ status: 4, pausedAt: null })
    expect(paid.dueAt).toEqual(
      dueAfterResume(calendar, received.dueAt!, vn('2025-05-06T10:00:00'), vn('2025-05-09T14:00:00')),
    )
    expect(paid.dueAt).toEqual(vn('2025-05-13T11:00:00'))
    // without the flag (the fixture) the clock runs on
    expect(act(received, 'yeu_cau_nop_phi', '2025-05-06T10:00:00', { amount: 4000 }).next.pausedAt).toBeNull()
    // before reception there is no clock to stop
    const early = structuredClone(pausing)
    early.steps[0]!.actions.push(
      { key: 'thu_phi', type: 'requestPayment', label: 'Thu phí', pausesClock: true },
      { key: 'da_thu', type: 'confirmPayment', label: 'Đã thu' },
    )
    const atCounter = applyAction(
      early,
      submitted,
      'thu_phi',
      {},
      { calendar, now: vn('2025-05-05T09:00:00'), formData: form },
    )
    expect(atCounter.next).toMatchObject({ status: 6, pausedAt: null })
  })

  it('marks the result ready on entering a status-9 step, and returned at the end', () => {
    let state = act(receivedMonday(), 'trinh_ky', '2025-05-05T10:00:00').next
    state = act(state, 'duyet', '2025-05-06T10:00:00').next
    expect(state).toMatchObject({ status: 9, currentStep: 'tra_ket_qua', doneAt: vn('2025-05-06T10:00:00') })
    const { next, event } = act(state, 'tra', '2025-05-07T08:00:00', { deliveryMethod: 'post' })
    expect(next).toMatchObject({
      status: 10,
      currentStep: null,
      returnedAt: vn('2025-05-07T08:00:00'),
      doneAt: vn('2025-05-06T10:00:00'),
    })
    expect(event.data).toEqual({ deliveryMethod: 'post' })
  })

  it('returns the result only in a way the procedure and the return action allow', () => {
    let state = act(receivedMonday(), 'trinh_ky', '2025-05-05T10:00:00').next
    state = act(state, 'duyet', '2025-05-06T10:00:00').next
    const counterOnly = { ...def, resultDelivery: { methods: ['counter' as const, 'online' as const] } }
    const returnBy = (d: typeof def, method: 'counter' | 'post' | 'online') =>
      applyAction(
        d,
        state,
        'tra',
        { deliveryMethod: method },
        { calendar, now: vn('2025-05-07T08:00:00'), formData: form },
      )
    const error = refusal(() => returnBy(counterOnly, 'post'))
    expect(error.code).toBe('INVALID_DATA')
    expect(error.issues.map((i) => i.path)).toEqual(['/deliveryMethod'])
    expect(error.issues[0]!.message.vi).toContain('nhận trực tiếp tại bộ phận một cửa')
    expect(returnBy(counterOnly, 'online').next.status).toBe(10)
    // an action narrowing the procedure's methods
    const narrowed = structuredClone(counterOnly)
    narrowed.steps[3]!.actions[0]!.deliveryMethods = ['counter']
    expect(refusal(() => returnBy(narrowed, 'online')).issues[0]!.path).toBe('/deliveryMethod')
  })

  it('lets the receiving officer record a withdrawal and a leader stop processing at any step', () => {
    const state = receivedMonday()
    const actions = availableActions(def, state)
    expect(actions.find((a) => a.type === 'withdraw')).toMatchObject({
      roles: ['receiving_officer'],
      requires: ['reason'],
    })
    expect(actions.find((a) => a.type === 'stop')).toMatchObject({ roles: ['leader'] })
    expect(act(state, 'rut_ho_so', '2025-05-05T10:00:00', { reason: 'Công dân xin rút' }).next).toMatchObject({
      status: 7,
      currentStep: null,
    })
    expect(act(state, 'dung_xu_ly', '2025-05-05T10:00:00', { reason: 'Có tranh chấp' }).next).toMatchObject({
      status: 8,
      currentStep: null,
    })
  })
})

describe('applyAction: guards see the channel and today; budgets in calendar days', () => {
  const guarded = sampleDefinition()
  guarded.form.schema.properties.ngay_sinh = { type: 'string', format: 'date' }
  // forwarding only once the applicant is 18 on the day of the action, and only for a dossier filed online
  guarded.steps[1]!.actions[0]!.guard = {
    and: [
      { '>=': [{ years_between: [{ var: 'form.ngay_sinh' }, { var: 'today' }] }, 18] },
      { '==': [{ var: 'channel' }, 'online'] },
    ],
  }
  guarded.steps[2]!.budget = { kind: 'calendarDays', days: 3 }
  const atXuLy: DossierState = { ...submitted, status: 4, currentStep: 'xu_ly', receivedAt: vn('2025-05-05T09:00:00') }
  const forward = (now: Date, channel: 'online' | 'counter', ngay_sinh = '2007-05-09') =>
    applyAction(guarded, atXuLy, 'trinh_ky', {}, { calendar, now, formData: { ngay_sinh }, channel })

  it("reads today as the action's date in Vietnam", () => {
    expect(() => forward(new Date('2025-05-08T16:59:00Z'), 'online')).toThrow(/condition/)
    // 17:00 UTC on 8 May is already 9 May in Vietnam: the 18th birthday
    expect(forward(new Date('2025-05-08T17:00:00Z'), 'online').next.currentStep).toBe('phe_duyet')
  })

  it('reads the channel', () => {
    expect(() => forward(vn('2025-05-12T09:00:00'), 'counter')).toThrow(/condition/)
  })

  it('gives a step in calendar days the close of its last day, or of the next working day', () => {
    // entered Friday 9 May: 3 days later is Monday 12 May, closing at 17:00
    expect(forward(vn('2025-05-09T10:00:00'), 'online').event.stepDueAt).toEqual(vn('2025-05-12T17:00:00'))
    // entered Wednesday 7 May: 3 days later is Saturday 10 May, closed, so Monday 12 May at 17:00
    expect(forward(vn('2025-05-07T10:00:00'), 'online', '2000-01-01').event.stepDueAt).toEqual(
      vn('2025-05-12T17:00:00'),
    )
  })
})
