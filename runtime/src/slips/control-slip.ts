import { classify, dossierStatuses } from '@motcua/core'
import { agencyName } from './authority'
import { field, nationalHeading, slipTitle } from './document'
import { escapeHtml } from './escape-html'
import { missingItemsOf, reasonOf, requestLine } from './slip-parts'
import type { SlipEvent, SlipInput } from './types'
import { formatTimeVi, toDate } from './vietnam-time'

/** Actions where the applicant hands something to the unit (the dossier, a supplement, a payment, a withdrawal). */
const fromApplicant = new Set(['submit', 'acceptSupplement', 'confirmPayment', 'withdraw'])
/** Actions whose paper goes to the applicant (result, refusal, supplement or payment request, apology, stop notice). */
const toApplicant = new Set(['return', 'refuse', 'requestSupplement', 'requestPayment', 'stop', 'extend'])
/** Hand-overs between units (liên thông), written right after the transition that moved the dossier. */
const handActions = new Set(['handOver', 'handBack'])
/** Actions that keep the step and leave its clock alone: the step's deadline carries over them. */
const clockNeutral = new Set([
  'requestPayment',
  'confirmPayment',
  'extend',
  'openConsultation',
  'answerConsultation',
  ...handActions,
])
/** A consultation's request to another unit and that unit's answer: rows with the unit asked and its own deadline. */
const consultation = new Set(['openConsultation', 'answerConsultation'])
const opinions: Record<string, string> = { agree: 'Đồng ý', disagree: 'Không đồng ý', comments: 'Có ý kiến khác' }

interface HandUnit {
  id: string
  name: string
}
const handOf = (event: SlipEvent): { fromUnit: HandUnit; toUnit: HandUnit } | null => {
  const data = event.data as { fromUnit?: HandUnit; toUnit?: HandUnit } | null
  return handActions.has(event.action) && data?.fromUnit && data.toUnit
    ? { fromUnit: data.fromUnit, toUnit: data.toUnit }
    : null
}

const APPLICANT = 'Người nộp hồ sơ'
const delivery: Record<string, string> = {
  counter: 'Trả tại Bộ phận một cửa',
  post: 'Trả qua bưu chính',
  online: 'Trả trực tuyến',
}

export type StepTimeliness = 'early' | 'onTime' | 'late' | null

export const timelinessLabels = { early: 'Trước hạn', onTime: 'Đúng hạn', late: 'Quá hạn' } as const

/**
 * The deadline of the step an event leaves: the previous event's `stepDueAt`; over actions that keep the step
 * without touching its clock (payment, apology) the search goes further back. A supplement request, or a payment
 * request that stopped the clock (its confirmation says since when), moves the deadline by working time this pure
 * renderer cannot count, so past one there is no deadline (no mark rather than a wrong "late").
 */
export function stepDeadline(events: readonly SlipEvent[], index: number): Date | null {
  for (let j = index - 1; j >= 0; j--) {
    const previous = events[j]!
    const due = toDate(previous.stepDueAt)
    if (due) return due
    if (!clockNeutral.has(previous.action) || previous.data?.pausedFrom) return null
  }
  return null
}

/** Early / on time / late of one hand-over, by the one definition (core `classify`); null without a deadline. */
export function stepTimeliness(events: readonly SlipEvent[], index: number, now: Date): StepTimeliness {
  // a hand-over happens with the transition before it, which carries the mark
  if (handActions.has(events[index]!.action)) return null
  const own = consultationDeadline(events[index]!)
  const dueAt = own === undefined ? stepDeadline(events, index) : own
  if (!dueAt) return null
  const verdict = classify({ dueAt, doneAt: events[index]!.at, now })
  return verdict === 'early' || verdict === 'onTime' || verdict === 'late' ? verdict : null
}

/** An answer to a consultation is judged by the deadline of that request, an opening not at all. */
function consultationDeadline(event: SlipEvent): Date | null | undefined {
  if (!consultation.has(event.action)) return undefined
  return event.action === 'answerConsultation' ? toDate(event.data?.consultationDueAt) : null
}

/** The first officer to act after an event: the one who took the dossier over. */
function nextOfficer(events: readonly SlipEvent[], index: number): string {
  const next = events.slice(index + 1).find((e) => e.actorRole !== 'citizen' && e.actorName)
  return next?.actorName ?? ''
}

