import type { Literal } from './form-fields'

/** How a condition compares: equal, not equal, the four orders, one of a list, not one of a list, a list holds. */
export type Operator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'in' | 'notIn' | 'contains'

/**
 * One condition an administrator writes without JSON: "Kênh nộp hồ sơ = Trực tuyến", "Số bản sao > 2".
 * `subject` is what the rule reads: a form field `form.a.b`, `channel` or `case`; `value` a list for in/notIn.
 */
export interface Condition {
  subject: string
  op: Operator
  value: Literal | Literal[]
}

const comparisons: Record<string, Operator> = { '==': 'eq', '!=': 'ne', '>': 'gt', '>=': 'ge', '<': 'lt', '<=': 'le' }
const symbols: Partial<Record<Operator, string>> = Object.fromEntries(
  Object.entries(comparisons).map(([symbol, op]) => [op, symbol]),
)

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isLiteral = (value: unknown): value is Literal => ['string', 'number', 'boolean'].includes(typeof value)

/** The path of `{ "var": "x" }` or `{ "var": ["x", default] }`, or undefined for anything else. */
export function varPath(node: unknown): string | undefined {
  if (!isRecord(node) || Object.keys(node).length !== 1) return undefined
  const args = node.var
  const path = Array.isArray(args) ? args[0] : args
  return typeof path === 'string' && path !== '' ? path : undefined
}

const single = (node: unknown): [string, unknown[]] | undefined => {
  if (!isRecord(node)) return undefined
  const keys = Object.keys(node)
  if (keys.length !== 1) return undefined
  const args = node[keys[0]!]
  return [keys[0]!, Array.isArray(args) ? args : [args]]
}

/** A JSON Logic comparison read as a condition, or undefined when it is of another shape. */
export function ruleToCondition(rule: unknown): Condition | undefined {
  const op = single(rule)
  if (!op) return undefined
  const [name, args] = op
  if (name === '!') {
    const inner = ruleToCondition(args[0])
    return inner?.op === 'in' ? { ...inner, op: 'notIn' } : undefined
  }
  if (args.length !== 2) return undefined
  const [left, right] = args
  const subject = varPath(left)
  if (name === 'in') {
    if (subject && Array.isArray(right) && right.every(isLiteral)) return { subject, op: 'in', value: right }
    const list = varPath(right)
    if (list && isLiteral(left)) return { subject: list, op: 'contains', value: left }
    return undefined
  }
  const compared = comparisons[name]
  if (compared && subject && isLiteral(right)) return { subject, op: compared, value: right }
  return undefined
}

/** A condition as JSON Logic. */
export function conditionToRule({ subject, op, value }: Condition): Record<string, unknown> {
  const read = { var: subject }
  if (op === 'in') return { in: [read, Array.isArray(value) ? value : [value]] }
  if (op === 'notIn') return { '!': { in: [read, Array.isArray(value) ? value : [value]] } }
  if (op === 'contains') return { in: [Array.isArray(value) ? value[0] : value, read] }
  return { [symbols[op]!]: [read, Array.isArray(value) ? value[0] : value] }
}

/**
 * Conditions that must all hold, as one JSON Logic rule: `true` for none, the condition for one, `and` for more.
 * @example conditionsToRule([{ subject: 'channel', op: 'eq', value: 'online' }]) // { '==': [{ var: 'channel' }, 'online'] }
 */
export function conditionsToRule(conditions: Condition[]): Record<string, unknown> | true {
  if (conditions.length === 0) return true
  if (conditions.length === 1) return conditionToRule(conditions[0]!)
  return { and: conditions.map(conditionToRule) }
}

/** A rule read back as conditions that must all hold, or undefined when it needs the advanced view (or, …). */
export function ruleToConditions(rule: unknown): Condition[] | undefined {
  if (rule === true) return []
  const op = single(rule)
  if (op?.[0] === 'and') {
    const parts = op[1].map(ruleToCondition)
    return parts.length > 0 && parts.every((c) => c !== undefined) ? (parts as Condition[]) : undefined
  }
  const one = ruleToCondition(rule)
  return one ? [one] : undefined
}
