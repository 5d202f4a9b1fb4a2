import { showNumber } from '../ajv/text'
import type { Issue } from '../errors'
import { itemSchemas, resolveSegments, type SchemaSet } from './form-schema-paths'
import { isRecord, issue } from './issue'
import { pointer, resolvePointer } from './json-pointer'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { constantValues } from './rule-context'
import { allSound, items, type Soundness } from './well-formed'

// Interval analysis: the least and the most each part of a fee rule can compute, from the form schema's bounds
// (minimum, maximum, enum, const), the constants' values, and every branch of an `if` taken both ways. Sound, not
// exact: a rule it passes can never compute a negative fee; one it refuses might not in practice, and the fix
// (`max` with 0, or bounds on the field) costs nothing.

/** The values a part of a rule may take: lo ≤ value ≤ hi; empty (lo > hi) when it is never a number. */
interface Interval {
  lo: number
  hi: number
}

const FULL: Interval = { lo: -Infinity, hi: Infinity }
const BOOL: Interval = { lo: 0, hi: 1 }
const EMPTY: Interval = { lo: Infinity, hi: -Infinity }
const exactly = (n: number): Interval => ({ lo: n, hi: n })
const isEmpty = (i: Interval) => i.lo > i.hi
const hull = (...all: Interval[]): Interval =>
  all.reduce((a, b) => ({ lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) }), EMPTY)
// 0 × ∞ is 0 here: a factor that is exactly 0 zeroes the product
const times = (a: number, b: number) => (a === 0 || b === 0 ? 0 : a * b)

function product(a: Interval, b: Interval): Interval {
  if (isEmpty(a) || isEmpty(b)) return EMPTY
  const corners = [times(a.lo, b.lo), times(a.lo, b.hi), times(a.hi, b.lo), times(a.hi, b.hi)]
  return { lo: Math.min(...corners), hi: Math.max(...corners) }
}

function quotient(a: Interval, b: Interval): Interval {
  if (isEmpty(a) || isEmpty(b)) return EMPTY
  if (b.lo > 0 || b.hi < 0) {
    // ∞ / ∞ is ∞ with the signs' product here; each corner divided as JavaScript divides
    const divide = (x: number, y: number) =>
      Number.isFinite(x) || Number.isFinite(y) ? x / y : Math.sign(x) * Math.sign(y) * Infinity
    const corners = [divide(a.lo, b.lo), divide(a.lo, b.hi), divide(a.hi, b.lo), divide(a.hi, b.hi)]
    return { lo: Math.min(...corners), hi: Math.max(...corners) }
  }
  // the divisor may be 0: the sign is all that is known (a division by 0 is not finite and fails at run time)
  const sameSign = (a.lo >= 0 && b.lo >= 0) || (a.hi <= 0 && b.hi <= 0)
  const oppositeSign = (a.lo >= 0 && b.hi <= 0) || (a.hi <= 0 && b.lo >= 0)
  return sameSign ? { lo: 0, hi: Infinity } : oppositeSign ? { lo: -Infinity, hi: 0 } : FULL
}

function remainder(a: Interval, b: Interval): Interval {
  if (isEmpty(a) || isEmpty(b)) return EMPTY
  const bound = Math.max(Math.abs(b.lo), Math.abs(b.hi))
  // the remainder has the dividend's sign and is smaller than the divisor
  if (a.lo >= 0) return { lo: 0, hi: Math.min(a.hi, bound) }
  if (a.hi <= 0) return { lo: Math.max(a.lo, -bound), hi: 0 }
  return { lo: Math.max(a.lo, -bound), hi: Math.min(a.hi, bound) }
}

/** A literal as JSON Logic's arithmetic reads it (`parseFloat`, or JavaScript's `-`). */
function literal(value: unknown): Interval {
  if (typeof value === 'number') return Number.isFinite(value) ? exactly(value) : EMPTY
  if (typeof value === 'boolean') return exactly(value ? 1 : 0)
  if (value === null || value === undefined) return exactly(0)
  if (typeof value === 'string') {
    const readings = [Number(value), Number.parseFloat(value)].filter(Number.isFinite)
    return readings.length ? hull(...readings.map(exactly)) : EMPTY
  }
  return FULL
}

/** The bounds a form schema puts on a value (number types, enum, const); anything unbounded is FULL. */
function schemaBounds(root: unknown, schemas: SchemaSet, depth = 0): Interval {
  if (schemas.length === 0 || depth > 16) return FULL
  return hull(...schemas.map((schema) => oneSchemaBounds(root, schema, depth)))
}

