import type { ErrorObject } from 'ajv'
import type { Message } from '../errors'
import { vietnameseDay } from '../time/local-time'

/** The keyword a date field of a form schema declares its relations with: to today and to other date fields. */
export const DATE_RULES_KEYWORD = 'x-dateRules'

/** One end of a date relation: `today` (the day in Vietnam) or the JSON pointer of another date field's value. */
export type DateRuleTarget = string

/** How a date compares with its targets: `notAfter` ≤, `before` <, `notBefore` ≥, `after` >. */
export type DateRelation = 'notAfter' | 'before' | 'notBefore' | 'after'

/**
 * The value of `x-dateRules` on a date field (`format: date`): each relation names `today` or the form-data JSON
 * pointers of other date fields; `name` is the field's name in messages when its title does not say enough
 * ("ngày sinh của con"), and is used too when another field's message names this one.
 * @example { "notAfter": "today", "after": ["/me/ngay_sinh", "/cha/ngay_sinh"], "name": { "vi": "ngày sinh của con", "en": "the child's date of birth" } }
 */
export interface DateRules {
  name?: string | { vi: string; en?: string }
  notAfter?: DateRuleTarget | DateRuleTarget[]
  before?: DateRuleTarget | DateRuleTarget[]
  notBefore?: DateRuleTarget | DateRuleTarget[]
  after?: DateRuleTarget | DateRuleTarget[]
}

export const DATE_RELATIONS: readonly DateRelation[] = ['notAfter', 'before', 'notBefore', 'after']

const target = { type: 'string', pattern: '^(today|/.*)$' }
const targets = { anyOf: [target, { type: 'array', items: target, minItems: 1 }] }

/** The shape `x-dateRules` must have; ajv checks it when a form schema is compiled (strict mode). */
export const dateRulesMetaSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: {
      anyOf: [
        { type: 'string', minLength: 1 },
        {
          type: 'object',
          additionalProperties: false,
          required: ['vi'],
          properties: { vi: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
        },
      ],
    },
    notAfter: targets,
    before: targets,
    notBefore: targets,
    after: targets,
  },
} as const

/** The targets of one relation as a list (a single target may be written alone). */
export function dateRuleTargets(rules: DateRules, relation: DateRelation): DateRuleTarget[] {
  const value = rules[relation]
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

/** What an `x-dateRules` error carries, for its message. */
export interface DateRuleParams {
  relation: DateRelation
  /** The day compared with, ISO YYYY-MM-DD. */
  limit: string
  /** `today`, or the pointer of the other field. */
  target: DateRuleTarget
  /** The field's name in messages. */
  name: Message
  /** The other field's name in messages (absent for `today`). */
  targetName?: Message
}

type Schema = Record<string, unknown>

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
// A real day (not 2026-02-31): the same test as ajv-formats' `date`, without its time part.
function isIsoDay(value: unknown): value is string {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const unescapeToken = (token: string) => token.replaceAll('~1', '/').replaceAll('~0', '~')
const escapeToken = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1')

function resolveLocalRef(root: Schema, ref: string): unknown {
  let node: unknown = root
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const token = unescapeToken(raw)
    if (!isRecord(node) || !Object.hasOwn(node, token)) return undefined
    node = node[token]
  }
  return node
}

/** The schemas that describe one value: the schema, its local `$ref`, and its combinators' and conditionals' branches. */
function variants(root: Schema, schema: unknown, out: Schema[] = [], seen = new Set<unknown>()): Schema[] {
  if (!isRecord(schema) || seen.has(schema) || seen.size > 256) return out
  seen.add(schema)
  out.push(schema)
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#'))
    variants(root, resolveLocalRef(root, schema.$ref), out, seen)
  for (const keyword of ['allOf', 'anyOf', 'oneOf'])
    if (Array.isArray(schema[keyword])) for (const branch of schema[keyword]) variants(root, branch, out, seen)
  for (const keyword of ['then', 'else']) variants(root, schema[keyword], out, seen)
  return out
}

function childSchemas(schema: Schema, token: string): unknown[] {
  const children: unknown[] = []
  if (isRecord(schema.properties) && Object.hasOwn(schema.properties, token)) children.push(schema.properties[token])
  if (/^\d+$/.test(token)) {
    if (isRecord(schema.items)) children.push(schema.items)
    else if (Array.isArray(schema.items)) children.push(schema.items[Number(token)])
  }
  return children
}

interface Located {
  schemas: Schema[]
  /** The titles of the groups above, nearest last. */
  groups: string[]
}

/** The schemas of the field at a form-data pointer, and the titles of the groups it sits in. */
function locate(root: Schema, path: string): Located {
  let schemas = variants(root, root)
  const groups: string[] = []
  for (const [i, token] of path.split('/').slice(1).map(unescapeToken).entries()) {
    // the root's title names the whole form, not a group
    const title = i > 0 ? schemas.find((s) => typeof s.title === 'string')?.title : undefined
    if (typeof title === 'string') groups.push(title)
    schemas = schemas.flatMap((s) => childSchemas(s, token)).flatMap((child) => variants(root, child))
  }
  return { schemas, groups }
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1)
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1)

function ownName(rules: DateRules | undefined): Message | undefined {
  const name = rules?.name
  if (typeof name === 'string') return { vi: name, en: name }
  if (isRecord(name) && typeof name.vi === 'string') return { vi: name.vi, en: name.en ?? name.vi }
  return undefined
}

