import type { Consultation } from '../definition'
import { effectiveSteps, type ProcedureDefinition } from '../definition'
import { DomainError } from '../errors'
import { type ResolvedCalendar, stepDueDates } from '../time'
import { currentStepOf } from './available-actions'
import type { DossierState, TransitionEvent } from './types'

/** A consulted unit's answer: đồng ý (agree), không đồng ý (disagree), có ý kiến khác (comments). */
export type Opinion = 'agree' | 'disagree' | 'comments'
export const opinions: readonly Opinion[] = ['agree', 'disagree', 'comments']

/** One request for an opinion, as stored: when it is due and, once answered, when and how. */
export interface ConsultationRequest {
  dueAt: Date
  answeredAt: Date | null
  opinion: Opinion | null
}

/**
 * Where a round of consultations stands: `open` while answers are still awaited, `complete` once `quorum`
 * answers are in (`by: 'quorum'`) or every request still unanswered is past its deadline (`by: 'timeout'`).
 * `timesOutAt` is when an open round will time out (the last deadline of the requests still unanswered).
 */
export type ConsultationOutcome =
  | { state: 'open'; answered: number; needed: number; timesOutAt: Date }
  | { state: 'complete'; by: 'quorum' | 'timeout'; answered: number; needed: number }

/**
 * Decides a round of consultations from its answers, deadlines and `now`. A late answer still counts while the
 * round is open; an answer stamped after `now` does not (yet). The quorum is capped at the number of requests.
 * @example consultationState([{ dueAt, answeredAt: now, opinion: 'agree' }], 'all', now) // { state: 'complete', by: 'quorum', … }
 */
export function consultationState(
  requests: readonly ConsultationRequest[],
  quorum: Consultation['quorum'],
  now: Date,
): ConsultationOutcome {
  const needed = Math.min(quorum === undefined || quorum === 'all' ? requests.length : quorum, requests.length)
  const isAnswered = (r: ConsultationRequest) => r.answeredAt !== null && r.answeredAt <= now
  const answered = requests.filter(isAnswered).length
  if (answered >= needed) return { state: 'complete', by: 'quorum', answered, needed }
  const waiting = requests.filter((r) => !isAnswered(r) && r.dueAt > now)
  if (waiting.length === 0) return { state: 'complete', by: 'timeout', answered, needed }
  const timesOutAt = new Date(Math.max(...waiting.map((r) => r.dueAt.getTime())))
  return { state: 'open', answered, needed, timesOutAt }
}

/** How many answered each way, how many did not answer, and how many answered after their deadline. */
export interface ConsultationTally {
  agree: number
  disagree: number
  comments: number
  unanswered: number
  late: number
}

/** Counts a round's answers (what the event moving the dossier on records). */
export function tallyConsultation(requests: readonly ConsultationRequest[]): ConsultationTally {
  const tally: ConsultationTally = { agree: 0, disagree: 0, comments: 0, unanswered: 0, late: 0 }
  for (const r of requests) {
    if (r.answeredAt === null || r.opinion === null) tally.unanswered++
    else {
      tally[r.opinion]++
      if (r.answeredAt > r.dueAt) tally.late++
    }
  }
  return tally
}

/**
 * Moves a dossier on from its consultation step to the step the consultation names (`then`) once the round is
 * complete: the next state and the event, by the system, with the tally. Throws CONFLICT when the dossier is
 * not at a consultation step or the round is still open.
 * @example const { next, event } = completeConsultation(def, dossier, requests, { calendar, now })
 */
export function completeConsultation(
  def: ProcedureDefinition,
  state: DossierState,
  requests: readonly ConsultationRequest[],
  ctx: { calendar: ResolvedCalendar; now: Date },
): { next: DossierState; event: TransitionEvent } {
  const step = currentStepOf(def, state)
  const consult = step?.consult
  if (!step || !consult)
    throw new DomainError('CONFLICT', {
      vi: 'Hồ sơ không ở bước lấy ý kiến.',
      en: 'The dossier is not at a consultation step.',
    })
  if (state.pausedAt) throw new DomainError('CONFLICT', { vi: 'Hồ sơ đang tạm dừng.', en: 'The dossier is paused.' })
  const outcome = consultationState(requests, consult.quorum, ctx.now)
  if (outcome.state === 'open')
    throw new DomainError('CONFLICT', {
      vi: `Chưa đủ ý kiến (${outcome.answered}/${outcome.needed}) và chưa hết thời hạn lấy ý kiến.`,
      en: `Not enough answers yet (${outcome.answered}/${outcome.needed}) and the deadlines have not passed.`,
    })
  const target = effectiveSteps(def, state.caseKey).find((s) => s.key === consult.then)!
  const next: DossierState = { ...state, currentStep: target.key, status: target.status }
  if (target.status === 9) next.doneAt ??= ctx.now
  const tally = tallyConsultation(requests)
  const label =
    outcome.by === 'quorum' ? 'Kết thúc lấy ý kiến: đã đủ ý kiến' : 'Kết thúc lấy ý kiến: hết thời hạn lấy ý kiến'
  return {
    next,
    event: {
      action: 'completeConsultation',
      actionKey: 'ket_thuc_lay_y_kien',
      label,
      fromStep: state.currentStep,
      toStep: next.currentStep,
      fromStatus: state.status,
      toStatus: next.status,
      note: `Đồng ý ${tally.agree}, không đồng ý ${tally.disagree}, ý kiến khác ${tally.comments}, chưa trả lời ${tally.unanswered}`,
      stepDueAt: target.budget ? stepDueDates(ctx.calendar, ctx.now, [target.budget])[0]! : null,
      data: { by: outcome.by, quorum: outcome.needed, ...tally },
    },
  }
}
