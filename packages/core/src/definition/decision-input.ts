import type { ValidateFunction } from 'ajv'
import { createAjv, toIssues } from '../ajv/index'
import { DomainError, type Issue } from '../errors'
import type { ProcedureDefinition, StepAction } from './procedure-definition.generated'

/** The officer's answers to the actions that asked for input, keyed by action key (`decision.<action>.<field>`). */
export type Decisions = Record<string, Record<string, unknown>>

/** The JSON Schema of an action's input as the desk renders and the runtime checks it. */
export type InputSchema = Record<string, unknown>

/**
 * The case keys an officer may choose with a `setsCase` action: the `enum` the input's `case` field declares, or
 * every case of the procedure.
 * @example selectableCases(def, action) // ['can_xac_minh']
 */
export function selectableCases(def: ProcedureDefinition, action: StepAction): string[] {
  const declared = action.input?.properties.case?.enum
  const keys = (def.cases ?? []).map((c) => c.key)
  return declared ? declared.filter((v): v is string => typeof v === 'string' && keys.includes(v)) : keys
}

/**
 * An action's input schema resolved for use: closed to unknown fields, and for a `setsCase` action the `case` field
 * required and limited to the selectable cases. Undefined when the action asks nothing.
 * @example inputSchemaOf(def, action)?.properties // { case: { type: 'string', enum: ['can_xac_minh'] } }
 */
export function inputSchemaOf(def: ProcedureDefinition, action: StepAction): InputSchema | undefined {
  const input = action.input
  if (!input) return undefined
  const properties: Record<string, unknown> = { ...input.properties }
  let required = input.required
  const choices = action.setsCase ? selectableCases(def, action) : []
  if (choices.length > 0 && input.properties.case) {
    required = [...new Set([...(required ?? []), 'case'])]
    properties.case = { ...input.properties.case, type: 'string', enum: choices }
  }
  return { ...input, properties, ...(required ? { required } : {}), additionalProperties: false }
}

/**
 * An action's UI schema for @rjsf: the declared `inputUi`, and for a `setsCase` action the cases' names as the
 * labels of the `case` choices (`ui:enumNames`) unless declared.
 * @example inputUiOf(def, action) // { case: { 'ui:enumNames': ['Trường hợp cần xác minh'] } }
 */
export function inputUiOf(def: ProcedureDefinition, action: StepAction): Record<string, unknown> | undefined {
  const choices = action.setsCase && action.input?.properties.case ? selectableCases(def, action) : []
  if (choices.length === 0) return action.inputUi
  const names = choices.map((key) => def.cases?.find((c) => c.key === key)?.name ?? key)
  const declared = action.inputUi?.case
  const caseUi = typeof declared === 'object' && declared !== null ? (declared as Record<string, unknown>) : {}
  return { ...action.inputUi, case: { 'ui:enumNames': names, ...caseUi } }
}

// compiled once per action of a published definition: a definition is read once and never changed
const compiled = new WeakMap<StepAction, ValidateFunction>()

/**
 * Checks an officer's input against the action's schema (ajv, all errors, Vietnamese messages); each issue's
 * path starts with `/input` (`/input/so_giay_phep`). An action without `input` accepts none.
 * @example decisionIssues(def, action, { so_giay_phep: '' }) // [{ code: 'minLength', path: '/input/so_giay_phep', … }]
 */
export function decisionIssues(def: ProcedureDefinition, action: StepAction | undefined, input: unknown): Issue[] {
  const schema = action && inputSchemaOf(def, action)
  if (!schema) {
    if (input === undefined || (isPlainObject(input) && Object.keys(input).length === 0)) return []
    return [
      {
        code: 'input.notExpected',
        path: '/input',
        message: {
          vi: 'Thao tác này không cần nhập thông tin quyết định.',
          en: 'This action takes no input.',
        },
      },
    ]
  }
  let validate = compiled.get(action!)
  if (!validate) {
    validate = createAjv().compile(schema)
    compiled.set(action!, validate)
  }
  if (validate(input ?? {})) return []
  return toIssues(validate.errors).map((issue) => ({ ...issue, path: `/input${issue.path}` }))
}

/** Throws INVALID_DATA with every issue of the officer's input, or returns it as the decision to store. */
export function checkDecision(
  def: ProcedureDefinition,
  action: StepAction | undefined,
  input: unknown,
): Record<string, unknown> {
  const issues = decisionIssues(def, action, input)
  if (issues.length > 0) {
    throw new DomainError(
      'INVALID_DATA',
      { vi: 'Thông tin quyết định chưa hợp lệ.', en: 'The officer’s input is invalid.' },
      issues,
    )
  }
  return isPlainObject(input) ? input : {}
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
