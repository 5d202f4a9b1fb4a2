type Schema = Record<string, unknown>

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const schemaMaps = ['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']
const schemaLists = ['allOf', 'anyOf', 'oneOf', 'items']
const schemaSingles = [
  'items',
  'additionalItems',
  'additionalProperties',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
]

/**
 * A copy of a JSON Schema without `title`s (kept as the `description` when there is none), so
 * json-schema-to-typescript inlines types instead of naming them after Vietnamese labels.
 */
export function untitle(schema: unknown): unknown {
  if (!isSchema(schema)) return schema
  const { title, ...rest } = schema
  const out: Schema = { ...rest }
  if (typeof title === 'string' && out.description === undefined) out.description = title
  for (const key of schemaMaps) {
    const map = out[key]
    if (isSchema(map)) out[key] = Object.fromEntries(Object.entries(map).map(([name, sub]) => [name, untitle(sub)]))
  }
  for (const key of schemaLists) {
    const list = out[key]
    if (Array.isArray(list)) out[key] = list.map(untitle)
  }
  for (const key of schemaSingles) if (isSchema(out[key])) out[key] = untitle(out[key])
  return out
}
