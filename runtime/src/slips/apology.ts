import { agencyName } from './authority'
import { nationalHeading, signatures, slipTitle } from './document'
import { escapeHtml } from './escape-html'
import type { FormSet } from './form-sets'
import { headOfUnit, paragraphs, reasonOf, recipients, requestLine } from './slip-parts'
import type { SlipEvent, SlipInput } from './types'
import { formatDateVi, formatTimeVi, toDate } from './vietnam-time'

// Under Thông tư 03/2025 the apology asks for more time (đề nghị gia hạn) rather than setting a new appointment;
// its body here keeps the 2018 letter and changes only that sentence (verify against the circular's Mẫu 04).
const newDateSentence = (set: FormSet, when: string) =>
  set.titles.apology.startsWith('Văn bản')
    ? `thành thật xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết hồ sơ đến: <b>${when}</b>.`
    : `thành thật xin lỗi Ông/Bà và hẹn trả kết quả giải quyết hồ sơ vào: <b>${when}</b>.`

/**
 * Mẫu 04, issued before the deadline: the old appointment (`data.oldDueAt`) and the new one (`data.newDueAt`,
 * else the dossier's current due date), titled and worded as the set in force has it.
 */
export function apologySlip(input: SlipInput, event: SlipEvent, set: FormSet): string {
  const { dossier, procedure, unit } = input
  const oldDueAt = toDate(event.data?.oldDueAt)
  const newDueAt = toDate(event.data?.newDueAt) ?? dossier.dueAt
  const name = escapeHtml(agencyName(unit.name))
  return `${nationalHeading(unit, event.at)}
${slipTitle(set.titles.apology, dossier.receiptCode)}
<p class="addressee"><b>Kính gửi: Ông/Bà ${escapeHtml(dossier.applicant.fullName)}</b>${
    dossier.applicant.address ? `<br>Địa chỉ: ${escapeHtml(dossier.applicant.address)}` : ''
  }</p>
<div class="body">
<p class="indent">Ngày ${escapeHtml(formatDateVi(dossier.receivedAt ?? dossier.submittedAt))}, ${name} tiếp nhận giải quyết hồ sơ của Ông/Bà ${escapeHtml(dossier.applicant.fullName)}.</p>
${requestLine(procedure)}
<p>Thời hẹn trả kết quả giải quyết hồ sơ: <b>${escapeHtml(formatTimeVi(oldDueAt))}</b></p>
<p class="indent">Tuy nhiên, ${name} không thể trả kết quả giải quyết hồ sơ của Ông/Bà đúng hẹn như trên.</p>
<p>Lý do:</p>
${paragraphs(reasonOf(event))}
<p class="indent">Sự chậm trễ này gây phiền hà cho Ông/Bà. ${name} ${newDateSentence(set, escapeHtml(formatTimeVi(newDueAt)))}</p>
<p class="indent">Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.</p>
</div>
${signatures(recipients(unit.name), headOfUnit(event))}`
}
