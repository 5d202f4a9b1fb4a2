import { isStorableText } from '@motcua/core'
import type { FeeLine, LookupValue, OutboxMessage, PluginResponse, Text } from '@motcua/plugin-sdk'

// What a plugin returns crosses from its worker as structured clone: anything at all. Each result is checked here,
// in the runtime's thread, before it decides anything or reaches the database.

/** A checked value, or what is wrong with it in words an administrator reads at /api/admin/outbox. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string }

export const PAYLOAD_MAX_BYTES = 256 * 1024
export const JSON_MAX_DEPTH = 64
const MAX_MESSAGES = 100
const MAX_FEE_LINES = 100

const ok = <T>(value: T): Checked<T> => ({ ok: true, value })
const bad = <T>(problem: string): Checked<T> => ({ ok: false, problem })

const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Why `value` is not plain JSON that PostgreSQL can store (undefined when it is): only objects, arrays, strings,
 * finite numbers, booleans and null, no cycles, at most `maxDepth` deep and `maxBytes` as JSON text.
 * @example jsonProblem({ n: 1n }) // 'has a bigint at /n'
 */
export function jsonProblem(value: unknown, maxBytes = PAYLOAD_MAX_BYTES, maxDepth = JSON_MAX_DEPTH) {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }]
  const seen = new Set<object>()
  while (stack.length) {
    const { value: v, path, depth } = stack.pop()!
    const at = path || '/'
    if (v === null || typeof v === 'boolean') continue
    if (typeof v === 'string') {
      if (!isStorableText(v)) return `has a NUL character or a lone surrogate at ${at}`
      continue
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return `has a number that is not finite at ${at}`
      continue
    }
    if (typeof v !== 'object') return `has ${typeof v === 'undefined' ? 'undefined' : `a ${typeof v}`} at ${at}`
    if (seen.has(v)) return `refers to itself at ${at}`
    if (depth >= maxDepth) return `is nested more than ${maxDepth} deep at ${at}`
    if (!Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null)
      return `has ${v.constructor?.name ?? 'an object'} at ${at}, not plain JSON`
    seen.add(v)
    for (const [key, child] of Object.entries(v)) {
      if (!isStorableText(key)) return `has a key with a NUL character or a lone surrogate at ${at}`
      if (child === undefined && !Array.isArray(v)) continue // JSON leaves it out
      stack.push({ value: child, path: `${path}/${key}`, depth: depth + 1 })
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(value))
  return bytes > maxBytes ? `is ${bytes} bytes of JSON, more than ${maxBytes}` : undefined
}

/** onSubmit / afterAction: undefined, or an array of `{ topic, payload }`. */
export function checkMessages(value: unknown): Checked<OutboxMessage[]> {
  if (value === undefined || value === null) return ok([])
  if (!Array.isArray(value)) return bad(`returned ${kindOf(value)}, not an array of messages`)
  if (value.length > MAX_MESSAGES) return bad(`returned ${value.length} messages, more than ${MAX_MESSAGES}`)
  const messages: OutboxMessage[] = []
  for (const [i, m] of value.entries()) {
    if (!isRecord(m)) return bad(`returned ${kindOf(m)} as message ${i}, not { topic, payload }`)
    const { topic, payload } = m
    if (typeof topic !== 'string' || !topic || topic.length > 100 || !isStorableText(topic))
      return bad(`returned message ${i} without a topic of 1–100 characters`)
    if (topic.startsWith('hook.')) return bad(`returned message ${i} with a topic starting "hook.", which is reserved`)
    const problem = jsonProblem(payload ?? null)
    if (problem) return bad(`returned message ${i} whose payload ${problem}`)
    messages.push({ topic, payload: payload ?? null })
  }
  return ok(messages)
}

const shortText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max && isStorableText(value)

