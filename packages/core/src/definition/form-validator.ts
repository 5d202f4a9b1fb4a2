import { addCustomFormats, type CustomFormats, createAjv, dateRuleErrors, toIssues } from '../ajv/index'
import { DomainError, type Issue } from '../errors'
import type { ProcedureDefinition } from './procedure-definition.generated'

/**
 * Validates form data; returns the issues (empty when valid), each at the JSON pointer of its field. `today` (the day
 * in Vietnam, YYYY-MM-DD, from the caller's clock) is what `x-dateRules` compare with.
 */
export type FormValidator = (data: unknown, today: string) => Issue[]

/**
 * Compiles a definition's form schema once (ajv strict, all errors, motcua's formats and the installation's custom
 * ones, each with its own message); call per published version. The date fields' `x-dateRules` are checked after
 * the schema, against `today`.
 * @example const validateForm = compileFormValidator(def); validateForm({ ho_ten: '' }, '2026-11-30') // [{ code: 'minLength', path: '/ho_ten', … }]
 */
export function compileFormValidator(def: ProcedureDefinition, formats?: CustomFormats): FormValidator {
  let validate: ReturnType<ReturnType<typeof createAjv>['compile']>
  try {
    validate = addCustomFormats(createAjv(), formats).compile(def.form.schema)
  } catch (cause) {
    throw new DomainError(
      'INVALID_DATA',
      {
        vi: `Biểu mẫu của thủ tục ${def.code} không hợp lệ`,
        en: `The form schema of procedure ${def.code} does not compile`,
      },
      [],
      { cause },
    )
  }
  const schema = def.form.schema
  return (data, today) => [
    ...(validate(data) ? [] : toIssues(validate.errors, formats)),
    ...toIssues(dateRuleErrors(schema, data, today)),
  ]
}
