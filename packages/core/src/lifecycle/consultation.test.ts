import { describe, expect, it } from 'vitest'
import type { ProcedureDefinition } from '../definition'
import { sampleDefinition } from '../definition/test-fixture'
import { official } from '../time/test-support'
import { type ConsultationRequest, completeConsultation, consultationState, tallyConsultation } from './consultation'
import type { DossierState } from './types'

const vn = (local: string) => new Date(`${local}+07:00`)
const due = vn('2025-06-10T10:00:00')
const open = (dueAt = due): ConsultationRequest => ({ dueAt, answeredAt: null, opinion: null })
const answered = (at: string, opinion: ConsultationRequest['opinion'] = 'agree', dueAt = due): ConsultationRequest => ({
  dueAt,
  answeredAt: vn(at),
  opinion,
})

describe('consultationState', () => {
  it('stays open while answers are awaited and names when it will time out', () => {
    const later = vn('2025-06-12T10:00:00')
    expect(
      consultationState([answered('2025-06-05T09:00:00'), open(), open(later)], 'all', vn('2025-06-06T08:00:00')),
    ).toEqual({ state: 'open', answered: 1, needed: 3, timesOutAt: later })
  })

  it('completes by quorum the moment the last needed answer arrives, before any deadline', () => {
    const requests = [answered('2025-06-05T09:00:00'), answered('2025-06-05T10:00:00', 'disagree'), open()]
    expect(consultationState(requests, 2, vn('2025-06-05T10:00:00'))).toEqual({
      state: 'complete',
      by: 'quorum',
      answered: 2,
      needed: 2,
    })
    // an answer stamped after now does not count yet
    expect(consultationState(requests, 2, vn('2025-06-05T09:30:00'))).toMatchObject({ state: 'open', answered: 1 })
  })

  it('waits for a late unit while another is still in time, and counts its late answer', () => {
    const early = vn('2025-06-06T10:00:00')
    const requests = [answered('2025-06-05T09:00:00'), open(early), open()]
    const now = vn('2025-06-08T09:00:00')
    // one unit is late, the other still has time: the round stays open
    expect(consultationState(requests, 'all', now)).toMatchObject({ state: 'open', timesOutAt: due })
    // the late unit answers after its deadline: still counted
    const late = [requests[0]!, answered('2025-06-08T09:00:00', 'comments', early), requests[2]!]
    expect(consultationState(late, 'all', now)).toMatchObject({ state: 'open', answered: 2 })
  })

  it('completes by timeout once every unanswered request is past its deadline, even with no answer at all', () => {
    expect(consultationState([open(), open()], 'all', due)).toEqual({
      state: 'complete',
      by: 'timeout',
      answered: 0,
      needed: 2,
    })
    expect(consultationState([open(), open()], 'all', new Date(due.getTime() - 1))).toMatchObject({ state: 'open' })
    expect(consultationState([answered('2025-06-05T09:00:00'), open()], 'all', due)).toMatchObject({
      by: 'timeout',
      answered: 1,
    })
  })

  it('takes "all" by default and caps a quorum at the number of units', () => {
    expect(consultationState([answered('2025-06-05T09:00:00')], undefined, due)).toMatchObject({ by: 'quorum' })
    expect(consultationState([answered('2025-06-05T09:00:00')], 3, vn('2025-06-06T00:00:00'))).toMatchObject({
      by: 'quorum',
      needed: 1,
    })
  })
})

describe('tallyConsultation', () => {
  it('counts the opinions, the silent units and the late answers', () => {
    const early = vn('2025-06-04T10:00:00')
    expect(
      tallyConsultation([
        answered('2025-06-05T09:00:00', 'agree', early),
        answered('2025-06-05T09:00:00', 'disagree'),
        answered('2025-06-05T09:00:00', 'comments'),
        open(),
      ]),
    ).toEqual({ agree: 1, disagree: 1, comments: 1, unanswered: 1, late: 1 })
  })
})

describe('completeConsultation', () => {
  const calendar = official
  const def: ProcedureDefinition = sampleDefinition()
  def.processingTime = { kind: 'workingDays', days: 10 }
  def.steps[1]!.actions[0]!.to = 'lay_y_kien'
  def.steps.splice(2, 0, {
    key: 'lay_y_kien',
    name: 'Lấy ý kiến',
    role: 'specialist',
    status: 4,
    consult: {
      units: [{ code: 'STNMT' }, { code: 'SXD' }],
      budget: { kind: 'workingDays', days: 3 },
      then: 'phe_duyet',
    },
    actions: [],
  })
  const state: DossierState = {
    status: 4,
    currentStep: 'lay_y_kien',
    caseKey: null,
    receivedAt: vn('2025-06-02T08:00:00'),
    dueAt: vn('2025-06-16T08:00:00'),
    pausedAt: null,
    doneAt: null,
    returnedAt: null,
  }

  it('moves the dossier to `then` with an event by the system that tallies the answers', () => {
    const now = vn('2025-06-05T10:00:00')
    const { next, event } = completeConsultation(
      def,
      state,
      [answered('2025-06-05T09:00:00'), answered('2025-06-05T10:00:00', 'disagree')],
      {
        calendar,
        now,
      },
    )
    expect(next).toMatchObject({ currentStep: 'phe_duyet', status: 4, dueAt: state.dueAt })
    expect(event).toMatchObject({
      action: 'completeConsultation',
      fromStep: 'lay_y_kien',
      toStep: 'phe_duyet',
      note: 'Đồng ý 1, không đồng ý 1, ý kiến khác 0, chưa trả lời 0',
      data: { by: 'quorum', agree: 1, disagree: 1, unanswered: 0 },
      stepDueAt: vn('2025-06-05T14:00:00'),
    })
  })

  it('refuses while the round is open or away from a consultation step', () => {
    expect(() =>
      completeConsultation(def, state, [open(), answered('2025-06-05T09:00:00')], {
        calendar,
        now: vn('2025-06-05T10:00:00'),
      }),
    ).toThrow(/Not enough answers yet \(1\/2\)/)
    expect(() => completeConsultation(def, { ...state, currentStep: 'xu_ly' }, [], { calendar, now: due })).toThrow(
      /not at a consultation step/,
    )
  })
})
