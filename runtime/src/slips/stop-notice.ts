import { agencyName } from './authority'
import { nationalHeading, signatures, slipTitle } from './document'
import { escapeHtml } from './escape-html'
import { headOfUnit, paragraphs, reasonOf, recipients, requestLine } from './slip-parts'
import type { SlipEvent, SlipInput } from './types'
import { formatDateVi, formatTimeVi } from './vietnam-time'

/** Mẫu 05: Thông báo dừng giải quyết hồ sơ, with the reason and when processing stopped. */
export function stopNotice(input: SlipInput, event: SlipEvent): string {
  const { dossier, procedure, unit } = input
  const name = escapeHtml(agencyName(unit.name))
  return `${nationalHeading(unit, event.at)}
${slipTitle('Thông báo', dossier.receiptCode, 'Về việc dừng giải quyết hồ sơ')}
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
