import type { Issue } from '../errors'
import { isRecord, issue } from './issue'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { items } from './well-formed'

/** Each fee has exactly one of a fixed `amount` and a computing `rule`. */
export function checkFees(def: ProcedureDefinition): Issue[] {
  return items(def.fees).flatMap((fee, i) =>
    isRecord(fee) && (fee.amount === undefined) === (fee.rule === undefined)
      ? [
          issue(
            'fee.amountXorRule',
            `/fees/${i}`,
            `Khoản phí "${String(fee.key)}" phải có đúng một trong hai: số tiền cố định (amount) hoặc quy tắc tính (rule). Hãy giữ một và xoá cái còn lại`,
            `Fee "${String(fee.key)}" must have exactly one of a fixed amount or a rule`,
          ),
        ]
      : [],
  )
}
