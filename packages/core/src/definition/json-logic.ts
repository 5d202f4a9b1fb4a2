import jsonLogic from 'json-logic-js'
import { DomainError } from '../errors'
import { isRecord } from './issue'
import { pointer } from './json-pointer'

/**
 * The JSON Logic operators a definition may use: the standard set of json-logic-js without `log`
 * (a side effect) and without custom or dotted operators.
 */
export const ruleOperators: ReadonlySet<string> = new Set(
  [
    'var missing missing_some',
    'if ?: and or ! !!',
    '== === != !== > >= < <=',
    '+ - * / % min max',
    'map filter reduce all none some merge in',
    'cat substr',
  ].flatMap((group) => group.split(' ')),
)

/** Operators whose second argument runs once per array item, with the item as its data. */
export const itemOperators: ReadonlySet<string> = new Set(['map', 'filter', 'all', 'none', 'some'])

/** What a rule walk reports; `scope` says which data a `var` reads. */
export type RuleScope = 'root' | 'item' | 'reduce'

export interface RuleVisitor<S> {
  /** A literal `var` path (or `missing` key) at `path`, read in `scope`. */
  onVar(name: string, path: string, scope: S): void
  /** A structural problem: `code` is `rule.invalid` or `rule.unknownOperator`. */
  onProblem(code: 'rule.invalid' | 'rule.unknownOperator', path: string, detail: string): void
  /** The scope for the per-item rule of `op`, given its array argument. */
  enterItems(op: string, arrayArgument: unknown, scope: S): S
}

/** What a rule reads: the form data, the dossier's case and, in guards and routes, the officer's decisions so far. */
export interface RuleData {
  form: unknown
  case: string | null
  /** Officer decisions by action key (`decision.<action>.<field>`): only guards and routes see them. */
  decision?: Record<string, Record<string, unknown>>
}

const MAX_DEPTH = 64

/** Walks a JSON Logic rule: checks operators and structure, and reports every literal `var` path. */
export function walkRule<S>(rule: unknown, path: string, scope: S, visitor: RuleVisitor<S>, depth = 0): void {
  if (depth > MAX_DEPTH) {
    visitor.onProblem('rule.invalid', path, 'nested too deeply')
    return
  }
  if (Array.isArray(rule)) {
    rule.forEach((element, index) => walkRule(element, pointer(path, index), scope, visitor, depth + 1))
    return
  }
  if (!isRecord(rule)) return
  const operators = Object.keys(rule)
  if (operators.length !== 1) {
    visitor.onProblem('rule.invalid', path, `a rule object has exactly one operator, found ${operators.length}`)
    return
  }
  const op = operators[0] as string
  const opPath = pointer(path, op)
  if (!ruleOperators.has(op)) {
    visitor.onProblem('rule.unknownOperator', opPath, op)
    return
  }
  const raw = rule[op]
  const args: [unknown, string][] = Array.isArray(raw)
    ? raw.map((arg, index) => [arg, pointer(opPath, index)])
    : [[raw, opPath]]
  const walk = (arg: [unknown, string] | undefined, inScope: S = scope) => {
    if (arg) walkRule(arg[0], arg[1], inScope, visitor, depth + 1)
  }
  const literalPath = (arg: [unknown, string]) => {
    const [value, at] = arg
    if (typeof value === 'string' || typeof value === 'number') visitor.onVar(String(value), at, scope)
    else if (value === null) visitor.onVar('', at, scope)
    else if (isRecord(value) || Array.isArray(value)) {
      visitor.onProblem('rule.invalid', at, 'a var path must be a literal string')
      walk(arg)
    } else visitor.onProblem('rule.invalid', at, 'a var path must be a string')
  }

  if (op === 'var') {
    const [name, fallback] = args
    if (name === undefined || (Array.isArray(raw) && raw.length === 0)) {
      visitor.onVar('', opPath, scope)
      return
    }
    literalPath(name)
    walk(fallback)
  } else if (op === 'missing') {
    // {"missing": ["a", "b"]} or {"missing": [["a", "b"]]}: keys; anything else is computed.
    const keys = args.length === 1 && Array.isArray(args[0]?.[0]) ? listArgs(args[0]) : args
    for (const key of keys) {
      if (typeof key[0] === 'string') visitor.onVar(key[0], key[1], scope)
      else walk(key)
    }
  } else if (op === 'missing_some') {
    walk(args[0])
    const keys = args[1]
    if (keys && Array.isArray(keys[0])) {
      for (const key of listArgs(keys)) typeof key[0] === 'string' ? visitor.onVar(key[0], key[1], scope) : walk(key)
    } else walk(keys)
  } else if (itemOperators.has(op) || op === 'reduce') {
    const [array, perItem, ...rest] = args
    walk(array)
    if (perItem) walk(perItem, visitor.enterItems(op, array?.[0], scope))
    for (const arg of rest) walk(arg)
  } else {
    for (const arg of args) walk(arg)
  }
}

