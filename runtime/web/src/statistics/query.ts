import type { StatStructure } from '@motcua/core'

/** What the dashboard shows, as kept in the address (`?tu=2025-01&den=2025-06&theo=khi-nop`) so a view can be shared. */
export interface StatQuery {
  /** `YYYY-MM`; absent: the API's default (this year so far). */
  from?: string
  to?: string
  structure: StatStructure
}

const STRUCTURE_SLUG: Record<StatStructure, string> = { now: 'hien-nay', then: 'khi-nop' }

/** Reads the dashboard's query; an unknown structure falls back to today's units. */
export function readQuery(query: URLSearchParams): StatQuery {
  const from = query.get('tu') || undefined
  const to = query.get('den') || undefined
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    structure: query.get('theo') === STRUCTURE_SLUG.then ? 'then' : 'now',
  }
}

/**
 * The address's query for a view (empty for the default one).
 * @example addressQuery({ from: '2025-01', to: '2025-03', structure: 'then' }) // '?tu=2025-01&den=2025-03&theo=khi-nop'
 */
export function addressQuery(q: StatQuery): string {
  const params = new URLSearchParams()
  if (q.from) params.set('tu', q.from)
  if (q.to) params.set('den', q.to)
  if (q.structure !== 'now') params.set('theo', STRUCTURE_SLUG[q.structure])
  return params.size ? `?${params}` : ''
}

/** The API's query for a view (`from`, `to`, `structure`), with extra parameters first (e.g. `unit`). */
export function apiQuery(q: StatQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra)
  if (q.from) params.set('from', q.from)
  if (q.to) params.set('to', q.to)
  params.set('structure', q.structure)
  return params.toString()
}

export type QuickPeriod = 'thisMonth' | 'thisQuarter' | 'thisYear' | 'lastYear'

/**
 * The quick choices' periods from the current month (`YYYY-MM`, the server's, from the last answer's `asOf`).
 * @example quickPeriods('2025-05').thisQuarter // { from: '2025-04', to: '2025-05' }
 */
export function quickPeriods(current: string): Record<QuickPeriod, { from: string; to: string }> {
  const year = Number(current.slice(0, 4))
  const month = Number(current.slice(5, 7))
  const quarterStart = String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')
  return {
    thisMonth: { from: current, to: current },
    thisQuarter: { from: `${year}-${quarterStart}`, to: current },
    thisYear: { from: `${year}-01`, to: current },
    lastYear: { from: `${year - 1}-01`, to: `${year - 1}-12` },
  }
}
