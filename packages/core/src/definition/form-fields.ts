// The form's fields as rules read them: the studio's condition editor and the portal's "required when …" text.
/** A value a rule compares with: what a form field, the channel or the case can hold. */
export type Literal = string | number | boolean

/** One field of the form as a rule sees it (`form.a.b`), with what an administrator needs to pick a value. */
export interface FormField {
  /** The rule's path, e.g. `form.nguoi_yeu_cau.ho_ten`. */
  path: string
  /** The titles from the root, e.g. "Người yêu cầu › Họ và tên". */
  title: string
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array'
  /** The values it may take with their labels (enum with enumNames, or oneOf const/title; items' for an array). */
  options?: { value: Literal; label: string }[]
  format?: string
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function optionsOf(schema: Record<string, unknown>): FormField['options'] {
  if (Array.isArray(schema.enum)) {
    const names = Array.isArray(schema.enumNames) ? schema.enumNames : []
    return schema.enum
      .filter((v): v is Literal => ['string', 'number', 'boolean'].includes(typeof v))
      .map((value, i) => ({ value, label: typeof names[i] === 'string' ? names[i] : String(value) }))
  }
  const choices = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : null
  if (choices?.every((c) => isRecord(c) && 'const' in c)) {
    return choices.map((c) => {
      const choice = c as Record<string, unknown>
      return {
        value: choice.const as Literal,
        label: typeof choice.title === 'string' ? choice.title : String(choice.const),
      }
    })
  }
  return undefined
}

/**
 * The form's fields a simple rule can read, depth first in the schema's order: plain values, nested objects'
 * values, and lists of choices (checkboxes). Lists of objects and `$ref`s are left to the advanced view.
 * @example formFields({ type: 'object', properties: { so_ban: { type: 'integer', title: 'Số bản' } } })
 *   // [{ path: 'form.so_ban', title: 'Số bản', type: 'integer' }]
 */
export function formFields(schema: unknown, prefix = 'form', titles: string[] = []): FormField[] {
  if (!isRecord(schema) || !isRecord(schema.properties)) return []
  const fields: FormField[] = []
  for (const [key, property] of Object.entries(schema.properties)) {
    if (!isRecord(property)) continue
    const path = `${prefix}.${key}`
    const title = [...titles, typeof property.title === 'string' ? property.title : key]
    const type = property.type
    if (type === 'object' || (type === undefined && isRecord(property.properties))) {
      fields.push(...formFields(property, path, title))
      continue
    }
    const options = optionsOf(property)
    if (type === 'array') {
      const items = isRecord(property.items) ? optionsOf(property.items) : undefined
      if (items) fields.push({ path, title: title.join(' › '), type: 'array', options: items })
      continue
    }
    if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean' || options) {
      fields.push({
        path,
        title: title.join(' › '),
        type: type === 'number' || type === 'integer' || type === 'boolean' ? type : 'string',
        ...(options ? { options } : {}),
        ...(typeof property.format === 'string' ? { format: property.format } : {}),
      })
    }
  }
  return fields
}