function oneSchemaBounds(root: unknown, schema: unknown, depth: number): Interval {
  if (!isRecord(schema)) return FULL
  let bounds: Interval = FULL
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#')) {
    return schemaBounds(root, [resolvePointer(root, schema.$ref.slice(1)) ?? true], depth + 1)
  }
  if (Object.hasOwn(schema, 'const')) return literal(schema.const)
  if (Array.isArray(schema.enum)) return hull(...schema.enum.map(literal))
  const types = Array.isArray(schema.type) ? schema.type : [schema.type]
  if (types.length === 1 && types[0] === 'boolean') return BOOL
  if (types.every((t) => t === 'number' || t === 'integer')) {
    const lo = [schema.minimum, schema.exclusiveMinimum].filter((n): n is number => typeof n === 'number')
    const hi = [schema.maximum, schema.exclusiveMaximum].filter((n): n is number => typeof n === 'number')
    bounds = { lo: lo.length ? Math.max(...lo) : -Infinity, hi: hi.length ? Math.min(...hi) : Infinity }
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword]
    if (Array.isArray(branches)) bounds = intersect(bounds, schemaBounds(root, branches, depth + 1))
  }
  if (Array.isArray(schema.allOf))
    for (const part of schema.allOf) bounds = intersect(bounds, oneSchemaBounds(root, part, depth + 1))
  return bounds
}

const intersect = (a: Interval, b: Interval): Interval => ({ lo: Math.max(a.lo, b.lo), hi: Math.min(a.hi, b.hi) })

type Scope =
  | { kind: 'root' }
  | { kind: 'item'; schemas: SchemaSet }
  | { kind: 'reduce'; schemas: SchemaSet; accumulator: Interval }

interface Analysis {
  root: unknown
  constants: Readonly<Record<string, number>>
  /** The first place, innermost, where a value may turn negative although its operands could not. */
  turnsNegative?: string
}

const COMPARISONS = new Set(['==', '===', '!=', '!==', '>', '>=', '<', '<=', '!', '!!', 'in', 'all', 'none', 'some'])

function bounds(rule: unknown, path: string, scope: Scope, a: Analysis, depth = 0): Interval {
  if (depth > 64) return FULL
  if (Array.isArray(rule)) return FULL
  if (!isRecord(rule)) return literal(rule)
  const ops = Object.keys(rule)
  if (ops.length !== 1) return FULL
  const op = ops[0]!
  const opPath = pointer(path, op)
  const raw = rule[op]
  const args: unknown[] = Array.isArray(raw) ? raw : [raw]
  const evaluated = new Map<number, Interval>()
  const arg = (i: number, inScope: Scope = scope) => {
    const at = Array.isArray(raw) ? pointer(opPath, i) : opPath
    if (inScope !== scope) return bounds(args[i], at, inScope, a, depth + 1)
    if (!evaluated.has(i)) evaluated.set(i, bounds(args[i], at, scope, a, depth + 1))
    return evaluated.get(i)!
  }
  const all = () => args.map((_, i) => arg(i))
  const result = evaluate()
  if (result.lo < 0 && a.turnsNegative === undefined && ['+', '-', '*', '/', '%', 'min', 'max'].includes(op)) {
    if ([...evaluated.values()].every((operand) => isEmpty(operand) || operand.lo >= 0)) a.turnsNegative = opPath
  }
  return result

  function evaluate(): Interval {
    switch (op) {
      case 'var':
        return variable()
      case 'if':
      case '?:': {
        const results: Interval[] = []
        for (let i = 1; i < args.length; i += 2) results.push(arg(i))
        results.push(args.length % 2 === 1 ? arg(args.length - 1) : exactly(0))
        return hull(...results)
      }
      case 'and':
      case 'or':
        return hull(...all())
      case '+':
        return all().reduce(
          (sum, x) => (isEmpty(sum) || isEmpty(x) ? EMPTY : { lo: sum.lo + x.lo, hi: sum.hi + x.hi }),
          exactly(0),
        )
      case '-': {
        const [x = exactly(0), y] = all()
        if (isEmpty(x) || (y && isEmpty(y))) return EMPTY
        return y ? { lo: x.lo - y.hi, hi: x.hi - y.lo } : { lo: -x.hi, hi: -x.lo }
      }
      case '*': {
        // no factors: json-logic-js fails to evaluate it, so it never yields a fee
        const factors = all()
        return factors.length === 0 ? EMPTY : factors.reduce(product)
      }
      case '/':
        return quotient(arg(0), arg(1))
      case '%':
        return remainder(arg(0), arg(1))
      case 'min':
      case 'max': {
        const values = all()
        if (values.length === 0 || values.some(isEmpty)) return EMPTY
        const pick = op === 'min' ? Math.min : Math.max
        return { lo: pick(...values.map((v) => v.lo)), hi: pick(...values.map((v) => v.hi)) }
      }
      case 'reduce':
        return reduce()
      default:
        if (COMPARISONS.has(op)) return BOOL
        return FULL
    }
  }

  function variable(): Interval {
    const name = Array.isArray(raw) ? raw[0] : raw
    const fallback = Array.isArray(raw) && raw.length > 1 ? arg(1) : exactly(0)
    if (typeof name !== 'string' && typeof name !== 'number') return FULL
    const segments = String(name) === '' ? [] : String(name).split('.')
    const [head, ...rest] = segments
    // an absent value reads as null (0 for `-`, min, max) unless a default is given
    const orAbsent = (found: Interval) => hull(found, fallback)
    if (scope.kind === 'root') {
      if (head === 'const' && rest.length === 1 && Object.hasOwn(a.constants, rest[0]!))
        return exactly(a.constants[rest[0]!]!)
      if (head === 'form') return orAbsent(schemaBounds(a.root, resolveSegments(a.root, [a.root], rest)))
      return FULL
    }
    if (scope.kind === 'reduce') {
      if (head === 'accumulator' && rest.length === 0) return scope.accumulator
      if (head === 'current') return orAbsent(schemaBounds(a.root, resolveSegments(a.root, scope.schemas, rest)))
      return FULL
    }
    return orAbsent(schemaBounds(a.root, resolveSegments(a.root, scope.schemas, segments)))
  }

  function reduce(): Interval {
    const initial = args.length > 2 ? arg(2) : exactly(0)
    const array = args[0]
    const schemas = itemSchemas(a.root, arraySchemas(a.root, array, scope))
    // widen until stable: an accumulator that can fall keeps falling, one that can rise keeps rising
    let accumulator = initial
    for (let round = 0; round < 3; round++) {
      const next = hull(accumulator, arg(1, { kind: 'reduce', schemas, accumulator }))
      if (next.lo === accumulator.lo && next.hi === accumulator.hi) return accumulator
      accumulator = {
        lo: next.lo < accumulator.lo && round > 0 ? -Infinity : next.lo,
        hi: next.hi > accumulator.hi && round > 0 ? Infinity : next.hi,
      }
    }
    return hull(accumulator, arg(1, { kind: 'reduce', schemas, accumulator }))
  }
}

