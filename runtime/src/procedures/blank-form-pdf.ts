import type { ProcedureDefinition } from '@motcua/core'
import { a4Document, type Doc, MARGINS, MM } from '../results/result-pdf'

type Json = Record<string, unknown>

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined)

/** The choices of a field (enum with enumNames, or oneOf/anyOf of `{const, title}`), as labels. */
function choicesOf(schema: Json, ui: Json): string[] | undefined {
  if (Array.isArray(schema.enum)) {
    const names = Array.isArray(ui['ui:enumNames']) ? ui['ui:enumNames'] : schema.enumNames
    return schema.enum.map((v, i) => (Array.isArray(names) && typeof names[i] === 'string' ? names[i] : String(v)))
  }
  const list = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined
  if (list?.every((c) => isRecord(c) && 'const' in c))
    return list.map((c) => text((c as Json).title) ?? String((c as Json).const))
  return undefined
}

/** An object's properties in the UI schema's order (`ui:order`, with `*` for the rest), including those a rule adds. */
function propertiesOf(schema: Json, ui: Json): [string, Json][] {
  const all: Record<string, Json> = {}
  const add = (props: unknown) => {
    if (isRecord(props)) for (const [key, value] of Object.entries(props)) if (isRecord(value)) all[key] ??= value
  }
  add(schema.properties)
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
    if (!isRecord(part)) continue
    add(part.properties)
    if (isRecord(part.then)) add(part.then.properties)
    if (isRecord(part.else)) add(part.else.properties)
  }
  if (isRecord(schema.then)) add(schema.then.properties)
  if (isRecord(schema.else)) add(schema.else.properties)
  const order = Array.isArray(ui['ui:order']) ? (ui['ui:order'] as unknown[]).filter((k) => typeof k === 'string') : []
  const keys = Object.keys(all)
  const named = order.filter((k) => k !== '*' && k in all) as string[]
  const rest = keys.filter((k) => !named.includes(k))
  const star = order.indexOf('*')
  const ordered = star < 0 ? [...named, ...rest] : [...named.slice(0, star), ...rest, ...named.slice(star)]
  return ordered.map((k) => [k, all[k]!])
}

/** Writes the blank form's parts onto a pdfkit document, one column, with dotted lines to fill in by hand. */
class BlankForm {
  readonly left = MARGINS.left
  readonly width: number
  constructor(readonly doc: Doc) {
    this.width = doc.page.width - MARGINS.left - MARGINS.right
  }

  private room(height: number) {
    if (this.doc.y + height > this.doc.page.height - MARGINS.bottom) this.doc.addPage()
  }

  /** A dotted line from x to the right margin at the current baseline. */
  private dots(x: number, y: number) {
    this.doc
      .save()
      .moveTo(x, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.6)
      .dash(0.6, { space: 2.4 })
      .strokeColor('#444444')
      .stroke()
      .restore()
  }

  heading(title: string) {
    this.room(40)
    this.doc.moveDown(0.4).font('bold').fontSize(12).text(title, this.left, this.doc.y, { width: this.width })
    this.doc.moveDown(0.2)
  }

  /** "Label: ……" on one line, or the label and then a line of its own when it is long; `lines` more for a text. */
  line(label: string, lines = 0) {
    const { doc } = this
    doc.font('regular').fontSize(12)
    this.room(18 * (lines + 2))
    const caption = `${label}:`
    const captionWidth = doc.widthOfString(caption)
    const y = doc.y
    if (captionWidth < this.width * 0.6) {
      doc.text(caption, this.left, y, { width: this.width, lineBreak: false })
      this.dots(this.left + captionWidth + 4, y + 12)
      doc.y = y + 18
    } else {
      doc.text(caption, this.left, y, { width: this.width })
      this.dots(this.left, doc.y + 12)
      doc.y += 18
    }
    for (let i = 0; i < lines; i++) {
      this.dots(this.left, doc.y + 12)
      doc.y += 18
    }
  }

  /** The label, then one box per choice to tick. */
  choices(label: string, options: string[], note?: string) {
    const { doc } = this
    this.room(18 * (options.length + 1))
    doc
      .font('regular')
      .fontSize(12)
      .text(`${label}${note ? ` (${note})` : ''}:`, this.left, doc.y, { width: this.width })
    const inline = options.reduce((sum, option) => sum + doc.widthOfString(option) + 40, 6 * MM)
    if (inline > this.width) {
      for (const option of options) this.box(option, 6 * MM)
      return
    }
    // Short choices (Có / Không, Nam / Nữ) side by side on one line.
    const y = doc.y + 2
    let x = this.left + 6 * MM
    for (const option of options) {
      this.square(x, y)
      doc.text(option, x + 16, y - 1, { lineBreak: false })
      x += doc.widthOfString(option) + 40
    }
    doc.y = y + 17
  }

  /** The empty square to tick, its top-left at (x, y + 1). */
  square(x: number, y: number) {
    this.doc
      .save()
      .rect(x, y + 1, 9, 9)
      .lineWidth(0.8)
      .strokeColor('#000000')
      .stroke()
      .restore()
  }

