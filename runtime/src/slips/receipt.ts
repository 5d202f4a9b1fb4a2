import { channels } from '@motcua/core'
import { renderSVG } from 'uqr'
import { agencyName } from './authority'
import { nationalHeading, signatures, slipTitle } from './document'
import { escapeHtml } from './escape-html'
import { applicantLines, requestLine, signerOf } from './slip-parts'
import type { SlipEvent, SlipInput } from './types'
import { BLANK, formatTimeVi } from './vietnam-time'

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1)
const count = (n: number | undefined) => (n ? String(n).padStart(2, '0') : '')

/**
 * The components received: online, those the applicant attached, with their files (and any file filed under a key
 * the definition no longer has); on paper (counter, post), those the officer ticked as received on paper (bản chính
 * or bản sao) or scanned, when the intake recorded them, else the whole list.
 */
export function componentRows(input: SlipInput) {
  const { procedure, attachments, dossier } = input
  const filesOf = (key: string) => attachments.filter((a) => a.componentKey === key).map((a) => a.fileName)
  const known = new Set(procedure.components.map((c) => c.key))
  const onPaper = input.events.find((e) => e.action === 'submit')?.data?.received as
    | Record<string, 'original' | 'copy'>
    | undefined
  const rows = procedure.components
    .map((c) => {
      const paper = onPaper?.[c.key]
      return {
        name: c.name,
        originals: paper === 'copy' ? undefined : paper === 'original' ? (c.originals ?? 1) : c.originals,
        copies: paper === 'original' ? undefined : paper === 'copy' ? (c.copies ?? 1) : c.copies,
        files: filesOf(c.key),
        received: paper !== undefined,
      }
    })
    .filter((c) => (dossier.channel === 2 || onPaper ? c.received || c.files.length > 0 : true))
  const strays = attachments.filter((a) => !known.has(a.componentKey))
  if (strays.length)
    rows.push({
      name: 'Giấy tờ khác',
      originals: undefined,
      copies: undefined,
      files: strays.map((a) => a.fileName),
      received: false,
    })
  return rows
}

function componentsTable(input: SlipInput): string {
  const rows = componentRows(input)
  if (!rows.length) return '<p class="indent">(Không có thành phần hồ sơ kèm theo)</p>'
  const body = rows
    .map(
      (r, i) =>
        `<tr><td class="c">${i + 1}</td><td>${escapeHtml(r.name)}${
          r.files.length ? `<div class="files">Tệp: ${r.files.map(escapeHtml).join('; ')}</div>` : ''
        }</td><td class="c">${count(r.originals)}</td><td class="c">${count(r.copies)}</td></tr>`,
    )
    .join('\n')
  return `<table class="grid"><colgroup><col style="width:8%"><col><col style="width:13%"><col style="width:13%"></colgroup>
<thead><tr><th>TT</th><th>Tên giấy tờ</th><th>Bản chính</th><th>Bản sao</th></tr></thead>
<tbody>${body}</tbody></table>`
}

/** Where the result is collected (item 6 of Mẫu 01). */
export function collectAt(input: SlipInput): string {
  const { dossier, unit } = input
  const counter = `Bộ phận tiếp nhận và trả kết quả - ${agencyName(unit.name)}`
  // the applicant's own choice, where the procedure offers one
  const chosen = dossier.delivery
  if (chosen?.method === 'post')
    return `Qua dịch vụ bưu chính công ích${chosen.address ? `, địa chỉ: ${chosen.address.text}` : ''}`
  if (chosen?.method === 'online') return 'Nhận kết quả điện tử tại địa chỉ tra cứu dưới đây'
  if (chosen?.method === 'counter') return counter
  if (dossier.channel === 3)
    return `Qua dịch vụ bưu chính công ích${dossier.applicant.address ? `, địa chỉ: ${dossier.applicant.address}` : ''}`
  if (dossier.channel === 2) return `${counter}, hoặc nhận kết quả điện tử tại địa chỉ tra cứu dưới đây`
  return counter
}

function trackingBox(input: SlipInput): string {
  const svg = renderSVG(input.trackUrl, { ecc: 'M', border: 1 })
  return `<table class="track"><tr><td class="qr">${svg}</td><td>
<p><b>Tra cứu tình trạng hồ sơ:</b> quét mã QR hoặc truy cập</p>
<p class="url">${escapeHtml(input.trackUrl)}</p>
${
  input.pin
    ? `<p>Mã tra cứu (PIN): <span class="pin">${escapeHtml(input.pin)}</span></p>
<p class="hint"><i>Giữ kín mã tra cứu: chỉ người có mã mới xem được thông tin cá nhân trong hồ sơ.</i></p>`
    : ''
}</td></tr></table>`
}

/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả, built from the event that received the dossier. */
export async function receiptSlip(input: SlipInput, event: SlipEvent): Promise<string> {
  const { dossier, procedure, unit } = input
  const receivedAt = event.at
  return `${nationalHeading(unit, receivedAt)}
${slipTitle('Giấy tiếp nhận hồ sơ và hẹn trả kết quả', dossier.receiptCode)}
<div class="body">
<p>Bộ phận tiếp nhận và trả kết quả: <b>${escapeHtml(agencyName(unit.name))}</b></p>
${applicantLines(dossier.applicant)}
${requestLine(procedure)}
<p>1. Thành phần hồ sơ nộp gồm:</p>
${componentsTable(input)}
<p>2. Số lượng hồ sơ: 01 (bộ); hình thức nộp: ${escapeHtml(lowerFirst(channels[dossier.channel].vi))}</p>
<p>3. Thời gian giải quyết hồ sơ theo quy định là: ${escapeHtml(procedure.processingTimeText ?? 'theo quy định của thủ tục')}</p>
<p>4. Thời gian nhận hồ sơ: <b>${escapeHtml(formatTimeVi(receivedAt))}</b></p>
<p>5. Thời gian trả kết quả giải quyết hồ sơ: <b>${escapeHtml(dossier.dueAt ? formatTimeVi(dossier.dueAt) : 'không quy định thời hạn')}</b></p>
<p>6. Đăng ký nhận kết quả tại: ${escapeHtml(collectAt(input))}</p>
<p>Vào Sổ theo dõi hồ sơ, Quyển số: ${escapeHtml(input.register?.book ?? BLANK)}, Số thứ tự: ${escapeHtml(input.register ? String(input.register.line) : BLANK)}</p>
</div>
${trackingBox(input)}
${signatures({ role: 'Người nộp hồ sơ', name: dossier.applicant.fullName }, { role: 'Người tiếp nhận hồ sơ', name: signerOf(event, input) })}
<div class="note"><p><b><i>Ghi chú:</i></b></p>
<p>- Giấy này lập thành 02 liên: một liên lưu kèm Phiếu kiểm soát quá trình giải quyết hồ sơ; một liên giao người nộp hồ sơ, mang theo khi đến nhận kết quả.</p>
<p>- Cá nhân, tổ chức có thể nhận kết quả tại Bộ phận tiếp nhận và trả kết quả hoặc qua dịch vụ bưu chính công ích.</p>
</div>`
}
