import type { RJSFSchema, UiSchema } from '@rjsf/utils'
import { orderedKeys } from './form-steps'
import type { FormLocale } from './validator'
import { isoToVnDate } from './vn-date'
import { formatVnd } from './vnd'

/** One line of a read-back of a filled form: a heading (group) or a label with its value. */
export interface SummaryRow {
  /** JSON pointer of the value in the form data. */
  path: string
  label: string
  value?: string
  depth: number
}

type Schema = RJSFSchema & { oneOf?: RJSFSchema[]; anyOf?: RJSFSchema[] }

function choiceTitle(schema: Schema, value: unknown): string | undefined {
  const options = schema.oneOf ?? schema.anyOf
  const found = options?.find((option): option is RJSFSchema => typeof option === 'object' && option.const === value)
  if (found?.title) return found.title
  const names = (schema as { enumNames?: string[] }).enumNames
  const index = schema.enum?.indexOf(value as never)
  return index !== undefined && index >= 0 ? names?.[index] : undefined
}

/**
 * A value as a person reads it: choices by their titles, dates as dd/mm/yyyy, money grouped, yes/no in words.
 * @example showValue({ type: 'string', format: 'date' }, '2026-11-20', 'vi') // '20/11/2026'
 */
export function showValue(schema: Schema, value: unknown, locale: FormLocale = 'vi'): string {
  const title = choiceTitle(schema, value)
  if (title) return title
  if (Array.isArray(value)) {
    const items = (schema.items ?? {}) as Schema
    return value.map((v) => showValue(items, v, locale)).join('; ')
  }
  if (typeof value === 'boolean') return value ? (locale === 'vi' ? 'Có' : 'Yes') : locale === 'vi' ? 'Không' : 'No'
  if (typeof value === 'number') return schema.format === 'vnd' ? formatVnd(value) : String(value)
  if (typeof value === 'string') return schema.format === 'date' ? isoToVnDate(value) : value
  return JSON.stringify(value)
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.values(value as object).every(isEmpty))

/**
 * The filled form as label/value lines, in display order, skipping what was left empty.
 * @example summarizeForm(schema, uiSchema, formData).map((r) => `${r.label}: ${r.value}`)
 */
export function summarizeForm(
  schema: RJSFSchema,
  uiSchema: UiSchema | undefined,
  formData: unknown,
  locale: FormLocale = 'vi',
): SummaryRow[] {
  const rows: SummaryRow[] = []
  const walk = (node: Schema, ui: UiSchema | undefined, data: unknown, path: string, label: string, depth: number) => {
    if (isEmpty(data)) return
    const title = String(ui?.['ui:title'] ?? node.title ?? label)
    if (node.type === 'object' || (node.properties && typeof data === 'object' && !Array.isArray(data))) {
      if (path) rows.push({ path, label: title, depth })
      const properties = (node.properties ?? {}) as Record<string, Schema>
      for (const key of orderedKeys(node, ui)) {
        walk(
          properties[key]!,
          ui?.[key] as UiSchema | undefined,
          (data as Record<string, unknown>)[key],
          `${path}/${key}`,
          key,
          path ? depth + 1 : depth,
        )
      }
      return
    }
    const items = node.items as Schema | undefined
    if (Array.isArray(data) && items && (items.type === 'object' || items.properties)) {
      rows.push({ path, label: title, depth })
      const itemTitle = items.title ?? (locale === 'vi' ? 'Mục' : 'Item')
      data.forEach((item, i) =>
        walk(
          { ...items, title: `${itemTitle} ${i + 1}` },
          ui?.items as UiSchema | undefined,
          item,
          `${path}/${i}`,
          '',
          depth + 1,
        ),
      )
      return
    }
    rows.push({ path, label: title, value: showValue(node, data, locale), depth })
  }
  walk(schema as Schema, uiSchema, formData, '', '', 0)
  return rows
}
