import type { UiSchema } from '@motcua/forms'

type Data = Record<string, unknown>
type Value = string | number | boolean

const tokens = (pointer: string) =>
  pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))

const isObject = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value)
const isEmpty = (value: unknown) => value === undefined || value === null || value === ''

/**
 * Lays a lookup's answer (`{ pointer: value }`) over the form data without overwriting what the citizen typed: a
 * field already holding another value keeps it. Answers the new data and which pointers were filled or kept.
 * @example applyFill({ a: { b: 'x' } }, { '/a/b': 'y', '/a/c': 'z' }) // { data: { a: { b: 'x', c: 'z' } }, filled: ['/a/c'], kept: ['/a/b'] }
 */
export function applyFill(data: Data, fill: Record<string, Value>): { data: Data; filled: string[]; kept: string[] } {
  const next = structuredClone(data)
  const filled: string[] = []
  const kept: string[] = []
  for (const [pointer, value] of Object.entries(fill)) {
    const path = tokens(pointer)
    let parent: Data = next
    for (const token of path.slice(0, -1)) {
      if (!isObject(parent[token])) parent[token] = {}
      parent = parent[token] as Data
    }
    const last = path.at(-1)!
    // a value the register agrees with (a default such as Quốc tịch: Việt Nam) counts as filled from it
    if (isEmpty(parent[last]) || parent[last] === value) {
      parent[last] = value
      filled.push(pointer)
    } else kept.push(pointer)
  }
  return { data: next, filled, kept }
}

/** The UI schema with each filled field marked (a class and a help line saying where its value came from). */
export function markFilled(uiSchema: UiSchema, pointers: string[], help: string): UiSchema {
  const next = structuredClone(uiSchema) as Data
  for (const pointer of pointers) {
    let node = next
    for (const token of tokens(pointer)) {
      if (!isObject(node[token])) node[token] = {}
      node = node[token] as Data
    }
    const own = typeof node['ui:help'] === 'string' ? ` ${node['ui:help']}` : ''
    node['ui:help'] = `${help}${own}`
    node['ui:classNames'] = 'mc-prefilled'
  }
  return next as UiSchema
}
