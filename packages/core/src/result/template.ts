/** One piece of a result document's text: literal text or a placeholder `{{path}}` / `{{path | filter}}`. */
export type TemplatePart = string | { path: string; filter?: string; source: string }

/** Filters a placeholder may carry: `long` writes a date the way official documents do (ngày 05 tháng 3 năm 2026). */
export const templateFilters = ['long'] as const

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*(?:\|\s*([A-Za-z]+)\s*)?\}\}/g

/**
 * Splits a template text into literal parts and placeholders; `undefined` when braces are left unmatched
 * (a `{{` or `}}` that is not part of a well-formed placeholder).
 * @example parseTemplate('Số: {{result.so}}') // ['Số: ', { path: 'result.so', source: '{{result.so}}' }]
 */
export function parseTemplate(text: string): TemplatePart[] | undefined {
  const parts: TemplatePart[] = []
  let last = 0
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push(text.slice(last, m.index))
    parts.push(m[2] ? { path: m[1]!, filter: m[2], source: m[0] } : { path: m[1]!, source: m[0] })
    last = m.index + m[0].length
  }
  if (last < text.length) parts.push(text.slice(last))
  return parts.some((p) => typeof p === 'string' && (p.includes('{{') || p.includes('}}'))) ? undefined : parts
}

/** Paths outside `form.*` and `result.*` that every result document may use, and whether each is a date. */
export const dossierPlaceholders: Readonly<Record<string, 'text' | 'date'>> = {
  'dossier.receiptCode': 'text',
  'dossier.receivedAt': 'date',
  'dossier.doneAt': 'date',
  'document.date': 'date',
  'unit.name': 'text',
  'unit.code': 'text',
  'unit.place': 'text',
  'unit.parentName': 'text',
}