const listArgs = ([list, at]: [unknown, string]): [unknown, string][] =>
  (list as unknown[]).map((value, index) => [value, pointer(at, index)])

/** Names a JSON Logic `var` may never read, whatever the form schema says. */
const forbiddenSegments = new Set(['__proto__', 'prototype', 'constructor'])

// rules found safe, by identity: a published definition's rules are read once and never changed, and every
// submission applies them again (the walk cost about as much as the evaluation)
const checked = new WeakSet<object>()

/** Throws unless the rule uses only allow-listed operators and plain paths (defence in depth before evaluation). */
function assertSafe(rule: unknown, path: string): void {
  if (typeof rule === 'object' && rule !== null && checked.has(rule)) return
  const problems: string[] = []
  walkRule(rule, path, 'root' as RuleScope, {
    onVar(name, at) {
      if (name.split('.').some((segment) => forbiddenSegments.has(segment)))
        problems.push(`${at}: forbidden path ${name}`)
    },
    onProblem(code, at, detail) {
      problems.push(`${at}: ${code} ${detail}`)
    },
    enterItems: (op) => (op === 'reduce' ? 'reduce' : 'item'),
  })
  if (problems.length > 0) {
    throw new DomainError('INVALID_DATA', {
      vi: `Quy tắc không hợp lệ tại ${path}`,
      en: `Invalid rule at ${path}: ${problems.join('; ')}`,
    })
  }
  if (typeof rule === 'object' && rule !== null) checked.add(rule)
}

/**
 * Evaluates a JSON Logic rule over `{ form, case }` with json-logic-js (never `eval`).
 * @example applyRule({ '*': [{ var: 'form.so_trang' }, 2000] }, { form: { so_trang: 3 }, case: null }, '/fees/0/rule') // 6000
 */
export function applyRule(rule: unknown, data: RuleData, path: string): unknown {
  assertSafe(rule, path)
  try {
    return jsonLogic.apply(rule, data)
  } catch (cause) {
    throw new DomainError(
      'INVALID_DATA',
      { vi: `Không tính được quy tắc tại ${path}`, en: `Could not evaluate the rule at ${path}` },
      [],
      { cause },
    )
  }
}

/** JSON Logic truthiness: `[]` is false, `"0"` is true. */
export const truthy = (value: unknown): boolean => jsonLogic.truthy(value)

/**
 * Whether a rule (an action guard, a case or component `when`) holds for `{ form, case }`, in JSON Logic truthiness.
 * @example ruleHolds({ '==': [{ var: 'form.can_xac_minh' }, true] }, { form: { can_xac_minh: true }, case: null }, '/cases/0/when') // true
 */
export function ruleHolds(rule: unknown, data: RuleData, path: string): boolean {
  return truthy(applyRule(rule, data, path))
}