function noteOf(event: SlipEvent): string {
  if (event.action === 'answerConsultation')
    return [opinions[String(event.data?.opinion)], event.note].filter(Boolean).join(': ')
  const notes = [reasonOf(event) ?? '']
  if (event.action === 'requestSupplement') {
    const items = missingItemsOf(event)
    if (items.length) notes.push(`Cần bổ sung: ${items.join('; ')}`)
  }
  if (event.action === 'extend') notes.push(`Hẹn lại: ${formatTimeVi(toDate(event.data?.newDueAt))}`)
  if (event.action === 'openConsultation')
    notes.push(`Hạn trả lời ý kiến: ${formatTimeVi(toDate(event.data?.consultationDueAt))}`)
  const change = event.data?.caseChange as { name?: string; to?: string; newDueAt?: string } | undefined
  if (change) {
    notes.push(`Chuyển sang trường hợp: ${change.name ?? change.to}`)
    if (change.newDueAt) notes.push(`Hạn trả kết quả tính lại: ${formatTimeVi(toDate(change.newDueAt))}`)
  }
  const method = event.data?.deliveryMethod
  if (typeof method === 'string' && delivery[method]) notes.push(delivery[method])
  return notes.filter(Boolean).join('. ')
}

function row(input: SlipInput, index: number): string {
  const { events, dossier, now } = input
  const event = events[index]!
  const inbound = fromApplicant.has(event.action)
  const outbound = toApplicant.has(event.action)
  const hand = handOf(event)
  let fromPlace = hand ? hand.fromUnit.name : inbound ? APPLICANT : (event.fromStepName ?? '')
  let toPlace = hand
    ? `${hand.toUnit.name} (${event.toStepName ?? ''})`
    : outbound
      ? APPLICANT
      : (event.toStepName ?? dossierStatuses[event.toStatus as keyof typeof dossierStatuses]?.vi ?? '')
  const officerActed = event.actorRole !== 'citizen' && event.actorName
  const giver = inbound ? dossier.applicant.fullName : (event.actorName ?? '')
  const receiver = outbound
    ? dossier.applicant.fullName
    : inbound && officerActed
      ? event.actorName!
      : consultation.has(event.action)
        ? ''
        : nextOfficer(events, index)
  const consulted = typeof event.data?.consultedUnit === 'string' ? event.data.consultedUnit : ''
  if (event.action === 'openConsultation') toPlace = consulted
  if (event.action === 'answerConsultation') fromPlace = consulted
  const mark = stepTimeliness(events, index, now)
  const own = consultationDeadline(event)
  const deadline = own === undefined ? stepDeadline(events, index) : own
  const result = mark
    ? `<span class="${mark === 'late' ? 'mark-late' : ''}">${timelinessLabels[mark]}</span><div class="files">(hạn: ${escapeHtml(formatTimeVi(deadline))})</div>`
    : ''
  return `<tr data-seq="${escapeHtml(event.seq)}"><td class="c">${index + 1}</td>
<td><b>${escapeHtml(event.actionLabel)}</b><br>Giao: ${escapeHtml(fromPlace)}<br>Nhận: ${escapeHtml(toPlace)}</td>
<td>${escapeHtml(formatTimeVi(event.at))}</td>
<td>${escapeHtml(giver)}</td>
<td>${escapeHtml(receiver)}</td>
<td class="c">${result}</td>
<td>${escapeHtml(noteOf(event))}</td></tr>`
}

function progress(input: SlipInput): string {
  const { dossier, now } = input
  if ([3, 7, 8].includes(dossier.status)) return ''
  const verdict = classify({ dueAt: dossier.dueAt, doneAt: dossier.doneAt, pausedAt: dossier.pausedAt, now })
  const text = {
    early: 'Trước hạn',
    onTime: 'Đúng hạn',
    late: 'Quá hạn',
    inTime: 'Đang giải quyết, còn trong hạn',
    overdue: 'Đang giải quyết, đã quá hạn',
    noDeadline: 'Không quy định thời hạn',
  }[verdict]
  return `; tiến độ: <b>${escapeHtml(text)}</b>`
}

const worst = (marks: StepTimeliness[]): StepTimeliness =>
  marks.includes('late') ? 'late' : marks.includes('onTime') ? 'onTime' : marks.includes('early') ? 'early' : null

/** One unit's turn with the dossier between two hand-overs (liên thông). */
export interface UnitStint {
  unit: string
  /** When and from whom it took the dossier over; the first unit from the applicant. */
  receivedAt: Date
  receivedFrom: string
  /** When and to whom it handed the dossier on (the applicant, for the unit it ended at); null while it has it. */
  handedAt: Date | null
  handedTo: string | null
  /** Early / on time / late against the budgets of its own steps: its latest step decides (worst of them). */
  timeliness: StepTimeliness
}

/**
 * Each unit's turns with the dossier, from the hand-over events: the times it took it over and handed it on, and how
 * it kept its own step budgets (the marks of the steps it left in that turn). Empty when one unit did everything.
 */
