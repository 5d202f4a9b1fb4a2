import { matchesQuery } from '@motcua/core'
import type { AdminProcedure, AdminUnit } from './api'

/** What the procedures list can be narrowed to: "Chờ phê duyệt" and "Có thay đổi chưa ban hành" beside the states. */
export type StateFilter = 'draft' | 'published' | 'scheduled' | 'retired' | 'changes' | 'awaiting'
export const STATE_FILTERS: StateFilter[] = ['draft', 'published', 'scheduled', 'retired', 'changes', 'awaiting']

/** The list's filters; the unit `PROVINCE_WIDE` stands for procedures no unit owns. */
export interface ProcedureFilter {
  q: string
  level: string
  unit: string
  field: string
  state: string
}
export const PROVINCE_WIDE = 'toan-tinh'

// the filters' names in the address bar: /studio?tim=khai+sinh&cap=commune
const PARAMS: Record<keyof ProcedureFilter, string> = {
  q: 'tim',
  level: 'cap',
  unit: 'don-vi',
  field: 'linh-vuc',
  state: 'trang-thai',
}

export const filterOf = (query: URLSearchParams): ProcedureFilter => ({
  q: query.get(PARAMS.q) ?? '',
  level: query.get(PARAMS.level) ?? '',
  unit: query.get(PARAMS.unit) ?? '',
  field: query.get(PARAMS.field) ?? '',
  state: query.get(PARAMS.state) ?? '',
})

/** The address of the list with these filters (empty ones left out). */
export function listAddress(filter: ProcedureFilter): string {
  const query = new URLSearchParams()
  for (const key of Object.keys(PARAMS) as (keyof ProcedureFilter)[])
    if (filter[key]) query.set(PARAMS[key], filter[key])
  const search = query.toString()
  return search ? `/studio?${search}` : '/studio'
}

/** The codes of a unit and of the units below it, among the administrator's units. */
export function unitSubtree(units: AdminUnit[], code: string): Set<string> {
  const within = new Set([code])
  // parents come before their children in the list
  for (const unit of units) if (unit.parentCode && within.has(unit.parentCode)) within.add(unit.code)
  return within
}

const inState = (p: AdminProcedure, state: string): boolean => {
  switch (state as StateFilter) {
    case 'draft':
    case 'published':
    case 'retired':
      return p.state === state
    case 'scheduled':
      return p.state === 'scheduled' || p.scheduled !== null
    case 'changes':
      return p.unpublishedChanges
    case 'awaiting':
      return !!p.draft?.awaitingApproval
    default:
      return true
  }
}

/** The procedures the filters let through; the search ignores diacritics ("khai sinh" finds "Đăng ký khai sinh"). */
export function filterProcedures(items: AdminProcedure[], filter: ProcedureFilter, units: AdminUnit[]) {
  const within = filter.unit && filter.unit !== PROVINCE_WIDE ? unitSubtree(units, filter.unit) : undefined
  return items.filter(
    (p) =>
      (!filter.q.trim() || matchesQuery(`${p.name} ${p.code}`, filter.q)) &&
      (!filter.level || p.level === filter.level) &&
      (!filter.field || p.field === filter.field) &&
      (!filter.unit ||
        (filter.unit === PROVINCE_WIDE
          ? p.ownerUnitCode === null
          : !!p.ownerUnitCode && !!within?.has(p.ownerUnitCode))) &&
      (!filter.state || inState(p, filter.state)),
  )
}
