import { agencyName } from './authority'
import { field } from './document'
import { escapeHtml } from './escape-html'
import type { SlipApplicant, SlipEvent, SlipInput } from './types'

/** The applicant's contact lines, as every form lists them under 'Hồ sơ của'. */
export function applicantLines(applicant: SlipApplicant, label = 'Tiếp nhận hồ sơ của'): string {
  const contact = [
    applicant.phone && `Số điện thoại: ${applicant.phone}`,
    applicant.email && `Email: ${applicant.email}`,
  ].filter(Boolean) as string[]
  const id = applicant.idNumber?.trim() ? `; số định danh cá nhân: ${escapeHtml(applicant.idNumber.trim())}` : ''
  return [
    `<p>${escapeHtml(label)}: <b>${escapeHtml(applicant.fullName)}</b>${id}</p>`,
    field('Địa chỉ', applicant.address),
    contact.length ? `<p>${contact.map(escapeHtml).join('&emsp;&emsp;')}</p>` : '',
  ].join('\n')
}

/** 'Nội dung yêu cầu giải quyết: <procedure> (mã …)'. */
export function requestLine(procedure: SlipInput['procedure']): string {
  return `<p>Nội dung yêu cầu giải quyết: <b>${escapeHtml(procedure.name)}</b>${procedure.code ? ` (mã thủ tục ${escapeHtml(procedure.code)})` : ''}</p>`
}

/** The reason an action gave (`data.reason`, else the note). */
export function reasonOf(event: SlipEvent): string | null {
  const reason = event.data?.reason
  if (typeof reason === 'string' && reason.trim()) return reason.trim()
  return event.note?.trim() || null
}

/** The items a supplement request listed (`data.missingItems`), trimmed, empty ones dropped. */
export function missingItemsOf(event: SlipEvent): string[] {
  const items = event.data?.missingItems
  return Array.isArray(items)
    ? items.filter((i): i is string => typeof i === 'string' && i.trim() !== '').map((i) => i.trim())
    : []
}

/** Who signs for the unit: the officer who took the action, else the one printing. */
export const signerOf = (event: SlipEvent, input: SlipInput): string | null => event.actorName ?? input.officerName

/** A reason as paragraphs (line breaks kept). */
export const paragraphs = (text: string | null, blank = '……………………………………………………………………'): string =>
  (text ?? blank)
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line) => `<p class="indent">${escapeHtml(line)}</p>`)
    .join('\n')

/** Where a letter from the head of the unit goes (nơi nhận). */
export const recipients = (unitName: string) =>
  `<b>Nơi nhận:</b><br>- Như trên;<br>- Bộ phận tiếp nhận và trả kết quả - ${escapeHtml(agencyName(unitName))};<br>- Lưu: VT, hồ sơ.`

/** The head signs letters to the applicant; the actor's name is printed only when a leader took the action. */
export const headOfUnit = (event: SlipEvent) => ({
  role: 'Thủ trưởng cơ quan',
  hint: '(Ký, ghi rõ họ tên và đóng dấu)',
  name: event.actorRole === 'leader' ? event.actorName : null,
})
