import { type FormValidators, loadFormValidators, type RJSFSchema } from '@motcua/forms'
import type { ProcedureDetail } from '../lib/types'

/**
 * The form validators of the version a citizen fills, precompiled by the server (so the page needs no
 * `'unsafe-eval'`): imported once per page load, then one per locale.
 * @example const validators = await formValidatorsOf(procedure); validateForm(schema, data, validators('vi'))
 */
export function formValidatorsOf(procedure: ProcedureDetail): Promise<FormValidators> {
  const url = `/api/procedures/${encodeURIComponent(procedure.code)}/versions/${procedure.version}/validator.js`
  return loadFormValidators(url, procedure.form.schema as RJSFSchema, procedure.formats)
}
