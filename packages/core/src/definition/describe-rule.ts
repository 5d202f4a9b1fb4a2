import { type FormField, formFields, type Literal } from './form-fields'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isLiteral = (value: unknown): value is Literal => ['string', 'number', 'boolean'].includes(typeof value)

/** The only operator of a JSON Logic node and its arguments as a list. */
function single(node: unknown): [string, unknown[]] | undefined {
  if (!isRecord(node)) return undefined
  const keys = Object.keys(node)
  if (keys.length !== 1) return undefined
  const args = node[keys[0]!]
  return [keys[0]!, Array.isArray(args) ? args : [args]]
}

function varPath(node: unknown): string | undefined {
  const op = single(node)
  if (op?.[0] !== 'var') return undefined
  const path = op[1][0]
  return typeof path === 'string' && path !== '' ? path : undefined
}

const ORDERS: Record<string, (value: string) => string> = {
  '>': (v) => `lớn hơn ${v}`,
  '>=': (v) => `từ ${v} trở lên`,
  '<': (v) => `nhỏ hơn ${v}`,
  '<=': (v) => `từ ${v} trở xuống`,
}

/** Words of one comparison over a form field, or undefined when the rule is of another shape. */
function comparison(name: string, args: unknown[], fields: Map<string, FormField>, not = false): string | undefined {
  if (args.length !== 2) return undefined
  const [left, right] = args
  const label = (field: FormField, value: Literal) =>
    field.options?.find((o) => o.value === value)?.label ??
    (typeof value === 'boolean' ? (value ? 'Có' : 'Không') : String(value))
  if (name === 'in') {
    const listField = fields.get(varPath(right) ?? '')
    if (listField && isLiteral(left))
      return `${listField.title}: ${not ? 'không chọn' : 'có chọn'} “${label(listField, left)}”`
    const field = fields.get(varPath(left) ?? '')
    if (!field || !Array.isArray(right) || right.length === 0 || !right.every(isLiteral)) return undefined
    const quoted = right.map((v) => `“${label(field, v)}”`)
    const choices = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} hoặc ${quoted.at(-1)}` : quoted[0]
    return `${field.title}: ${not ? 'không phải ' : ''}${choices}`
  }
  if (not) return undefined
  const field = fields.get(varPath(left) ?? '')
  if (!field || !isLiteral(right)) return undefined
  if (name === '==' || name === '===') return `${field.title}: “${label(field, right)}”`
  if (name === '!=' || name === '!==') {
    if (typeof right === 'boolean') return `${field.title}: “${label(field, !right)}”`
    return `${field.title}: không phải “${label(field, right)}”`
  }
  const order = ORDERS[name]
  return order && typeof right === 'number' ? `${field.title} ${order(String(right))}` : undefined
}

function describe(node: unknown, fields: Map<string, FormField>, nested: boolean): string | undefined {
  const op = single(node)
  if (!op) return undefined
  const [name, args] = op
  if (name === 'and' || name === 'or') {
    const parts = args.map((arg) => describe(arg, fields, true))
    if (parts.length === 0 || parts.some((p) => p === undefined)) return undefined
    const joined = parts.join(name === 'and' ? ' và ' : ' hoặc ')
    return nested && parts.length > 1 ? `(${joined})` : joined
  }
  if (name === '!') {
    const inner = single(args[0])
    if (inner?.[0] !== 'in') return undefined
    return comparison('in', inner[1], fields, true)
  }
  return comparison(name, args, fields)
}

/**
 * A rule over the form (a component's `when`) in plain Vietnamese words, from the form's field titles and choice
 * labels, or undefined when the rule reads anything else or has a shape the words cannot say (the caller then
 * falls back to "in some cases"). Only comparisons, `in`, `!in`, `and` and `or` over `form.*` fields are said.
 * @example describeRule({ '==': [{ var: 'form.quan_he' }, 'uy_quyen'] }, schema)
 *   // 'Quan hệ: “Người được ủy quyền”'
 */
export function describeRule(rule: unknown, formSchema: unknown): string | undefined {
  const fields = new Map(formFields(formSchema).map((field) => [field.path, field]))
  return describe(rule, fields, false)
}
