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
