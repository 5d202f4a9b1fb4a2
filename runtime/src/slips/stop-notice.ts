import { agencyName } from './authority'
import { nationalHeading, signatures, slipTitle } from './document'
import { escapeHtml } from './escape-html'
import type { FormSet } from './form-sets'
import { headOfUnit, paragraphs, reasonOf, recipients, requestLine } from './slip-parts'
import type { SlipEvent, SlipInput } from './types'
import { formatDateVi, formatTimeVi } from './vietnam-time'

/**
 * Thông báo dừng giải quyết hồ sơ (Mẫu 05 of Thông tư 03/2025), with the reason and when processing stopped.
 * The 2018 set had no such form: before it, the same letter is headed as an administrative notice (our draft).
 */
export function stopNotice(input: SlipInput, event: SlipEvent, set: FormSet): string {
  const { dossier, procedure, unit } = input
  const name = escapeHtml(agencyName(unit.name))
  return `${nationalHeading(unit, event.at)}
${set.numbers['stop-notice'] ? slipTitle(set.titles['stop-notice'], dossier.receiptCode) : slipTitle('Thông báo', dossier.receiptCode, 'Về việc dừng giải quyết hồ sơ')}
<p class="addressee"><b>Kính gửi: Ông/Bà ${escapeHtml(dossier.applicant.fullName)}</b>${
    dossier.applicant.address ? `<br>Địa chỉ: ${escapeHtml(dossier.applicant.address)}` : ''
  }</p>
<div class="body">
<p class="indent">Ngày ${escapeHtml(formatDateVi(dossier.receivedAt ?? dossier.submittedAt))}, ${name} tiếp nhận giải quyết hồ sơ của Ông/Bà ${escapeHtml(dossier.applicant.fullName)}.</p>
${requestLine(procedure)}
<p class="indent">${name} thông báo dừng giải quyết hồ sơ nêu trên kể từ <b>${escapeHtml(formatTimeVi(event.at))}</b>.</p>
<p>Lý do:</p>
${paragraphs(reasonOf(event))}
<p class="indent">Ông/Bà có thể liên hệ Bộ phận tiếp nhận và trả kết quả - ${name} để được hướng dẫn, hoặc tra cứu tình trạng hồ sơ tại:</p>
<p class="url">${escapeHtml(input.trackUrl)}</p>
<p class="indent">Xin thông báo để Ông/Bà được biết./.</p>
</div>
${signatures(recipients(unit.name), headOfUnit(event))}`
}
