import type { Ajv } from 'ajv'
import { addCustomFormats, type CustomFormats, createAjv } from '../ajv/index'

// Checking a schema compiles costs tens of milliseconds (a fresh ajv compiles draft-07 before the schema itself),
// and the studio validates after every keystroke: results are remembered, keyed on the schema's text.

/** A map that keeps its `size` most recently used entries, so a long editing session does not grow it. */
export class Lru<V> {
  readonly #entries = new Map<string, V>()
  constructor(readonly size: number) {}

  get(key: string): V | undefined {
    const value = this.#entries.get(key)
    if (value !== undefined) {
      this.#entries.delete(key)
      this.#entries.set(key, value)
    }
    return value
  }

  set(key: string, value: V): void {
    this.#entries.delete(key)
    this.#entries.set(key, value)
    if (this.#entries.size > this.size) this.#entries.delete(this.#entries.keys().next().value as string)
  }
}

// keywords whose value is one subschema, a list of them, or a map of them (draft-07)
export const ONE = ['additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'if', 'then', 'else', 'not']
export const LIST = ['allOf', 'anyOf', 'oneOf']
export const MAP = ['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']
// annotations ajv never reads when it compiles (without its `$comment` option): any string compiles the same
const TEXTS = new Set(['title', 'description', '$comment'])

const MAY_POINT_AT_TEXT = /title|description|comment|%/i

type Position = 'schema' | 'list' | 'map' | 'items' | 'data'
const positionOf = (keyword: string): Position =>
  ONE.includes(keyword)
    ? 'schema'
    : LIST.includes(keyword)
      ? 'list'
      : MAP.includes(keyword)
        ? 'map'
        : keyword === 'items'
          ? 'items'
          : 'data'

class NotJson extends Error {}

/**
 * The schema as JSON text in its own key order (an order may change which problem is found first), or undefined
 * when it holds something JSON cannot say exactly (undefined, NaN, -0, a class instance, a hole…). With `blankTexts`,
 * the string titles, descriptions and comments of its subschemas are blanked: schemas alike but for them compile alike
 * (undefined when a `$ref` may point at one of them).
 */
export function schemaKey(schema: unknown, blankTexts: boolean): string | undefined {
  try {
    return write(schema, 'schema', blankTexts)
  } catch {
    return undefined // not JSON, or too deep to write (a cycle): checked afresh, as before
  }
}

function write(value: unknown, at: Position, blank: boolean): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value) || Object.is(value, -0)) throw new NotJson()
      return JSON.stringify(value)
    case 'object': {
      if (value === null) return 'null'
      if (Array.isArray(value)) {
        const item: Position = at === 'list' || at === 'items' ? 'schema' : 'data'
        let text = '['
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) throw new NotJson()
          text += `${i > 0 ? ',' : ''}${write(value[i], item, blank)}`
        }
        return `${text}]`
      }
      const proto = Object.getPrototypeOf(value)
      if (proto !== Object.prototype && proto !== null) throw new NotJson()
      const record = value as Record<string, unknown>
      const kind = at === 'items' ? 'schema' : at // `items` holds one schema or a list of them
      let text = '{'
      let first = true
      for (const key of Object.keys(record)) {
        const v = record[key]
        // a `$ref` may point at a text, whose content then matters ("" compiles as an empty schema, "x" does not)
        if (blank && key === '$ref' && typeof v === 'string' && MAY_POINT_AT_TEXT.test(v)) throw new NotJson()
        const inner: Position = kind === 'schema' ? positionOf(key) : kind === 'map' ? 'schema' : 'data'
        const written =
          blank && kind === 'schema' && TEXTS.has(key) && typeof v === 'string' ? '""' : write(v, inner, blank)
        text += `${first ? '' : ','}${JSON.stringify(key)}:${written}`
        first = false
      }
      return `${text}}`
    }
    default:
      throw new NotJson() // undefined, a function, a symbol, a bigint
  }
}

/**
 * `check(schema)`, remembered in `cache`: a result that `passed` under the key with texts blanked (a title edit
 * still finds it), any other under the exact key. Results are copied out, so a caller may change its own.
 */
export function memoised<T>(cache: Lru<T>, schema: unknown, check: () => T, passed: (result: T) => boolean): T {
  const blank = schemaKey(schema, true)
  const known = blank === undefined ? undefined : cache.get(`pass ${blank}`)
  if (known !== undefined) return structuredClone(known)
  const exact = schemaKey(schema, false)
  if (exact === undefined) return check()
  const remembered = cache.get(`exact ${exact}`)
  if (remembered !== undefined) return structuredClone(remembered)
  const result = check()
  cache.set(passed(result) && blank !== undefined ? `pass ${blank}` : `exact ${exact}`, structuredClone(result))
  return result
}

const compiled = new Lru<{ error?: string }>(32)

/**
 * Why ajv (strict, motcua's formats) refuses to compile `schema`, or undefined when it compiles; remembered.
 * @example compileError({ type: 'string', widget: 'x' }) // 'strict mode: unknown keyword: "widget"'
 */
export function compileError(schema: unknown): string | undefined {
  const tried = () => {
    try {
      checkingAjv().compile(schema as Record<string, unknown>)
      return {}
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) }
    }
  }
  return memoised(compiled, schema, tried, (result) => result.error === undefined).error
}

let metaChecker: Ajv | undefined

/**
 * A fresh `createAjv()` (a schema's `$id` cannot collide with an earlier one's) to learn whether a schema compiles,
 * never to validate data: it checks schemas against draft-07 with one ajv shared by all (compiling the meta-schema
 * anew was half the cost of each check; a schema naming its own `$schema` is checked by the fresh ajv itself, as it
 * may name a schema only that ajv has), and leaves the code it generates unoptimised (a third of the rest).
 * With `formats`, the installation's custom formats are known too.
 * @example checkingAjv().compile({ type: 'string', widget: 'x' }) // throws 'strict mode: unknown keyword: "widget"'
 */
export function checkingAjv(formats?: CustomFormats): Ajv {
  const ajv = addCustomFormats(createAjv({ code: { optimize: false } }), formats)
  const own = ajv.validateSchema.bind(ajv)
  ajv.validateSchema = ((schema: unknown, throwOrLogError?: boolean) => {
    if (typeof schema !== 'object' || schema === null || (schema as { $schema?: unknown }).$schema !== undefined)
      return own(schema as boolean, throwOrLogError)
    metaChecker ??= createAjv()
    try {
      return metaChecker.validateSchema(schema, throwOrLogError)
    } finally {
      ajv.errors = metaChecker.errors
    }
  }) as Ajv['validateSchema']
  return ajv
}
