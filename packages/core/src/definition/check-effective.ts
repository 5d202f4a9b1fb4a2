import type { Issue } from '../errors'
import { issue } from './issue'
import type { ProcedureDefinition } from './procedure-definition.generated'

/** A version's effective period ends on or after the day it starts. */
export function checkEffective(def: ProcedureDefinition): Issue[] {
  const { from, to } = def.effective
  if (!to || to >= from) return []
  return [
    issue(
      'effective.toBeforeFrom',
      '/effective/to',
      `Ngày hết hiệu lực (${to}) phải từ ngày có hiệu lực (${from}) trở đi: sửa một trong hai ngày.`,
      `The last day (${to}) must be on or after the first day (${from}): correct one of them.`,
    ),
  ]
}

/** Where a day falls in a version's effective period. */
export type PeriodState = 'scheduled' | 'inForce' | 'retired'

/**
 * Whether a definition takes new dossiers on `day` (YYYY-MM-DD, Vietnam time) by its own period: not yet
 * (`scheduled`), `inForce`, or `retired` after its last day. Dossiers already filed go on whatever the state.
 * @example periodState({ from: '2017-06-01', to: '2025-02-28' }, '2025-03-01') // 'retired'
 */
export function periodState(effective: ProcedureDefinition['effective'], day: string): PeriodState {
  if (day < effective.from) return 'scheduled'
  return effective.to && day > effective.to ? 'retired' : 'inForce'
}
