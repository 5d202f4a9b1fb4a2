import { api } from '@motcua/web-kit'
import type { ProcedureDetail, ProcedureSummary } from './types'

const details = new Map<string, Promise<ProcedureDetail>>()
let list: Promise<ProcedureSummary[]> | undefined

/** Every published procedure in force (fetched once per page load). */
export function loadProcedures(): Promise<ProcedureSummary[]> {
  list ??= api<ProcedureSummary[]>('/api/procedures')
  list.catch(() => (list = undefined))
  return list
}

/**
 * One procedure as a citizen sees it (fetched once per page load). `fresh`: past every cache, for the form a
 * dossier is filed with, so a version published a moment ago is the one filled in.
 */
export function loadProcedure(code: string, { fresh = false } = {}): Promise<ProcedureDetail> {
  let pending = fresh ? undefined : details.get(code)
  if (!pending) {
    pending = api<ProcedureDetail>(`/api/procedures/${encodeURIComponent(code)}`, fresh ? { cache: 'no-cache' } : {})
    pending.catch(() => details.delete(code))
    details.set(code, pending)
  }
  return pending
}

/** The procedures a unit handles (`GET /api/procedures?unit=`). */
export function loadProceduresOfUnit(unitCode: string): Promise<ProcedureSummary[]> {
  return api<ProcedureSummary[]>(`/api/procedures?unit=${encodeURIComponent(unitCode)}`)
}
