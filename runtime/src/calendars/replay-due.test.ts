import {
  type ActionInputs,
  applyAction,
  createCalendar,
  type DossierState,
  statutoryCalendar,
  type TransitionEvent,
} from '@motcua/core'
import { describe, expect, it } from 'vitest'
import { libraryProcedure } from '../testing'
import { clockStopsOf, type DueHistory, replayDue } from './replay-due'

const vn = (local: string) => new Date(`${local}+07:00`)
const { definition } = libraryProcedure('dang-ky-thanh-lap-ho-kinh-doanh') // 3 working days; tham_dinh 12 h
const statutory = createCalendar(statutoryCalendar(2025, 2025))
// Thông báo 6150/TB-LĐTBXH: công chức, viên chức work Saturday 26/4/2025 instead of Friday 2/5/2025
const swapped = createCalendar({
  ...statutory.source,
  holidays: [...statutory.source.holidays, { date: '2025-05-02', name: 'Nghỉ hoán đổi' }],
  makeUpDays: [{ date: '2025-04-26', name: 'Làm bù cho thứ Sáu 2/5' }],
})

/** Walks a dossier with core's applyAction, logging events as the database keeps them (dates as JSON text). */
function walk(steps: [key: string, at: string, inputs?: ActionInputs][], def = definition) {
  let state: DossierState = {
    status: 1,
    currentStep: 'tiep_nhan',
    caseKey: null,
    receivedAt: null,
    dueAt: null,
    pausedAt: null,
    doneAt: null,
    returnedAt: null,
  }
  const events: DueHistory['events'] = []
  for (const [key, at, inputs = {}] of steps) {
    const { next, event } = applyAction(def, state, key, inputs, {
      calendar: statutory,
      now: vn(at),
      formData: {},
    })
    const stored = JSON.parse(JSON.stringify(event)) as TransitionEvent
    events.push({
      action: stored.action,
      at: vn(at),
      fromStep: stored.fromStep,
      toStep: stored.toStep,
      data: { ...stored.data, actionKey: stored.actionKey },
    })
    state = next
  }
  return { state, history: { receivedAt: state.receivedAt!, caseKey: null, currentStep: state.currentStep, events } }
}

describe('replayDue', () => {
  it('gives the due dates core’s applyAction gave, from the stored history', () => {
    const { state, history } = walk([['tiep_nhan', '2025-04-29T10:00:00']])
    expect(replayDue(statutory, definition, history)).toEqual({
      dueAt: state.dueAt,
      stepDueAt: vn('2025-05-02T16:00:00'), // 12 h of tham_dinh: Tue 5 h, Fri 7 h
    })
    const resumed = walk([
      ['tiep_nhan', '2025-04-29T10:00:00'],
      ['yeu_cau_bo_sung', '2025-05-05T09:00:00', { missingItems: ['Hợp đồng thuê nhà'] }],
      ['nhan_bo_sung', '2025-05-07T14:00:00'],
    ])
    expect(replayDue(statutory, definition, resumed.history)).toEqual({ dueAt: resumed.state.dueAt, stepDueAt: null })
  })

  it('counts the swapped Friday and the make-up Saturday when the calendar has them', () => {
    const { history } = walk([['tiep_nhan', '2025-04-29T10:00:00']])
    // Tue 29/4 10:00: 5 h; Wed 30/4 to Sun 4/5 off; Mon 5/5 8 h; Tue 6/5 8 h; Wed 7/5 3 h
    expect(replayDue(swapped, definition, history)).toEqual({
      dueAt: vn('2025-05-07T10:00:00'),
      stepDueAt: vn('2025-05-05T16:00:00'),
    })
  })

  it('keeps an apology’s new date whatever the calendar', () => {
    const { state, history } = walk([
      ['tiep_nhan', '2025-04-29T10:00:00'],
      ['xin_loi_hen_lai', '2025-05-05T09:00:00', { reason: 'Chờ xác minh', newDueAt: vn('2025-05-12T17:00:00') }],
    ])
    expect(state.dueAt).toEqual(vn('2025-05-12T17:00:00'))
    expect(replayDue(swapped, definition, history).dueAt).toEqual(vn('2025-05-12T17:00:00'))
  })

  it('moves the due date by the time a payment request stopped the clock, as applyAction did', () => {
    // the appraisal step asks for a fee and stops the clock until it is paid
    const paying = structuredClone(definition)
    paying.steps[1]!.actions.push(
      { key: 'yeu_cau_nop_thue', type: 'requestPayment', label: 'Yêu cầu nộp thuế', pausesClock: true },
      { key: 'xac_nhan_nop_thue', type: 'confirmPayment', label: 'Xác nhận đã nộp' },
    )
    const path: [string, string, ActionInputs?][] = [
      ['tiep_nhan', '2025-04-29T10:00:00'],
      ['yeu_cau_nop_thue', '2025-05-05T10:00:00', { amount: 100_000 }],
      ['xac_nhan_nop_thue', '2025-05-06T10:00:00', { amount: 100_000 }],
    ]
    const { state, history } = walk(path, paying)
    expect(state.dueAt).not.toEqual(walk(path.slice(0, 1), paying).state.dueAt) // the pause moved it
    expect(replayDue(statutory, paying, history)).toEqual({ dueAt: state.dueAt, stepDueAt: null })
  })
})