/** fees: undefined (no change) or an array of `{ key, name, amount }`, amount a non-negative safe integer. */
export function checkFees(value: unknown): Checked<FeeLine[] | undefined> {
  if (value === undefined || value === null) return ok(undefined)
  if (!Array.isArray(value)) return bad(`returned ${kindOf(value)}, not an array of fee lines`)
  if (value.length > MAX_FEE_LINES) return bad(`returned ${value.length} fee lines, more than ${MAX_FEE_LINES}`)
  const fees: FeeLine[] = []
  for (const [i, line] of value.entries()) {
    if (!isRecord(line)) return bad(`returned ${kindOf(line)} as fee line ${i}, not { key, name, amount }`)
    const { key, name, amount } = line
    if (!shortText(key, 100) || !shortText(name, 500))
      return bad(`returned fee line ${i} without a key (≤ 100 characters) and a name (≤ 500)`)
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0)
      return bad(`returned fee line ${i} whose amount is not a whole, non-negative number of đồng`)
    fees.push({ key, name, amount })
  }
  return ok(fees)
}

/** beforeAction: undefined (go ahead) or `{ refuse: { vi, en } }`. */
export function checkVerdict(value: unknown): Checked<{ refuse: Text } | undefined> {
  if (value === undefined || value === null) return ok(undefined)
  const refuse = isRecord(value) ? value.refuse : undefined
  if (!isRecord(refuse) || !shortText(refuse.vi, 1000) || !shortText(refuse.en, 1000))
    return bad(`returned ${kindOf(value)}, not undefined or { refuse: { vi, en } }`)
  return ok({ refuse: { vi: refuse.vi, en: refuse.en } })
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/
// biome-ignore lint/suspicious/noControlCharactersInRegex: a header value may hold a tab and no other control character
const HEADER_VALUE = /^[^\u0000-\u0008\u000a-\u001f\u007f]{0,4000}$/

/** A route's answer: status 200–599, string headers, plain-JSON `json` or a string `html`. */
export function checkRouteResponse(value: unknown): Checked<PluginResponse> {
  if (!isRecord(value)) return bad(`returned ${kindOf(value)}, not { status, json | html }`)
  const { status, json, html, headers } = value
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599)
    return bad('returned a status that is not an integer from 200 to 599')
  const checkedHeaders: Record<string, string> = {}
  if (headers !== undefined) {
    if (!isRecord(headers)) return bad('returned headers that are not an object of strings')
    for (const [name, v] of Object.entries(headers)) {
      if (!HEADER_NAME.test(name) || typeof v !== 'string' || !HEADER_VALUE.test(v))
        return bad(`returned a header ${JSON.stringify(name.slice(0, 100))} that is not a valid name and string value`)
      if (name.toLowerCase() === 'set-cookie') return bad('returned a set-cookie header: plugin routes set no cookies')
      checkedHeaders[name] = v
    }
  }
  if (html !== undefined) {
    if (typeof html !== 'string' || !isStorableText(html)) return bad('returned html that is not a string')
    return ok({ status, html, headers: checkedHeaders })
  }
  const problem = jsonProblem(json ?? null, 1024 * 1024)
  if (problem) return bad(`returned json that ${problem}`)
  return ok({ status, json: json ?? null, headers: checkedHeaders })
}

const LOOKUP_TEXT_MAX = 1000

/**
 * A lookup's answer: undefined (or null) when the register has no such person, else a plain object of some of the
 * declared `returns` fields, each a string (≤ 1000 characters), a finite number, a boolean or null.
 */
export function checkLookupAnswer(
  value: unknown,
  returns: readonly string[],
): Checked<Record<string, LookupValue> | undefined> {
  if (value === undefined || value === null) return ok(undefined)
  if (!isRecord(value) || (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null))
    return bad(`returned ${kindOf(value)}, not undefined or an object of its declared return fields`)
  const fields: Record<string, LookupValue> = {}
  for (const [key, v] of Object.entries(value)) {
    if (!returns.includes(key)) return bad(`returned a field ${JSON.stringify(key.slice(0, 100))} it does not declare`)
    if (v === null || typeof v === 'boolean') fields[key] = v
    else if (typeof v === 'number' && Number.isFinite(v)) fields[key] = v
    else if (typeof v === 'string' && v.length <= LOOKUP_TEXT_MAX && isStorableText(v)) fields[key] = v
    else
      return bad(
        `returned ${key} as ${kindOf(v)}, not a text of at most ${LOOKUP_TEXT_MAX} characters, a number, a boolean or null`,
      )
  }
  return ok(fields)
}
