import { resolveSegments } from '../definition/form-schema-paths'
import { isRecord } from '../definition/issue'
import type { ProcedureDefinition, ResultDocument } from '../definition/procedure-definition.generated'
import { dossierPlaceholders, parseTemplate } from './template'
import { vietnameseDate } from './vietnamese-date'

/** What a result document is filled with. */
export interface ResultDocumentData {
  form: unknown
  result: unknown
  dossier: { receiptCode: string; receivedAt: Date | null; doneAt: Date | null }
  /** `place` is the place name of the place-date line (địa danh), `parentName` the unit above (empty at the top). */
  unit: { name: string; code: string; place: string; parentName: string }
  /** When the document is generated: `{{document.date}}`. */
  documentDate: Date
}

/** A result document with every placeholder filled: plain text only, for the HTML and PDF renderers to escape and lay out. */
export interface FilledResultDocument {
  formCode?: string
  issuer: string[]
  number?: string
  placeDate?: string
  title: string
  subtitle?: string
  blocks: { label?: string; text: string; number?: number }[]
  signer?: { title: string[]; note?: string; name?: string }
}

/** The schemas at a dotted path below `form` or `result`, to read their format and choice titles. */
function schemasAt(def: ProcedureDefinition, path: string): readonly unknown[] {
  const [root, ...rest] = path.split('.')
  const schema = root === 'form' ? def.form.schema : root === 'result' ? def.resultData?.schema : undefined
  return schema ? resolveSegments(schema, [schema], rest) : []
}

function valueAt(data: ResultDocumentData, path: string): unknown {
  if (path === 'document.date') return data.documentDate
  let value: unknown = data
  for (const segment of path.split('.'))
    value = isRecord(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined
  return value
}

/** The title a choice is shown with (`oneOf` `const`/`title`, or `enum` with `enumNames`). */
function choiceTitle(schemas: readonly unknown[], value: unknown): string | undefined {
  for (const schema of schemas) {
    if (!isRecord(schema)) continue
    if (Array.isArray(schema.oneOf))
      for (const option of schema.oneOf)
        if (isRecord(option) && option.const === value && typeof option.title === 'string') return option.title
    if (Array.isArray(schema.enum) && Array.isArray(schema.enumNames)) {
      const title = schema.enumNames[schema.enum.indexOf(value)]
      if (typeof title === 'string') return title
    }
  }
  return undefined
}

function text(def: ProcedureDefinition, data: ResultDocumentData, template: string): string {
  const parts = parseTemplate(template) ?? [template]
  return parts
    .map((part) => {
      if (typeof part === 'string') return part
      const value = valueAt(data, part.path)
      if (value === undefined || value === null || value === '') return ''
      const schemas = part.path in dossierPlaceholders ? [] : schemasAt(def, part.path)
      const isDate =
        dossierPlaceholders[part.path] === 'date' || schemas.some((s) => isRecord(s) && s.format === 'date')
      if (isDate) return vietnameseDate(value, part.filter === 'long') ?? String(value)
      const title = choiceTitle(schemas, value)
      if (title !== undefined) return title
      if (typeof value === 'boolean') return value ? 'Có' : 'Không'
      if (typeof value === 'object') return ''
      return String(value)
    })
    .join('')
}

/**
 * Fills a definition's result document with a dossier's data: placeholders replaced, dates written the
 * Vietnamese way, choices by their titles, numbered paragraphs numbered. Pure; the caller escapes for HTML.
 * @example const filled = fillResultDocument(def, def.resultDocument!, { form, result, dossier, unit, documentDate: now })
 */
export function fillResultDocument(
  def: ProcedureDefinition,
  document: ResultDocument,
  data: ResultDocumentData,
): FilledResultDocument {
  const fill = (template: string) => text(def, data, template)
  let counter = 0
  const filled: FilledResultDocument = {
    issuer: (document.issuer ?? []).map(fill),
    title: fill(document.title),
    blocks: document.blocks.map((block) => ({
      ...(block.label !== undefined && { label: block.label }),
      text: fill(block.text),
      ...(block.numbered && { number: ++counter }),
    })),
  }
  if (document.formCode !== undefined) filled.formCode = document.formCode
  if (document.number !== undefined) filled.number = fill(document.number)
  if (document.placeDate !== undefined) filled.placeDate = fill(document.placeDate)
  if (document.subtitle !== undefined) filled.subtitle = fill(document.subtitle)
  if (document.signer)
    filled.signer = {
      title: document.signer.title.map(fill),
      ...(document.signer.note !== undefined && { note: document.signer.note }),
      ...(document.signer.name !== undefined && { name: fill(document.signer.name) }),
    }
  return filled
}
