import { type Condition, conditionsToRule, ruleToConditions, varPath } from '../rules/conditions'

/**
 * An amount a fee rule gives: a fixed sum, a named constant (set by the province), a price per unit of a number
 * the applicant enters ("8.000 đồng/bản × Số bản sao"), or a percentage of the base amount (the table's last row).
 */
export type Amount =
  | { kind: 'fixed'; value: number }
  | { kind: 'constant'; key: string }
  | { kind: 'perUnit'; field: string; price: number }
  | { kind: 'percent'; percent: number }

/** A fee rule as a table: the first row whose conditions all hold gives the amount, otherwise the base amount. */
export interface FeeTable {
  rows: { when: Condition[]; amount: Amount }[]
  otherwise: Exclude<Amount, { kind: 'percent' }>
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** An amount as JSON Logic; a percentage is of the base amount (`base` is the table's `otherwise`). */
export function amountToRule(amount: Amount, base: FeeTable['otherwise']): unknown {
  switch (amount.kind) {
    case 'fixed':
      return amount.value
    case 'constant':
      return { var: `const.${amount.key}` }
    case 'perUnit':
      return { '*': [{ var: [amount.field, 0] }, amount.price] }
    case 'percent':
      return { '*': [amountToRule(base, base), amount.percent / 100] }
  }
}

function ruleToAmount(rule: unknown, base?: FeeTable['otherwise']): Amount | undefined {
  if (typeof rule === 'number') return { kind: 'fixed', value: rule }
  const path = varPath(rule)
  if (path?.startsWith('const.')) return { kind: 'constant', key: path.slice('const.'.length) }
  if (!isRecord(rule) || !Array.isArray(rule['*']) || rule['*'].length !== 2 || Object.keys(rule).length !== 1)
    return undefined
  const [a, b] = rule['*'] as unknown[]
  if (base && (base.kind === 'fixed' || base.kind === 'constant') && typeof b === 'number') {
    if (sameJson(a, amountToRule(base, base))) return { kind: 'percent', percent: Math.round(b * 10_000) / 100 }
  }
  const [read, price] = typeof a === 'number' ? [b, a] : [a, b]
  const field = varPath(read)
  if (field?.startsWith('form.') && typeof price === 'number') return { kind: 'perUnit', field, price }
  return undefined
}

/**
 * A fee table as the JSON Logic rule the format stores: `if` over the rows, the base amount last.
 * @example feeTableToRule({ rows: [{ when: [{ subject: 'channel', op: 'eq', value: 'online' }], amount: { kind: 'percent', percent: 50 } }], otherwise: { kind: 'fixed', value: 100000 } })
 *   // { if: [{ '==': [{ var: 'channel' }, 'online'] }, { '*': [100000, 0.5] }, 100000] }
 */
export function feeTableToRule(table: FeeTable): unknown {
  const otherwise = amountToRule(table.otherwise, table.otherwise)
  if (table.rows.length === 0) return otherwise
  return {
    if: [
      ...table.rows.flatMap((row) => [conditionsToRule(row.when), amountToRule(row.amount, table.otherwise)]),
      otherwise,
    ],
  }
}

/** A stored fee rule read back as a table, or undefined when it has another shape (then the advanced view edits it). */
export function ruleToFeeTable(rule: unknown): FeeTable | undefined {
  const branches = isRecord(rule) && Object.keys(rule).length === 1 && Array.isArray(rule.if) ? rule.if : undefined
  if (!branches) {
    const otherwise = ruleToAmount(rule)
    return otherwise && otherwise.kind !== 'percent' ? { rows: [], otherwise } : undefined
  }
  if (branches.length < 3 || branches.length % 2 === 0) return undefined
  const otherwise = ruleToAmount(branches.at(-1))
  if (!otherwise || otherwise.kind === 'percent') return undefined
  const rows: FeeTable['rows'] = []
  for (let i = 0; i < branches.length - 1; i += 2) {
    const when = ruleToConditions(branches[i])
    const amount = ruleToAmount(branches[i + 1], otherwise)
    if (!when || !amount) return undefined
    rows.push({ when, amount })
  }
  return { rows, otherwise }
}
