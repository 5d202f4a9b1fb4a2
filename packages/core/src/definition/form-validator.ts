import { addCustomFormats, type CustomFormats, createAjv, toIssues } from '../ajv/index'
import { DomainError, type Issue } from '../errors'
import type { ProcedureDefinition } from './procedure-definition.generated'

/** Validates form data; returns the issues (empty when valid), each at the JSON pointer of its field. */
export type FormValidator = (data: unknown) => Issue[]

/**
 * Compiles a definition's form schema once (ajv strict, all errors, motcua's formats and the installation's custom
 * ones, each with its own message); call per published version.
 * @example const validateForm = compileFormValidator(def); validateForm({ ho_ten: '' }) // [{ code: 'minLength', path: '/ho_ten', … }]
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
  return (data) => (validate(data) ? [] : toIssues(validate.errors, formats))
}