export function unitStints(events: readonly SlipEvent[], now: Date): UnitStint[] {
  const hands = events.flatMap((event, index) => {
    const hand = handOf(event)
    return hand ? [{ index, event, ...hand }] : []
  })
  if (hands.length === 0) return []
  // its own steps' marks: not those of the units it consulted, who answer against their own deadlines
  const marks = (from: number, to: number) =>
    worst(
      events.slice(from, to).map((e, i) => (consultation.has(e.action) ? null : stepTimeliness(events, from + i, now))),
    )
  const first = hands[0]!
  const stints: UnitStint[] = [
    {
      unit: first.fromUnit.name,
      receivedAt: events[0]!.at,
      receivedFrom: APPLICANT,
      handedAt: first.event.at,
      handedTo: first.toUnit.name,
      timeliness: marks(0, first.index),
    },
  ]
  // the unit it ended at handed the result (or the refusal, the stop notice) to the applicant
  const last = events.at(-1)!
  const ended = last.toStep === null && toApplicant.has(last.action) ? last : undefined
  hands.forEach((hand, k) => {
    const next = hands[k + 1]
    stints.push({
      unit: hand.toUnit.name,
      receivedAt: hand.event.at,
      receivedFrom: hand.fromUnit.name,
      handedAt: next?.event.at ?? ended?.at ?? null,
      handedTo: next?.toUnit.name ?? (ended ? APPLICANT : null),
      timeliness: marks(hand.index + 1, next?.index ?? events.length),
    })
  })
  return stints
}

function stintsTable(input: SlipInput): string {
  const stints = unitStints(input.events, input.now)
  if (stints.length === 0) return ''
  const rows = stints.map(
    (s, i) => `<tr data-unit="${i + 1}"><td class="c">${i + 1}</td><td>${escapeHtml(s.unit)}</td>
<td>${escapeHtml(formatTimeVi(s.receivedAt))}<br>Bên giao: ${escapeHtml(s.receivedFrom)}</td>
<td>${s.handedAt ? `${escapeHtml(formatTimeVi(s.handedAt))}<br>Bên nhận: ${escapeHtml(s.handedTo ?? '')}` : ''}</td>
<td class="c">${s.timeliness ? `<span class="${s.timeliness === 'late' ? 'mark-late' : ''}">${timelinessLabels[s.timeliness]}</span>` : ''}</td></tr>`,
  )
  return `<p><b>Giao, nhận hồ sơ giữa các cơ quan (liên thông)</b></p>
<table class="grid control units"><colgroup><col style="width:5%"><col style="width:27%"><col style="width:24%"><col style="width:24%"><col style="width:20%"></colgroup>
<thead><tr><th>TT</th><th>Cơ quan</th><th>Nhận hồ sơ (thời gian, bên giao)</th><th>Giao hồ sơ (thời gian, bên nhận)</th><th>Kết quả (trước hạn/ đúng hạn/ quá hạn)</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`
}

/** Mẫu 06: Phiếu kiểm soát quá trình giải quyết hồ sơ, one row per event of the log (the audit trail). */
export function controlSlip(input: SlipInput): string {
  const { dossier, procedure, unit, events } = input
  const status = dossierStatuses[dossier.status as keyof typeof dossierStatuses]?.vi ?? String(dossier.status)
  return `${nationalHeading(unit, input.now)}
${slipTitle('Phiếu kiểm soát quá trình giải quyết hồ sơ', dossier.receiptCode)}
<div class="body">
${field('Kèm theo hồ sơ của', dossier.applicant.fullName, true)}
${requestLine(procedure)}
<p>Thời gian nhận hồ sơ: ${escapeHtml(formatTimeVi(dossier.receivedAt))}</p>
<p>Thời gian hẹn trả kết quả: ${escapeHtml(dossier.dueAt ? formatTimeVi(dossier.dueAt) : 'không quy định thời hạn')}</p>
<p>Cơ quan (bộ phận) giải quyết hồ sơ: ${escapeHtml(agencyName(unit.name))}</p>
</div>
<table class="grid control"><colgroup><col style="width:5%"><col style="width:21%"><col style="width:15%"><col style="width:12%"><col style="width:12%"><col style="width:15%"><col style="width:20%"></colgroup>
<thead><tr><th>TT</th><th>Bước, tên cơ quan</th><th>Thời gian giao, nhận hồ sơ</th><th>Người giao</th><th>Người nhận</th><th>Kết quả (trước hạn/ đúng hạn/ quá hạn)</th><th>Ghi chú</th></tr></thead>
<tbody>
${events.map((_, i) => row(input, i)).join('\n')}
</tbody></table>
${stintsTable(input)}
<p>Trạng thái hồ sơ: <b>${escapeHtml(status)}</b>${progress(input)}.</p>`
}
