import { addCustomFormats, addVnFormats, type CustomFormats, localize } from '@motcua/core'
import type { RJSFSchema, ValidatorType } from '@rjsf/utils'
import { customizeValidator } from '@rjsf/validator-ajv8'

/** The locales the forms speak. */
export type FormLocale = 'vi' | 'en'

const cache = new Map<string, ValidatorType<unknown, RJSFSchema>>()

/**
 * The rjsf validator that compiles a form's schema in the page (the desk and the studio, whose CSP allows
 * 'unsafe-eval'; the portal imports precompiled ones instead, see `loadFormValidators`): ajv with the Vietnamese
 * formats (cccd, vn-mobile, vnd, …), the installed plugins' `formats` (each with its own message), and messages in
 * `locale`; one instance per locale and set of formats, so compiled schemas are shared by every form on the page.
 * @example <Form validator={formValidator('vi')} … />
 */
export function formValidator(locale: FormLocale = 'vi', formats?: CustomFormats): ValidatorType<unknown, RJSFSchema> {
  const key = `${locale} ${JSON.stringify(formats ?? {})}`
  let validator = cache.get(key)
  if (!validator) {
    validator = customizeValidator(
      {
        extenderFn: (ajv) => addCustomFormats(addVnFormats(ajv), formats),
        // Procedure schemas are checked strictly when published; at fill time, be lenient like @rjsf.
        ajvOptionsOverrides: { strict: false, allErrors: true },
      },
      (errors) => localize(errors, locale, formats),
    )
    cache.set(key, validator)
  }
  return validator
}
