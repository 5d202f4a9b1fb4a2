import type { FilledResultDocument } from '@motcua/core'
import { channels } from '@motcua/core'
import { resultPdf } from '../results/result-pdf'
import { agencyName, authorityLines, placeName } from './authority'
import { formSetOf } from './form-sets'
import { collectAt, componentRows } from './receipt'
import type { SlipEvent, SlipInput } from './types'
import { BLANK, formatLongDateVi, formatTimeVi } from './vietnam-time'

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1)
const count = (n: number | undefined) => (n ? String(n).padStart(2, '0') : '')

/** The event the citizen's receipt documents: the reception, else (online, not yet checked) the submission. */
export const receiptEventOf = (events: SlipEvent[]): SlipEvent | undefined =>
  events.findLast((e) => e.action === 'receive' || e.action === 'intake') ?? events.find((e) => e.action === 'submit')

/**
 * Mẫu 01 (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) as the blocks of a PDF page, the same items as the officers'
 * HTML slip. Before an online dossier is received there is no appointment yet: the page says so plainly and gives
 * the date the unit's working calendar yields if it is received today (`expectedDueAt`), never as the appointment.
 */
export function receiptDocument(input: SlipInput, event: SlipEvent, expectedDueAt: Date | null): FilledResultDocument {
  const { dossier, procedure, unit } = input
  const received = event.action !== 'submit'
  const set = formSetOf(dossier)
  const { parent, unit: agency } = authorityLines(unit)
  const a = dossier.applicant
  const blocks: FilledResultDocument['blocks'] = [
    { label: 'Bộ phận tiếp nhận và trả kết quả', text: agencyName(unit.name) },
    {
      label: 'Tiếp nhận hồ sơ của',
      text: `${a.fullName}${a.idNumber?.trim() ? `; số định danh cá nhân: ${a.idNumber.trim()}` : ''}`,
    },
  ]
  if (a.address?.trim()) blocks.push({ label: 'Địa chỉ', text: a.address.trim() })
  const contact = [a.phone && `Số điện thoại: ${a.phone}`, a.email && `Email: ${a.email}`].filter(Boolean)
  if (contact.length) blocks.push({ text: contact.join('; ') })
  blocks.push({ label: 'Nội dung yêu cầu giải quyết', text: `${procedure.name} (mã thủ tục ${procedure.code})` })
  const rows = componentRows(input)
  blocks.push({ text: `1. Thành phần hồ sơ nộp gồm:${rows.length ? '' : ' (không có thành phần hồ sơ kèm theo)'}` })
  rows.forEach((r, i) => {
    const copies = [r.originals && `${count(r.originals)} bản chính`, r.copies && `${count(r.copies)} bản sao`]
      .filter(Boolean)
      .join(', ')
    const files = r.files.length ? `. Tệp: ${r.files.join('; ')}` : ''
    blocks.push({ text: `   ${i + 1}) ${r.name}${copies ? ` (${copies})` : ''}${files}` })
  })
  blocks.push(
    { text: `2. Số lượng hồ sơ: 01 (bộ); hình thức nộp: ${lowerFirst(channels[dossier.channel].vi)}` },
    {
      text: `3. Thời gian giải quyết hồ sơ theo quy định là: ${procedure.processingTimeText ?? 'theo quy định của thủ tục'}`,
    },
  )
  if (received) {
    blocks.push(
      { text: `4. Thời gian nhận hồ sơ: ${formatTimeVi(event.at)}` },
      {
        text: `5. Thời gian trả kết quả giải quyết hồ sơ: ${dossier.dueAt ? formatTimeVi(dossier.dueAt) : 'không quy định thời hạn'}`,
      },
    )
  } else {
    blocks.push(
      { text: `4. Thời gian nộp hồ sơ trực tuyến: ${formatTimeVi(event.at)} (cơ quan chưa kiểm tra, tiếp nhận)` },
      {
        text: `5. Thời gian trả kết quả giải quyết hồ sơ: được hẹn khi cơ quan tiếp nhận hồ sơ${
          expectedDueAt ? `; nếu tiếp nhận trong hôm nay, dự kiến ${formatTimeVi(expectedDueAt)}` : ''
        }`,
      },
    )
  }
  blocks.push(
    { text: `6. Đăng ký nhận kết quả tại: ${collectAt(input)}` },
    {
      text: `Vào Sổ theo dõi hồ sơ, Quyển số: ${input.register?.book ?? BLANK}, Số thứ tự: ${input.register ? String(input.register.line) : BLANK}`,
    },
    { text: `Tra cứu tình trạng hồ sơ tại: ${input.trackUrl}` },
  )
  if (input.pin) blocks.push({ text: `Mã tra cứu (PIN): ${input.pin}. Giữ kín mã này.` })
  blocks.push({
    text: 'Ghi chú: Cá nhân, tổ chức có thể nhận kết quả tại Bộ phận tiếp nhận và trả kết quả hoặc qua dịch vụ bưu chính công ích.',
  })
  return {
    formCode: `Mẫu số ${set.numbers.receipt ?? '01'} (${set.circular})`,
    issuer: parent ? [parent, agency] : [agency],
    placeDate: `${placeName(unit)}, ${formatLongDateVi(event.at)}`,
    title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    subtitle: received ? `Mã hồ sơ: ${dossier.receiptCode}` : `Mã hồ sơ: ${dossier.receiptCode} (nộp trực tuyến)`,
    blocks,
    ...(received
      ? {
          signer: {
            title: ['NGƯỜI TIẾP NHẬN HỒ SƠ'],
            note: '(Ký và ghi rõ họ tên)',
            ...(event.actorName ? { name: event.actorName } : {}),
          },
        }
      : {}),
  }
}

/**
 * The citizen's copy of Mẫu 01 as an A4 PDF with searchable Vietnamese text (DejaVu Serif embedded).
 * @example const bytes = await receiptPdf(input, receiptEventOf(input.events)!, null)
 */
export function receiptPdf(input: SlipInput, event: SlipEvent, expectedDueAt: Date | null): Promise<Uint8Array> {
  return resultPdf(receiptDocument(input, event, expectedDueAt), input.now, { justify: false })
}
