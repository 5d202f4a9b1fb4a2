import { isRecord } from './issue'
import { resolvePointer } from './json-pointer'

/**
 * A set of JSON Schemas a value may be described by. `true` stands for "anything" (a `true` schema,
 * or a `$ref` this walker cannot follow), so paths below it are not checked.
 */
export type SchemaSet = readonly unknown[]

const MAX_EXPANSION = 256

/** Every schema that contributes properties at this level: the schema, its local `$ref`, combinators and conditionals. */
function expand(root: unknown, schema: unknown, out: unknown[], seen: Set<unknown>): void {
  if (seen.has(schema) || seen.size > MAX_EXPANSION) return
  seen.add(schema)
  if (schema === true) {
    out.push(true)
    return
  }
  if (!isRecord(schema)) return
  out.push(schema)
  const ref = schema.$ref
  if (typeof ref === 'string') {
    const target = ref.startsWith('#') ? resolvePointer(root, decodeFragment(ref.slice(1))) : undefined
    expand(root, target === undefined ? true : target, out, seen)
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = schema[keyword]
    if (Array.isArray(branches)) for (const branch of branches) expand(root, branch, out, seen)
  }
  for (const keyword of ['then', 'else'] as const) expand(root, schema[keyword], out, seen)
  if (isRecord(schema.dependencies)) {
    for (const dependency of Object.values(schema.dependencies))
      if (isRecord(dependency)) expand(root, dependency, out, seen)
  }
}

function childSchemas(root: unknown, schema: unknown, segment: string): unknown[] {
  const variants: unknown[] = []
  expand(root, schema, variants, new Set())
  const children: unknown[] = []
  for (const variant of variants) {
    if (variant === true) {
      children.push(true)
      continue
    }
    if (!isRecord(variant)) continue
    const { properties, patternProperties, additionalProperties, items } = variant
    if (isRecord(properties) && Object.hasOwn(properties, segment)) children.push(properties[segment])
    if (isRecord(patternProperties)) {
      for (const [pattern, sub] of Object.entries(patternProperties)) if (matches(pattern, segment)) children.push(sub)
    }
    // An explicit `additionalProperties` (a schema or `true`) declares that other keys exist.
    if (isRecord(additionalProperties) || additionalProperties === true) children.push(additionalProperties)
    if (/^\d+$/.test(segment)) {
      if (isRecord(items) || items === true) children.push(items)
      else if (Array.isArray(items) && Number(segment) < items.length) children.push(items[Number(segment)])
    } else if (segment === 'length' && (items !== undefined || variant.type === 'array')) {
      children.push({ type: 'integer' })
    }
  }
  return children.filter((child) => child === true || isRecord(child))
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}

function matches(pattern: string, segment: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(segment)
  } catch {
    return false
  }
}

/**
 * The schemas describing the value at a dotted path (JSON Logic `var` segments) below `schemas`,
 * or an empty set when the path does not exist. `root` resolves local `$ref`s.
 */
export function resolveSegments(root: unknown, schemas: SchemaSet, segments: readonly string[]): SchemaSet {
  let current: SchemaSet = schemas
  for (const segment of segments) {
    if (current.includes(true)) return [true]
    current = current.flatMap((schema) => childSchemas(root, schema, segment))
    if (current.length === 0) return current
  }
  return current
}

/** The item schemas of arrays described by `schemas` (for JSON Logic `map`, `filter`, `all`, …); `[true]` when unknown. */
export function itemSchemas(root: unknown, schemas: SchemaSet): SchemaSet {
  if (schemas.includes(true)) return [true]
  const items = resolveSegments(root, schemas, ['0'])
  return items.length === 0 ? [true] : items
}
