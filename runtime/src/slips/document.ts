import { authorityLines, placeName } from './authority'
import { escapeHtml } from './escape-html'
import type { SlipUnit } from './types'
import { formatLongDateVi } from './vietnam-time'

// Administrative documents (Decree 30/2020/NĐ-CP): Times New Roman 13–14 pt, black on white, A4 portrait with
// margins top 20, right 15, bottom 20, left 25 mm. On screen the body imitates the printed page.
const css = `
@page { size: A4; margin: 20mm 15mm 20mm 25mm }
* { box-sizing: border-box }
html, body { background: #fff; color: #000 }
body { margin: 0; font-family: 'Times New Roman', Times, 'Liberation Serif', serif; font-size: 13pt; line-height: 1.3 }
@media screen { body { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 20mm 15mm 20mm 25mm } }
p { margin: 0 0 2pt }
table { border-collapse: collapse }
.heading { width: 100%; table-layout: fixed; margin-bottom: 4pt }
.heading td { vertical-align: top; text-align: center; padding: 0; line-height: 1.25 }
.heading .authority { width: 42% }
.heading .nation { width: 58% }
.heading .parent { font-size: 12.5pt }
.heading .agency, .heading .state { font-weight: bold; font-size: 12.5pt }
.heading .state { white-space: nowrap; font-size: 12pt }
.heading .motto { display: inline-block; font-weight: bold; font-size: 13pt; white-space: nowrap; border-bottom: 1px solid #000; padding-bottom: 1pt }
.heading .rule { width: 32%; margin: 2pt auto 0; border-top: 1px solid #000 }
.heading .place-date { padding-top: 6pt; font-style: italic }
.title { margin: 12pt 0 0; text-align: center; font-size: 14pt; font-weight: bold; text-transform: uppercase }
.subtitle { margin: 0; text-align: center; font-weight: bold }
.code { margin: 1pt 0 8pt; text-align: center }
.addressee { margin: 4pt 0 8pt; text-align: center }
.body { text-align: justify }
.indent { text-indent: 10mm }
.list { margin: 2pt 0 4pt; padding-left: 10mm }
.list li { margin: 0 0 2pt }
.grid { width: 100%; margin: 3pt 0 6pt; font-size: 12pt; line-height: 1.25 }
.grid th, .grid td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top }
.grid th { font-weight: bold; text-align: center; vertical-align: middle }
.grid td.c { text-align: center }
.grid thead { display: table-header-group }
.grid tr { break-inside: avoid }
.files { font-size: 10pt; font-style: italic }
.signs { width: 100%; table-layout: fixed; margin-top: 10pt; break-inside: avoid }
.signs td { vertical-align: top; text-align: center; padding: 0 }
.signs .role { font-weight: bold; text-transform: uppercase }
.signs .hint { font-style: italic }
.signs .space { height: 18mm }
.signs .name { font-weight: bold }
.recipients { font-size: 11pt; text-align: left !important }
.recipients b { font-size: 12pt; font-style: italic }
.note { margin-top: 8pt; font-size: 10.5pt; line-height: 1.25 }
.note p { margin: 0 0 1pt }
.track { width: 100%; margin: 8pt 0 0; border: 1px solid #000; break-inside: avoid }
.track td { padding: 4pt 6pt; vertical-align: middle }
.track .qr { width: 28mm; padding: 2pt }
.track .qr svg { display: block; width: 26mm; height: 26mm }
.url { word-break: break-all; text-align: left }
.track .url { font-size: 11pt }
.track p { margin: 0 0 1pt }
.track .hint { font-size: 11pt }
.track .pin { font-size: 15pt; font-weight: bold; letter-spacing: 2pt }
.mark-late { font-weight: bold }
.control { font-size: 11pt }
.control .files { font-size: 9.5pt }
`

// A register is a wide table: A4 landscape, the same margins turned, a smaller type.
const landscapeCss = `
@page { size: A4 landscape; margin: 15mm 15mm 15mm 20mm }
@media screen { body { width: 297mm; min-height: 210mm; padding: 15mm 15mm 15mm 20mm } }
.register { font-size: 10pt; line-height: 1.2 }
.register th { font-size: 10pt }
.register td.c { white-space: nowrap }
.period { margin: 0 0 6pt; text-align: center; font-style: italic }
`

/** A complete HTML document for one slip (A4 portrait), or a register (`landscape`). */
export function slipDocument(title: string, body: string, layout: 'portrait' | 'landscape' = 'portrait'): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${css}${layout === 'landscape' ? landscapeCss : ''}</style>
</head>
<body>
${body}
</body>
</html>
`
}

/** The national heading: issuing authority beside the state name and motto, then the place-date line. */
export function nationalHeading(unit: SlipUnit, date: Date): string {
  const { parent, unit: agency } = authorityLines(unit)
  return `<table class="heading"><tr>
<td class="authority">${parent ? `<div class="parent">${escapeHtml(parent)}</div>` : ''}<div class="agency">${escapeHtml(agency)}</div><div class="rule"></div></td>
<td class="nation"><div class="state">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto">Độc lập - Tự do - Hạnh phúc</div>
<div class="place-date">${escapeHtml(placeName(unit))}, ${escapeHtml(formatLongDateVi(date))}</div></td>
</tr></table>`
}

/** The slip's title with the dossier code (mã hồ sơ) under it. */
export function slipTitle(title: string, receiptCode: string, subtitle?: string): string {
  return `<h1 class="title">${escapeHtml(title)}</h1>${subtitle ? `<p class="subtitle">${escapeHtml(subtitle)}</p>` : ''}
<p class="code">Mã hồ sơ: <b>${escapeHtml(receiptCode)}</b></p>`
}

/** A labelled line ('Địa chỉ: …'); nothing when the value is empty. */
export function field(label: string, value: string | null | undefined, bold = false): string {
  if (value === null || value === undefined || value.trim() === '') return ''
  const text = escapeHtml(value)
  return `<p>${escapeHtml(label)}: ${bold ? `<b>${text}</b>` : text}</p>`
}

export interface SignatureBlock {
  role: string
  hint?: string
  name?: string | null
}

/** Signature blocks side by side; a `null` column is left empty (e.g. a single signer on the right). */
export function signatures(left: SignatureBlock | string | null, right: SignatureBlock | null): string {
  const cell = (block: SignatureBlock | string | null) => {
    if (block === null) return '<td></td>'
    if (typeof block === 'string') return `<td class="recipients">${block}</td>`
    return `<td><div class="role">${escapeHtml(block.role)}</div><div class="hint">${escapeHtml(block.hint ?? '(Ký và ghi rõ họ tên)')}</div><div class="space"></div><div class="name">${escapeHtml(block.name ?? '')}</div></td>`
  }
  return `<table class="signs"><tr>${cell(left)}${cell(right)}</tr></table>`
}