function fieldName({ schemas, groups }: Located, path: string, qualified: boolean): Message {
  const rules = schemas.find((s) => isRecord(s[DATE_RULES_KEYWORD]))?.[DATE_RULES_KEYWORD] as DateRules | undefined
  const own = ownName(rules)
  if (own) return own
  const title = schemas.find((s) => typeof s.title === 'string')?.title
  const label = typeof title === 'string' ? title : unescapeToken(path.split('/').at(-1) ?? '')
  const group = groups.at(-1)
  // Another field is named with its group, so that "Ngày sinh" says whose.
  const text = !qualified ? label : group ? `${lowerFirst(label)} (${group})` : lowerFirst(label)
  return { vi: text, en: text }
}

function valueAt(data: unknown, path: string): unknown {
  let node = data
  for (const token of path.split('/').slice(1).map(unescapeToken)) {
    if (Array.isArray(node) && /^\d+$/.test(token)) node = node[Number(token)]
    else if (isRecord(node) && Object.hasOwn(node, token)) node = node[token]
    else return undefined
  }
  return node
}

const holds: Record<DateRelation, (value: string, limit: string) => boolean> = {
  notAfter: (value, limit) => value <= limit,
  before: (value, limit) => value < limit,
  notBefore: (value, limit) => value >= limit,
  after: (value, limit) => value > limit,
}

function* fieldsWithRules(
  root: Schema,
  schema: unknown,
  data: unknown,
  path: string,
): Generator<[rules: DateRules, value: string, path: string]> {
  const schemas = variants(root, schema)
  if (typeof data === 'string') {
    for (const s of schemas) if (isRecord(s[DATE_RULES_KEYWORD])) yield [s[DATE_RULES_KEYWORD] as DateRules, data, path]
    return
  }
  const entries: [string, unknown][] = Array.isArray(data)
    ? data.map((item, i) => [String(i), item])
    : isRecord(data)
      ? Object.entries(data)
      : []
  for (const [token, child] of entries) {
    const children = schemas.flatMap((s) => childSchemas(s, token))
    // several schemas may describe one field (allOf, then): each rule once
    for (const childSchema of new Set(children))
      yield* fieldsWithRules(root, childSchema, child, `${path}/${escapeToken(token)}`)
  }
}

/**
 * The date fields of `data` that break their `x-dateRules`, as ajv errors (keyword `x-dateRules`, the field's
 * `instancePath`, the relation and the day in `params`) for {@link localize} or `toIssues`. `today` is the day in
 * Vietnam (YYYY-MM-DD). A field that is empty or not a real date, or whose other field is, is left to the schema.
 * @example dateRuleErrors(schema, { con: { ngay_sinh: '2030-01-01' } }, '2026-11-30') // [{ instancePath: '/con/ngay_sinh', keyword: 'x-dateRules', params: { relation: 'notAfter', limit: '2026-11-30', … } }]
 */
export function dateRuleErrors(schema: unknown, data: unknown, today: string): ErrorObject[] {
  if (!isRecord(schema)) return []
  const errors: ErrorObject[] = []
  for (const [rules, value, path] of fieldsWithRules(schema, schema, data, '')) {
    if (!isIsoDay(value)) continue
    let name: Message | undefined
    for (const relation of DATE_RELATIONS) {
      for (const to of dateRuleTargets(rules, relation)) {
        const limit = to === 'today' ? today : valueAt(data, to)
        if (!isIsoDay(limit) || holds[relation](value, limit)) continue
        name ??= fieldName(locate(schema, path), path, false)
        const params: DateRuleParams = { relation, limit, target: to, name }
        if (to !== 'today') params.targetName = fieldName(locate(schema, to), to, true)
        errors.push({
          instancePath: path,
          schemaPath: `#/${DATE_RULES_KEYWORD}/${relation}`,
          keyword: DATE_RULES_KEYWORD,
          params: params as unknown as Record<string, unknown>,
        })
        break // one message per relation is enough
      }
    }
  }
  return errors
}

const todayText: Record<DateRelation, Message> = {
  notAfter: { vi: 'không thể sau hôm nay', en: 'cannot be after today' },
  before: { vi: 'phải trước hôm nay', en: 'must be before today' },
  notBefore: { vi: 'không thể trước hôm nay', en: 'cannot be before today' },
  after: { vi: 'phải sau hôm nay', en: 'must be after today' },
}
const fieldText: Record<DateRelation, Message> = {
  notAfter: { vi: 'không thể sau', en: 'cannot be after' },
  before: { vi: 'phải trước', en: 'must be before' },
  notBefore: { vi: 'không thể trước', en: 'cannot be before' },
  after: { vi: 'phải sau', en: 'must be after' },
}

/**
 * The message of an `x-dateRules` error: what is wrong, with the day it is compared with.
 * @example dateRuleMessage(error).vi // 'Ngày sinh của con phải sau ngày sinh của mẹ (12/03/1990)'
 */
export function dateRuleMessage(error: Pick<ErrorObject, 'params'>): Message {
  const { relation, limit, target: to, name, targetName } = error.params as DateRuleParams
  const day = vietnameseDay(String(limit))
  const text = to === 'today' || !targetName ? todayText[relation] : fieldText[relation]
  const other = (locale: keyof Message) => (to === 'today' || !targetName ? '' : ` ${targetName[locale]}`)
  return {
    vi: `${capitalise(name.vi)} ${text.vi}${other('vi')} (${day})`,
    en: `${capitalise(name.en)} ${text.en}${other('en')} (${day})`,
  }
}
