import { toIssues } from '../ajv/index'
import type { Issue } from '../errors'
import { checkBudget } from './check-budget'
import { checkCitizenText } from './check-citizen-text'
import { checkConsultations } from './check-consultations'
import { checkDecisions } from './check-decisions'
import { checkFees } from './check-fees'
import { checkFormSchema } from './check-form-schema'
import { checkGraph } from './check-graph'
import { checkKeys } from './check-keys'
import { checkRules } from './check-rules'
import { checkSteps } from './check-steps'
import { checkUnits } from './check-units'
import { issue } from './issue'
import { metaValidator } from './meta-validator'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { stepLists } from './step-lists'

export type DefinitionValidation = { ok: true; definition: ProcedureDefinition } | { ok: false; issues: Issue[] }

const semanticChecks: readonly ((def: ProcedureDefinition) => Issue[])[] = [
  checkFormSchema,
  checkKeys,
  (def) => stepLists(def).flatMap((list) => [...checkSteps(list), ...checkGraph(list)]),
  checkBudget,
  checkConsultations,
  checkFees,
  checkRules,
  checkDecisions,
  checkCitizenText,
  checkUnits,
]

/**
 * Validates a procedure definition: the meta-schema first, then (on a well-shaped document) every semantic check.
 * Never throws; every issue has a stable code, a JSON pointer and a Vietnamese and an English message.
 * @example const result = validateDefinition(JSON.parse(text)); if (!result.ok) console.table(result.issues)
 */
export function validateDefinition(input: unknown): DefinitionValidation {
  try {
    const validate = metaValidator()
    if (!validate(input)) return { ok: false, issues: toIssues(validate.errors) }
  } catch (error) {
    return { ok: false, issues: [internal('', error)] }
  }
  const definition = input as ProcedureDefinition
  const issues: Issue[] = []
  for (const check of semanticChecks) {
    try {
      issues.push(...check(definition))
    } catch (error) {
      issues.push(internal('', error))
    }
  }
  return issues.length === 0 ? { ok: true, definition } : { ok: false, issues }
}

// A safety net: a check that throws is a bug, reported as an issue rather than crashing the caller.
const internal = (path: string, error: unknown): Issue =>
  issue(
    'definition.checkFailed',
    path,
    'Không kiểm tra được định nghĩa thủ tục (lỗi nội bộ)',
    `The definition could not be checked (internal error: ${error instanceof Error ? error.message : String(error)})`,
  )
