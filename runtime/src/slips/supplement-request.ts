import { agencyName } from './authority'
import { nationalHeading, signatures, slipTitle } from './document'
import { escapeHtml } from './escape-html'
import { applicantLines, missingItemsOf, paragraphs, reasonOf, requestLine, signerOf } from './slip-parts'
import type { SlipEvent, SlipInput } from './types'
import { formatTimeVi } from './vietnam-time'

/** Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, listing everything missing once and in full. */
export function supplementRequestSlip(input: SlipInput, event: SlipEvent): string {
  const { dossier, procedure, unit } = input
  const items = missingItemsOf(event)
  const signer = signerOf(event, input)
  const list = items.length
    ? `<ol class="list">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ol>`
    : paragraphs(null)
  return `${nationalHeading(unit, event.at)}
${slipTitle('Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', dossier.receiptCode)}
<div class="body">
${applicantLines(dossier.applicant, 'Hồ sơ của')}
${requestLine(procedure)}
<p>Ngày nhận hồ sơ: ${escapeHtml(formatTimeVi(dossier.receivedAt ?? dossier.submittedAt))}</p>
<p><b>Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:</b></p>
${list}
<p>Lý do:</p>
${paragraphs(reasonOf(event))}
<p class="indent">Thời gian bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết. Ông/Bà nộp bổ sung một lần đầy đủ các nội dung trên tại Bộ phận tiếp nhận và trả kết quả - ${escapeHtml(agencyName(unit.name))} hoặc trực tuyến qua trang tra cứu hồ sơ:</p>
<p class="url">${escapeHtml(input.trackUrl)}</p>
<p class="indent">Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với ${signer ? `<b>${escapeHtml(signer)}</b>, ` : ''}${escapeHtml(agencyName(unit.name))} để được hướng dẫn./.</p>
</div>
${signatures(null, { role: 'Người hướng dẫn', name: signer })}`
}
