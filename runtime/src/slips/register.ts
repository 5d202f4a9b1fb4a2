import { channels, classify, dossierStatuses } from '@motcua/core'
import { agencyName } from './authority'
import { nationalHeading, slipDocument } from './document'
import { escapeHtml } from './escape-html'
import { formSetOn, type RegisterColumn } from './form-sets'
import type { SlipApplicant, SlipUnit } from './types'
import { formatDateVi, formatTimeVi } from './vietnam-time'

/** One dossier's line, as the register service reads it. */
export interface RegisterEntry {
  book: string
  line: number
  receiptCode: string
  procedureCode: string
  procedureName: string
  channel: number
  status: number
  applicant: SlipApplicant
  receivedAt: Date
  dueAt: Date | null
  pausedAt: Date | null
  doneAt: Date | null
  returnedAt: Date | null
}

export interface RegisterInput {
  unit: SlipUnit
  /** The period, 'YYYY-MM-DD', both days included. */
  from: string
  to: string
  /** The filters applied, as the page names them ('Thủ tục: 1.001193'). */
  filters: string[]
  entries: RegisterEntry[]
  now: Date
}

const dateOf = (text: string) => formatDateVi(new Date(`${text}T12:00:00+07:00`))
const time = (at: Date | null) => (at ? formatTimeVi(at) : '')

const ended: Record<number, string> = { 3: 'Không được tiếp nhận', 7: 'Rút hồ sơ', 8: 'Dừng giải quyết' }
const verdicts = {
  early: 'Trả trước hạn',
  onTime: 'Trả đúng hạn',
  late: 'Trả quá hạn',
  inTime: 'Đang giải quyết, trong hạn',
  overdue: 'Đang giải quyết, quá hạn',
  noDeadline: '',
} as const

/** The note (ghi chú): how the dossier ended or stands, by the one timeliness rule. */
function note(e: RegisterEntry, now: Date): string {
  if (ended[e.status]) return ended[e.status]!
  const verdict = verdicts[classify({ dueAt: e.dueAt, doneAt: e.doneAt, pausedAt: e.pausedAt, now })]
  const waiting = e.status === 5 || e.status === 6 ? dossierStatuses[e.status].vi : ''
  return [verdict, waiting].filter(Boolean).join('; ')
}

function cell(column: RegisterColumn['key'], e: RegisterEntry, input: RegisterInput): string {
  switch (column) {
    case 'line':
      return `<td class="c">${escapeHtml(String(e.line))}</td>`
    case 'receiptCode':
      return `<td>${escapeHtml(e.receiptCode)}</td>`
    case 'procedure':
      return `<td>${escapeHtml(e.procedureName)}${e.procedureCode ? ` <span class="files">(${escapeHtml(e.procedureCode)})</span>` : ''}</td>`
    case 'copies':
      return '<td class="c">01</td>'
    case 'applicant':
      return `<td>${escapeHtml(e.applicant.fullName)}</td>`
    case 'contact': {
      const channel = channels[e.channel as keyof typeof channels]?.vi
      const parts = [e.applicant.address, e.applicant.phone].filter((p) => p?.trim())
      return `<td>${parts.map((p) => escapeHtml(p!)).join('<br>')}${channel ? `<div class="files">${escapeHtml(channel)}</div>` : ''}</td>`
    }
    case 'resolvingUnit':
      return `<td>${escapeHtml(agencyName(input.unit.name))}</td>`
    case 'receivedAt':
      return `<td class="c">${escapeHtml(time(e.receivedAt))}</td>`
    case 'dueAt':
      return `<td class="c">${escapeHtml(e.dueAt ? time(e.dueAt) : 'Không quy định')}</td>`
    // reception hands the dossier to the resolving unit's first step at once (see the lifecycle's statuses)
    case 'handedOverAt':
      return `<td class="c">${escapeHtml(time(e.receivedAt))}</td>`
    case 'resultReceivedAt':
      return `<td class="c">${escapeHtml(time(e.doneAt))}</td>`
    case 'returnedAt':
      return `<td class="c">${escapeHtml(time(e.returnedAt))}</td>`
    case 'signature':
      return '<td></td>'
    case 'note':
      return `<td>${escapeHtml(note(e, input.now))}</td>`
  }
}

/** The two header rows: grouped columns under their shared heading, the others spanning both rows. */
function header(columns: readonly RegisterColumn[]): string {
  const top: string[] = []
  for (let i = 0; i < columns.length; i++) {
    const { group, label } = columns[i]!
    if (!group) top.push(`<th rowspan="2">${escapeHtml(label)}</th>`)
    else if (columns[i - 1]?.group !== group) {
      const span = columns.slice(i).findIndex((c) => c.group !== group)
      top.push(`<th colspan="${span === -1 ? columns.length - i : span}">${escapeHtml(group)}</th>`)
    }
  }
  const bottom = columns.filter((c) => c.group).map((c) => `<th>${escapeHtml(c.label)}</th>`)
  const numbers = columns.map((_, i) => `<th>(${i + 1})</th>`)
  return `<thead><tr>${top.join('')}</tr><tr>${bottom.join('')}</tr><tr>${numbers.join('')}</tr></thead>`
}

/**
 * The register (Sổ theo dõi hồ sơ) of a unit for a period, as a printable A4 landscape HTML page with the
 * columns of the set of forms in force on the period's last day: one line per dossier received, numbered in its
 * year's book.
 * @example renderRegister({ unit, from: '2026-03-01', to: '2026-03-31', filters: [], entries, now })
 */
export function renderRegister(input: RegisterInput): string {
  const { unit, entries, from, to } = input
  const set = formSetOn(new Date(`${to}T12:00:00+07:00`))
  const columns = set.registerColumns
  const books = [...new Set(entries.map((e) => e.book))]
  const rows = entries.length
    ? entries.map((e) => `<tr>${columns.map((c) => cell(c.key, e, input)).join('')}</tr>`).join('\n')
    : `<tr><td colspan="${columns.length}" class="c">Không có hồ sơ nào được tiếp nhận trong kỳ.</td></tr>`
  const body = `${nationalHeading(unit, input.now)}
<h1 class="title">${escapeHtml(set.titles.register)}</h1>
<p class="subtitle">${escapeHtml(agencyName(unit.name))}${books.length ? ` - Quyển số: ${escapeHtml(books.join(', '))}` : ''}</p>
<p class="period">Từ ngày ${escapeHtml(dateOf(from))} đến ngày ${escapeHtml(dateOf(to))}${
    input.filters.length ? `; ${input.filters.map(escapeHtml).join('; ')}` : ''
  }; ${escapeHtml(String(entries.length))} hồ sơ</p>
<table class="grid register">${header(columns)}
<tbody>
${rows}
</tbody></table>`
  return slipDocument(
    `${set.titles.register} - ${agencyName(unit.name)} - ${dateOf(from)}–${dateOf(to)}`,
    body,
    'landscape',
  )
}