function arraySchemas(root: unknown, argument: unknown, scope: Scope): SchemaSet {
  if (!isRecord(argument) || !('var' in argument)) return [true]
  const name = Array.isArray(argument.var) ? argument.var[0] : argument.var
  if (typeof name !== 'string') return [true]
  const [head, ...rest] = name.split('.')
  if (scope.kind === 'root') return head === 'form' ? resolveSegments(root, [root], rest) : [true]
  if (scope.kind === 'reduce') return head === 'current' ? resolveSegments(root, scope.schemas, rest) : [true]
  return resolveSegments(root, scope.schemas, name.split('.'))
}

/** The least and most a fee rule can compute, and where it may first turn negative. */
export function feeRuleBounds(
  def: ProcedureDefinition,
  rule: unknown,
  path: string,
  constants: Readonly<Record<string, number>> = constantValues(def),
): Interval & { turnsNegative?: string } {
  const analysis: Analysis = { root: isRecord(def.form) ? def.form.schema : true, constants }
  const found = bounds(rule, path, { kind: 'root' }, analysis)
  return { ...found, ...(analysis.turnsNegative ? { turnsNegative: analysis.turnsNegative } : {}) }
}

/**
 * A fee rule whose least possible result is below 0 is refused (`fee.mayBeNegative`), with the constants' values
 * (`overrides` replacing some, to check an administrator's edit before it is saved).
 */
export function checkFeeBounds(
  def: ProcedureDefinition,
  sound: Soundness = allSound,
  overrides: Readonly<Record<string, number>> = {},
): Issue[] {
  if (!sound('/form/schema') || !sound('/constants')) return []
  const constants = constantValues(def, overrides)
  return items(def.fees).flatMap((fee, i) => {
    const path = `/fees/${i}/rule`
    if (!isRecord(fee) || fee.rule === undefined || !sound(path)) return []
    const found = feeRuleBounds(def, fee.rule, path, constants)
    if (!(found.lo < 0)) return []
    const least = (locale: 'vi' | 'en') =>
      found.lo === -Infinity
        ? locale === 'vi'
          ? 'không có mức thấp nhất'
          : 'with no lower bound'
        : locale === 'vi'
          ? `thấp nhất ${showNumber(found.lo, 'vi')} đồng`
          : `as low as ${showNumber(found.lo, 'en')} VND`
    const where = found.turnsNegative ?? path
    const name = typeof fee.name === 'string' ? fee.name : String(fee.key)
    return [
      issue(
        'fee.mayBeNegative',
        path,
        `Khoản phí “${name}” có thể tính ra số âm (${least('vi')}; phép tính tại ${where}). Hãy bọc quy tắc trong { "max": [0, <quy tắc>] } để số tiền không dưới 0, hoặc đặt "minimum"/"maximum" cho trường biểu mẫu mà quy tắc đọc.`,
        `Fee “${name}” may compute a negative amount (${least('en')}; at ${where}). Wrap the rule in { "max": [0, <rule>] } or bound the form fields it reads with minimum/maximum.`,
        { lowerBound: Number.isFinite(found.lo) ? found.lo : null, at: where },
      ),
    ]
  })
}
