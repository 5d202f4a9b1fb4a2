import { agencyName } from './authority'
import { nationalHeading, signatures, slipTitle } from './document'
import { escapeHtml } from './escape-html'
import { applicantLines, paragraphs, reasonOf, requestLine, signerOf } from './slip-parts'
import type { SlipEvent, SlipInput } from './types'

/** Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ, with the reason. */
export function refusalSlip(input: SlipInput, event: SlipEvent): string {
  const { dossier, procedure, unit } = input
  return `${nationalHeading(unit, event.at)}
${slipTitle('Phiếu từ chối tiếp nhận giải quyết hồ sơ', dossier.receiptCode)}
<div class="body">
<p>Bộ phận tiếp nhận và trả kết quả: <b>${escapeHtml(agencyName(unit.name))}</b></p>
${applicantLines(dossier.applicant)}
${requestLine(procedure)}
<p class="indent">Qua xem xét, Bộ phận tiếp nhận và trả kết quả - ${escapeHtml(agencyName(unit.name))} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:</p>
${paragraphs(reasonOf(event))}
<p class="indent">Xin thông báo cho Ông/Bà được biết và thực hiện./.</p>
</div>
${signatures(null, { role: 'Người tiếp nhận hồ sơ', name: signerOf(event, input) })}`
}
