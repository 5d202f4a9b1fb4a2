import type { FilledResultDocument } from '@motcua/core'
import { slipDocument } from '../slips/document'
import { escapeHtml } from '../slips/escape-html'

// what the slips' stylesheet lacks for a result document: the form code, the number under the issuer, rows
const css = `<style>
.form-code { margin: 0 0 4pt; text-align: right; font-size: 11pt; font-style: italic }
.heading .number { padding-top: 4pt; font-weight: normal }
.block { margin: 0 0 4pt; text-align: justify }
.row .label { font-weight: normal }
.signer .note { font-style: italic; font-weight: normal; text-transform: none }
</style>`

const lines = (texts: string[], lastBold = true) =>
  texts
    .map((t, i) => `<div class="${lastBold && i === texts.length - 1 ? 'agency' : 'parent'}">${escapeHtml(t)}</div>`)
    .join('')

/**
 * A filled result document as a printable A4 page: the same heading, type and margins as the slips (Nghị định
 * 30/2020/NĐ-CP), every text escaped, nothing from the definition ever read as HTML; served with the slips' CSP.
 * @example const html = resultHtml(filled)
 */
export function resultHtml(doc: FilledResultDocument): string {
  const blocks = doc.blocks
    .map((b) => {
      if (b.label !== undefined)
        return `<p class="block row"><span class="label">${escapeHtml(b.label)}:</span> ${escapeHtml(b.text)}</p>`
      const number = b.number !== undefined ? `${b.number}. ` : ''
      return `<p class="block indent">${number}${escapeHtml(b.text)}</p>`
    })
    .join('\n')
  const signer = doc.signer
    ? `<table class="signs"><tr><td></td><td class="signer">${doc.signer.title
        .map((t) => `<div class="role">${escapeHtml(t)}</div>`)
        .join(
          '',
        )}${doc.signer.note ? `<div class="hint">${escapeHtml(doc.signer.note)}</div>` : ''}<div class="space"></div><div class="name">${escapeHtml(doc.signer.name ?? '')}</div></td></tr></table>`
    : ''
  const body = `${css}
${doc.formCode ? `<p class="form-code">${escapeHtml(doc.formCode)}</p>` : ''}
<table class="heading"><tr>
<td class="authority">${lines(doc.issuer)}<div class="rule"></div>${doc.number ? `<div class="number">${escapeHtml(doc.number)}</div>` : ''}</td>
<td class="nation"><div class="state">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto">Độc lập - Tự do - Hạnh phúc</div>
${doc.placeDate ? `<div class="place-date">${escapeHtml(doc.placeDate)}</div>` : ''}</td>
</tr></table>
<h1 class="title">${escapeHtml(doc.title)}</h1>${doc.subtitle ? `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>` : ''}
<div class="body">
${blocks}
</div>
${signer}`
  return slipDocument(doc.title, body)
}