describe('replayDue after an officer chose the case', () => {
  const recognition = libraryProcedure('dang-ky-nhan-cha-me-con').definition // 3 working days; verification 8
  const choose = { reason: 'Cần xác minh', input: { case: 'can_xac_minh', noi_dung_xac_minh: 'Người làm chứng' } }
  function walkChoosing(calendar: typeof statutory) {
    let state: DossierState = {
      status: 1,
      currentStep: 'tiep_nhan',
      caseKey: null,
      receivedAt: null,
      dueAt: null,
      pausedAt: null,
      doneAt: null,
      returnedAt: null,
    }
    const events: DueHistory['events'] = []
    const steps: [string, string, ActionInputs][] = [
      ['tiep_nhan', '2025-05-05T09:00:00', {}],
      ['yeu_cau_bo_sung', '2025-05-05T10:00:00', { missingItems: ['Ảnh chụp chung'] }],
      ['nhan_bo_sung', '2025-05-06T10:00:00', {}],
      ['chuyen_xac_minh', '2025-05-06T14:00:00', choose],
    ]
    for (const [key, at, inputs] of steps) {
      const { next, event } = applyAction(recognition, state, key, inputs, {
        calendar,
        now: vn(at),
        formData: {},
        clockStops: clockStopsOf(events),
      })
      const stored = JSON.parse(JSON.stringify(event)) as TransitionEvent
      events.push({
        action: stored.action,
        at: vn(at),
        fromStep: stored.fromStep,
        toStep: stored.toStep,
        data: stored.data,
      })
      state = next
    }
    return { state, events }
  }

  it('recomputes the chosen case’s time from reception with the stops, as applyAction did', () => {
    const { state, events } = walkChoosing(statutory)
    expect(state).toMatchObject({ caseKey: 'can_xac_minh', dueAt: vn('2025-05-16T09:00:00') })
    const history = { receivedAt: state.receivedAt!, caseKey: state.caseKey, currentStep: state.currentStep, events }
    expect(replayDue(statutory, recognition, history).dueAt).toEqual(state.dueAt)
    // a day off added later inside the 8 working days moves it by a day
    const withDayOff = createCalendar({
      ...statutory.source,
      holidays: [...statutory.source.holidays, { date: '2025-05-12', name: 'Nghỉ bù' }],
    })
    expect(replayDue(withDayOff, recognition, history).dueAt).toEqual(vn('2025-05-19T09:00:00'))
    expect(replayDue(withDayOff, recognition, history).dueAt).toEqual(walkChoosing(withDayOff).state.dueAt)
  })
})
