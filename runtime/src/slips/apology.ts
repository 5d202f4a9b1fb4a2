import { agencyName } from './authority'
import { nationalHeading, signatures, slipTitle } from './document'
import { escapeHtml } from './escape-html'
import { headOfUnit, paragraphs, reasonOf, recipients, requestLine } from './slip-parts'
import type { SlipEvent, SlipInput } from './types'
import { formatDateVi, formatTimeVi, toDate } from './vietnam-time'

/**
 * Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả, issued before the deadline: the old appointment
 * (`data.oldDueAt`) and the new one (`data.newDueAt`, else the dossier's current due date).
 */
export function apologySlip(input: SlipInput, event: SlipEvent): string {
  const { dossier, procedure, unit } = input
  const oldDueAt = toDate(event.data?.oldDueAt)
  const newDueAt = toDate(event.data?.newDueAt) ?? dossier.dueAt
  const name = escapeHtml(agencyName(unit.name))
  return `${nationalHeading(unit, event.at)}
${slipTitle('Phiếu xin lỗi và hẹn lại ngày trả kết quả', dossier.receiptCode)}
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
<p class="indent">Sự chậm trễ này gây phiền hà cho Ông/Bà. ${name} thành thật xin lỗi Ông/Bà và hẹn trả kết quả giải quyết hồ sơ vào: <b>${escapeHtml(formatTimeVi(newDueAt))}</b>.</p>
<p class="indent">Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.</p>
</div>
${signatures(recipients(unit.name), headOfUnit(event))}`
}
