import type { Issue } from '../errors'
import { issue } from './issue'
import type { ProcedureDefinition } from './procedure-definition.generated'

/** Each fee has exactly one of a fixed `amount` and a computing `rule`. */
export function checkFees(def: ProcedureDefinition): Issue[] {
  return def.fees.flatMap((fee, i) =>
    (fee.amount === undefined) === (fee.rule === undefined)
      ? [
          issue(
            'fee.amountXorRule',
            `/fees/${i}`,
            `Khoản phí "${fee.key}" phải có đúng một trong hai: số tiền cố định (amount) hoặc quy tắc tính (rule)`,
            `Fee "${fee.key}" must have exactly one of a fixed amount or a rule`,
          ),
        ]
      : [],
  )
}
