import type { Issue } from '../errors'
import { checkBudget } from './check-budget'
import { checkBulk } from './check-bulk'
import { checkCitizenText } from './check-citizen-text'
import { checkConsultations } from './check-consultations'
import { checkDateRules } from './check-date-rules'
import { checkDecisions } from './check-decisions'
import { checkEffective } from './check-effective'
import { checkFeeBounds } from './check-fee-bounds'
import { checkFees } from './check-fees'
import { checkFormSchema } from './check-form-schema'
import { checkGraph } from './check-graph'
import { checkKeys } from './check-keys'
import { catalogueFormats, checkCallOuts, checkPlugins, type PluginCatalogue } from './check-plugins'
import { checkPrefillFields, checkPrefillLookups } from './check-prefill'
import { checkResult } from './check-result'
import { checkRules } from './check-rules'
import { checkSteps } from './check-steps'
import { checkUnits } from './check-units'
import { definitionIssues } from './definition-issues'
import { isRecord, issue } from './issue'
import { metaValidator } from './meta-validator'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { stepLists } from './step-lists'
import { allSound, type Soundness, soundnessOf } from './well-formed'

export type DefinitionValidation = { ok: true; definition: ProcedureDefinition } | { ok: false; issues: Issue[] }

/**
 * A semantic check. `sound` says which parts passed the meta-schema: when it did not pass, a check looks only at
 * the parts it needs that are sound, so every problem is reported at once.
 */
export type SemanticCheck = (def: ProcedureDefinition, sound: Soundness) => Issue[]

/** A check that reads only the parts at `paths`, run when all of them passed the meta-schema. */
const whenSound =
  (paths: readonly string[], check: (def: ProcedureDefinition) => Issue[]): SemanticCheck =>
  (def, sound) =>
    paths.every(sound) ? check(def) : []

// the officers' consultations and decisions are read across all step lists: only when every one is well formed
const STEP_LISTS = ['/steps', '/cases']

const semanticChecks: readonly SemanticCheck[] = [
  checkKeys,
  (def, sound) => stepLists(def, sound).flatMap((list) => [...checkSteps(list), ...checkGraph(list)]),
  checkBudget,
  whenSound(STEP_LISTS, checkConsultations),
  checkFees,
  // a rule with a problem of its own (an unknown field, an operator) is not bounded too
  (def, sound) => {
    const ruleIssues = checkRules(def, sound)
    const ruleSound = soundnessOf(ruleIssues)
    return [...ruleIssues, ...checkFeeBounds(def, (path) => sound(path) && ruleSound(path))]
  },
  whenSound(STEP_LISTS, checkDecisions),
  whenSound(STEP_LISTS, checkBulk),
  checkCitizenText,
  whenSound(['/resultDelivery', '/resultData', '/resultDocument', '/form/schema', ...STEP_LISTS], checkResult),
  whenSound(['/effective'], checkEffective),
  whenSound([...STEP_LISTS, '/reception'], checkUnits),
  whenSound(['/plugins', '/form/schema'], checkPrefillFields),
  whenSound(['/form/schema'], checkDateRules),
]

export interface ValidateOptions {
  /**
   * The installation's plugins: the definition's `plugins` (their `prefill` too) and actions' `callOut` are checked
   * against them, and the form may use their formats.
   */
  plugins?: PluginCatalogue
}

/**
 * Validates a procedure definition: the meta-schema and every semantic check, together. When the meta-schema
 * fails, the semantic checks still run on the parts that passed it, so an administrator sees all problems at
 * once. Never throws; every issue has a stable code, a JSON pointer and a Vietnamese and an English message
 * saying what to do.
 * @example const result = validateDefinition(JSON.parse(text)); if (!result.ok) console.table(result.issues)
 */
export function validateDefinition(input: unknown, options: ValidateOptions = {}): DefinitionValidation {
  let metaIssues: Issue[]
  try {
    const validate = metaValidator()
    metaIssues = validate(input) ? [] : definitionIssues(validate.errors)
  } catch (error) {
    return { ok: false, issues: [internal('', error)] }
  }
  // nothing to look into: not an object at all
  if (!isRecord(input)) return { ok: false, issues: metaIssues }
  const definition = input as unknown as ProcedureDefinition
  const issues = [...metaIssues, ...runSemanticChecks(definition, metaIssues, undefined, options)]
  return issues.length === 0 ? { ok: true, definition } : { ok: false, issues }
}

/**
 * The semantic checks' issues, given the meta-schema's. A check that throws is a bug: on a well-formed document it
 * is reported (`definition.checkFailed`); on a malformed one the meta-schema's issues already say what is wrong,
 * and `onCrash` (for tests) hears of it.
 */
export function runSemanticChecks(
  definition: ProcedureDefinition,
  metaIssues: readonly Issue[],
  onCrash?: (error: unknown) => void,
  options: ValidateOptions = {},
): Issue[] {
  const sound = metaIssues.length === 0 ? allSound : soundnessOf(metaIssues)
  const issues: Issue[] = []
  const { plugins } = options
  const formats = plugins ? catalogueFormats(plugins) : {}
  const formCheck: SemanticCheck = (def, s) => checkFormSchema(def, s, formats)
  const checks = plugins
    ? [
        formCheck,
        ...semanticChecks,
        whenSound(['/plugins'], (def) => checkPlugins(def, plugins)),
        whenSound(['/plugins', ...STEP_LISTS], (def) => checkCallOuts(def, plugins)),
        whenSound(['/plugins'], (def) => checkPrefillLookups(def, plugins)),
      ]
    : [formCheck, ...semanticChecks]
  for (const check of checks) {
    try {
      issues.push(...check(definition, sound))
    } catch (error) {
      onCrash?.(error)
      if (metaIssues.length === 0) issues.push(internal('', error))
    }
  }
  return issues
}

// A safety net: a check that throws is a bug, reported as an issue rather than crashing the caller.
const internal = (path: string, error: unknown): Issue =>
  issue(
    'definition.checkFailed',
    path,
    'Không kiểm tra được định nghĩa thủ tục (lỗi nội bộ). Hãy báo cho đội phát triển kèm định nghĩa này.',
    `The definition could not be checked (internal error: ${error instanceof Error ? error.message : String(error)})`,
  )
