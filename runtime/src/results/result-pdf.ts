import { createRequire } from 'node:module'
import type { FilledResultDocument } from '@motcua/core'
import PDFDocument from 'pdfkit'

// DejaVu Serif covers every Vietnamese letter (Latin Extended Additional) in one TrueType file per style; pdfkit
// embeds the glyphs used, with a ToUnicode map, so the text can be searched and copied out of the PDF.
const fontFile = (name: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`)
const FONTS = {
  regular: fontFile('DejaVuSerif'),
  bold: fontFile('DejaVuSerif-Bold'),
  italic: fontFile('DejaVuSerif-Italic'),
}

export const MM = 72 / 25.4
// Nghị định 30/2020/NĐ-CP: A4, margins top 20, right 15, bottom 20, left 25 mm
export const MARGINS = { top: 20 * MM, right: 15 * MM, bottom: 20 * MM, left: 25 * MM }

/** A pdfkit document. */
export type Doc = InstanceType<typeof PDFDocument>

/**
 * An A4 document with the Nghị định 30 margins, DejaVu Serif as `regular`, `bold` and `italic`, Vietnamese, titled
 * `title`; `done` resolves to its bytes once `doc.end()` is called. Deterministic for the same `createdAt`.
 */
export function a4Document(title: string, createdAt: Date): { doc: Doc; done: Promise<Uint8Array> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    font: FONTS.regular,
    info: { Title: title, Creator: 'motcua', Producer: 'motcua', CreationDate: createdAt },
    lang: 'vi-VN',
    displayTitle: true,
  })
  doc.registerFont('regular', FONTS.regular)
  doc.registerFont('bold', FONTS.bold)
  doc.registerFont('italic', FONTS.italic)
  const chunks: Uint8Array[] = []
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk))
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })
  return { doc, done }
}

/** The largest size up to `size` at which `text` fits on one line of `width`. */
function fitting(doc: Doc, text: string, size: number, width: number): number {
  let s = size
  while (s > 7 && doc.fontSize(s).widthOfString(text) > width) s -= 0.5
  return s
}

function heading(doc: Doc, filled: FilledResultDocument, left: number, width: number): number {
  const top = doc.y
  const leftWidth = width * 0.42
  const rightX = left + leftWidth
  const rightWidth = width - leftWidth
  filled.issuer.forEach((line, i) => {
    const last = i === filled.issuer.length - 1
    doc.font(last ? 'bold' : 'regular')
    doc.fontSize(fitting(doc, line, 11, leftWidth)).text(line, left, doc.y, { width: leftWidth, align: 'center' })
  })
  const rule = doc.y + 4
  doc
    .moveTo(left + leftWidth * 0.34, rule)
    .lineTo(left + leftWidth * 0.66, rule)
    .lineWidth(0.6)
    .stroke()
  doc.y = rule + 5
  if (filled.number)
    doc.font('regular').fontSize(11).text(filled.number, left, doc.y, { width: leftWidth, align: 'center' })
  const leftBottom = doc.y

  const state = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
  doc.font('bold')
  doc.fontSize(fitting(doc, state, 11, rightWidth)).text(state, rightX, top, { width: rightWidth, align: 'center' })
  const motto = 'Độc lập - Tự do - Hạnh phúc'
  doc.fontSize(11.5)
  const mottoWidth = doc.widthOfString(motto)
  doc.text(motto, rightX, doc.y, { width: rightWidth, align: 'center' })
  const underline = doc.y + 1
  doc
    .moveTo(rightX + (rightWidth - mottoWidth) / 2, underline)
    .lineTo(rightX + (rightWidth + mottoWidth) / 2, underline)
    .lineWidth(0.6)
    .stroke()
  doc.y = underline + 8
  if (filled.placeDate)
    doc.font('italic').fontSize(11.5).text(filled.placeDate, rightX, doc.y, { width: rightWidth, align: 'center' })
  return Math.max(leftBottom, doc.y)
}

/**
 * A filled result document as an A4 PDF with an embedded Vietnamese font (DejaVu Serif): the national heading,
 * the number and date, the title, paragraphs and rows, the signer's block. Deterministic for the same input.
 * `justify: false` sets paragraphs flush left, so that their text copies out with its spaces (a form to keep).
 * @example const bytes = await resultPdf(filled, new Date())
 */
export function resultPdf(
  filled: FilledResultDocument,
  createdAt: Date,
  options: { justify?: boolean } = {},
): Promise<Uint8Array> {
  const { doc, done } = a4Document(filled.title, createdAt)

  const left = MARGINS.left
  const width = doc.page.width - MARGINS.left - MARGINS.right
  if (filled.formCode)
    doc.font('italic').fontSize(9.5).text(filled.formCode, left, doc.y, { width, align: 'right' }).moveDown(0.4)
  doc.y = heading(doc, filled, left, width) + 18
  doc.font('bold').fontSize(14).text(filled.title, left, doc.y, { width, align: 'center' })
  if (filled.subtitle) doc.font('bold').fontSize(12).text(filled.subtitle, left, doc.y, { width, align: 'center' })
  doc.moveDown(0.8)
  for (const block of filled.blocks) {
    if (block.label !== undefined) {
      doc.font('regular').fontSize(12).text(`${block.label}: ${block.text}`, left, doc.y, { width })
    } else {
      const number = block.number !== undefined ? `${block.number}. ` : ''
      doc
        .font('regular')
        .fontSize(12)
        .text(`${number}${block.text}`, left, doc.y, {
          width,
          align: options.justify === false ? 'left' : 'justify',
          indent: 10 * MM,
        })
    }
    doc.moveDown(0.25)
  }
  if (filled.signer) {
    doc.moveDown(1)
    const x = left + width / 2
    const half = width / 2
    if (doc.y > doc.page.height - MARGINS.bottom - 120) doc.addPage()
    for (const line of filled.signer.title)
      doc.font('bold').fontSize(12).text(line, x, doc.y, { width: half, align: 'center' })
    if (filled.signer.note)
      doc.font('italic').fontSize(11).text(filled.signer.note, x, doc.y, { width: half, align: 'center' })
    doc.moveDown(4)
    if (filled.signer.name)
      doc.font('bold').fontSize(12).text(filled.signer.name, x, doc.y, { width: half, align: 'center' })
  }
  doc.end()
  return done
}
