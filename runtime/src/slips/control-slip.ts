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
/** Actions that keep the step and leave its clock alone: the step's deadline carries over them. */
const clockNeutral = new Set(['requestPayment', 'confirmPayment', 'extend', 'openConsultation', 'answerConsultation'])
/** A consultation's request to another unit and that unit's answer: rows with the unit asked and its own deadline. */
const consultation = new Set(['openConsultation', 'answerConsultation'])
const opinions: Record<string, string> = { agree: 'Đồng ý', disagree: 'Không đồng ý', comments: 'Có ý kiến khác' }

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
  let fromPlace = inbound ? APPLICANT : (event.fromStepName ?? '')
  let toPlace = outbound
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
<p>Trạng thái hồ sơ: <b>${escapeHtml(status)}</b>${progress(input)}.</p>`
}