  /** A box to tick with its text beside it. */
  box(label: string, indent = 0) {
    const { doc } = this
    doc.font('regular').fontSize(12)
    const x = this.left + indent
    const textX = x + 16
    const height = doc.heightOfString(label, { width: this.left + this.width - textX })
    this.room(height + 4)
    const y = doc.y + 2
    this.square(x, y)
    doc.text(label, textX, y - 1, { width: this.left + this.width - textX })
    doc.y += 3
  }

  field(key: string, schema: Json, ui: Json) {
    if (ui['ui:widget'] === 'hidden' || schema.readOnly === true) return
    const label = text(ui['ui:title']) ?? text(schema.title) ?? key
    const widget = ui['ui:widget']
    const type = schema.type
    if (type === 'object' || isRecord(schema.properties)) {
      this.heading(label)
      for (const [childKey, child] of propertiesOf(schema, ui))
        this.field(childKey, child, isRecord(ui[childKey]) ? (ui[childKey] as Json) : {})
      return
    }
    if (type === 'array') {
      const items = isRecord(schema.items) ? schema.items : {}
      const itemUi = isRecord(ui.items) ? (ui.items as Json) : {}
      const options = choicesOf(items, itemUi)
      if (options) return this.choices(label, options, 'đánh dấu các ô phù hợp')
      this.heading(label)
      const rows = Math.max(2, typeof schema.minItems === 'number' ? schema.minItems : 0)
      for (let i = 1; i <= rows; i++) {
        if (items.type === 'object' || isRecord(items.properties)) {
          this.doc.font('italic').fontSize(12).text(`(${i})`, this.left, this.doc.y)
          for (const [childKey, child] of propertiesOf(items, itemUi))
            this.field(childKey, child, isRecord(itemUi[childKey]) ? (itemUi[childKey] as Json) : {})
        } else this.line(`(${i})`)
      }
      return
    }
    if (schema.const === true) return this.box(label)
    const options = choicesOf(schema, ui)
    if (options) return this.choices(label, options)
    if (type === 'boolean') return widget === 'checkbox' ? this.box(label) : this.choices(label, ['Có', 'Không'])
    if (schema.format === 'date') return this.line(`${label} (ngày/tháng/năm)`)
    if (widget === 'textarea') {
      const options = isRecord(ui['ui:options']) ? ui['ui:options'] : {}
      return this.line(label, typeof options.rows === 'number' ? Math.min(options.rows, 5) : 2)
    }
    this.line(label)
  }
}

const DECLARATION =
  'Tôi xin cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình.'

/** Whether the form already has its own declaration ("Tôi xin cam đoan …", a box that must be ticked). */
function hasDeclaration(schema: unknown): boolean {
  return JSON.stringify(schema ?? {})
    .toLowerCase()
    .includes('cam đoan')
}

/**
 * A blank, printable paper form (tờ khai) of a published procedure, drawn from its form schema: the national
 * heading, the title, every field's label with a dotted line to fill by hand (boxes to tick for choices), the
 * declaration and the signature block. A4, DejaVu Serif embedded, so the Vietnamese text can be searched and
 * copied. Deterministic for the same version.
 * @example const bytes = await blankFormPdf(version.definition, version.version, version.effectiveFrom)
 */
export function blankFormPdf(definition: ProcedureDefinition, version: number, createdAt: Date): Promise<Uint8Array> {
  const title = `Tờ khai: ${definition.name}`
  const { doc, done } = a4Document(title, createdAt)

  const form = new BlankForm(doc)
  const { left, width } = form
  doc.font('bold').fontSize(12).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left, doc.y, { width, align: 'center' })
  doc.fontSize(12.5).text('Độc lập - Tự do - Hạnh phúc', left, doc.y, { width, align: 'center' })
  doc.moveDown(1.2)
  doc.font('bold').fontSize(14).text('TỜ KHAI', left, doc.y, { width, align: 'center' })
  doc.fontSize(12.5).text(definition.name, left, doc.y, { width, align: 'center' })
  doc.moveDown(0.8)
  form.line('Kính gửi')

  const schema = isRecord(definition.form.schema) ? (definition.form.schema as Json) : {}
  const ui = isRecord(definition.form.uiSchema) ? (definition.form.uiSchema as Json) : {}
  for (const [key, property] of propertiesOf(schema, ui)) form.field(key, property, isRecord(ui[key]) ? ui[key] : {})

  doc.moveDown(0.6)
  if (!hasDeclaration(schema)) {
    form.box(DECLARATION)
  }
  doc.moveDown(1)
  if (doc.y > doc.page.height - MARGINS.bottom - 130) doc.addPage()
  const x = left + width / 2
  const half = width / 2
  doc.font('italic').fontSize(11.5).text('………, ngày …… tháng …… năm ……', x, doc.y, { width: half, align: 'center' })
  doc.font('bold').fontSize(12).text('NGƯỜI KHAI', x, doc.y, { width: half, align: 'center' })
  doc.font('italic').fontSize(11).text('(Ký, ghi rõ họ, chữ đệm, tên)', x, doc.y, { width: half, align: 'center' })
  doc.moveDown(5)
  doc
    .font('italic')
    .fontSize(9)
    .text(
      `Mẫu tờ khai in từ Cổng dịch vụ công: thủ tục ${definition.code}, phiên bản ${version}.${definition.onlineMode.mode === 'none' ? '' : ' Có thể nộp hồ sơ trực tuyến thay cho bản giấy.'}`,
      left,
      doc.y,
      { width },
    )
  doc.end()
  return done
}
