import { type FormField, formFields, type Literal } from '@motcua/core'

export { type FormField, formFields, type Literal }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Every `var` path a rule reads (literal paths only), in order of first appearance. */
export function rulePaths(rule: unknown): string[] {
  const paths = new Set<string>()
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk)
    else if (isRecord(node)) {
      for (const [op, args] of Object.entries(node)) {
        if (op === 'var') {
          const path = Array.isArray(args) ? args[0] : args
          if (typeof path === 'string' && path !== '') paths.add(path)
        } else walk(args)
      }
    }
  }
  walk(rule)
  return [...paths]
}

/**
 * Sets a value at a dotted path inside nested objects, creating them (a sample form for the tester).
 * @example withPath({}, 'nguoi.ho_ten', 'An') // { nguoi: { ho_ten: 'An' } }
 */
export function withPath(data: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.')
  if (head === undefined) return data
  if (rest.length === 0) {
    const { [head]: _, ...others } = data
    return value === undefined ? others : { ...data, [head]: value }
  }
  const inner = isRecord(data[head]) ? (data[head] as Record<string, unknown>) : {}
  return { ...data, [head]: withPath(inner, rest.join('.'), value) }
}
